import { z } from "zod";
import { action, idValue, idsOf, jsonValue, view } from "../../slack/interaction/ids.js";

/** The survey surfaces' buttons and modals, each with the codec of its value. */
export const SURVEY = {
  /** "Answer the survey" on the invitation (and reminder) DM; value = invitation id. */
  answer: action("survey_answer", idValue),
  /** The survey modal; metadata = invitation id. */
  form: view("survey_form", idValue),
  /** A director's "Surveys" on the App Home; value = program id. */
  settingsOpen: action("survey_settings_open", idValue),
  /** A director's "Survey results" on the App Home; value = program id. */
  results: action("survey_results", idValue),
  /** The survey settings modal; metadata = program id. */
  settings: view("survey_settings", jsonValue(z.object({ programId: z.string().min(1).max(200) }))),
} as const;

export const SURVEY_ACTIONS = idsOf({ answer: SURVEY.answer, settingsOpen: SURVEY.settingsOpen, results: SURVEY.results });
export const SURVEY_VIEWS = idsOf({ form: SURVEY.form, settings: SURVEY.settings });

/** Every input uses this action id; block ids name the item or setting. */
export const VALUE = "value";
export const SURVEY_BLOCKS = {
  /** The survey modal: one block per item, `survey_item_<key>`. */
  item: (key: string) => `survey_item_${key}`,
  enabled: "survey_enabled",
  months: "survey_months",
  endOfYear: "survey_end_of_year",
  /** The settings modal: one block per item's wording, `survey_text_<kind>_<key>`. */
  text: (kind: string, key: string) => `survey_text_${kind}_${key}`,
} as const;
