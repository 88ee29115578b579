import { Bits, Blocks, Elements, Modal } from "slack-block-builder";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { ITEM_TEXT_MAX, SURVEY_KINDS, type SurveyKind, type SurveySettings } from "../../../domain/surveys.js";
import { SURVEY, SURVEY_BLOCKS, VALUE } from "../ids.js";

export const SURVEY_LABELS: Record<SurveyKind, string> = {
  mentee: "Mentee's view of the mentoring",
  mentor: "Mentor's view of the relationship",
  program: "Program-wide end-of-year survey",
};
export const END_OF_YEAR_VALUE = "end_of_year";

/** A director's survey settings for one program: which surveys are on, when they go, every item's wording. */
export function settingsModal(programId: string, programName: string, settings: SurveySettings) {
  const kindOption = (kind: SurveyKind) => Bits.Option({ text: SURVEY_LABELS[kind], value: kind });
  const on = SURVEY_KINDS.filter((k) => settings.surveys[k].enabled);
  const enabled = Elements.Checkboxes({ actionId: VALUE }).options(SURVEY_KINDS.map(kindOption));
  if (on.length) enabled.initialOptions(on.map(kindOption));
  const eoyOption = Bits.Option({ text: "Also at the end of the academic year (two weeks before it ends)", value: END_OF_YEAR_VALUE });
  const eoy = Elements.Checkboxes({ actionId: VALUE }).options(eoyOption);
  if (settings.endOfYear) eoy.initialOptions(eoyOption);
  const blocks = [
    Blocks.Section({ text: `Evaluation surveys of *${escapeMrkdwn(programName)}*. Answers are anonymous and shown only as averages of at least 5 responses.` }),
    Blocks.Input({ label: "Surveys that are on", blockId: SURVEY_BLOCKS.enabled }).optional(true).element(enabled),
    Blocks.Input({ label: "Months into a match", blockId: SURVEY_BLOCKS.months, hint: "When the mentee and mentor surveys go, e.g. 3 or 3, 9. Leave empty for none." })
      .optional(true)
      .element(Elements.TextInput({ actionId: VALUE, maxLength: 40, ...(settings.milestoneMonths.length ? { initialValue: settings.milestoneMonths.join(", ") } : {}) })),
    Blocks.Input({ label: "End of the year", blockId: SURVEY_BLOCKS.endOfYear, hint: "The program-wide survey always goes at the end of the year when it is on." }).optional(true).element(eoy),
    ...SURVEY_KINDS.flatMap((kind) => [
      Blocks.Header({ text: SURVEY_LABELS[kind] }),
      ...settings.surveys[kind].items.map((item) =>
        Blocks.Input({ label: item.type === "likert" ? `Item: ${item.key} (1–5)` : `Item: ${item.key} (free text)`, blockId: SURVEY_BLOCKS.text(kind, item.key) }).element(
          Elements.TextInput({ actionId: VALUE, maxLength: ITEM_TEXT_MAX, initialValue: item.text }),
        ),
      ),
    ]),
  ];
  return Modal({ title: "Surveys", submit: "Save", close: "Cancel", callbackId: SURVEY.settings.id, privateMetaData: SURVEY.settings.metadata.encode({ programId }) })
    .blocks(blocks)
    .buildToObject();
}

/** What the settings now say, in a sentence. */
export function settingsSummary(s: SurveySettings): string {
  const on = SURVEY_KINDS.filter((k) => s.surveys[k].enabled).map((k) => SURVEY_LABELS[k].toLowerCase());
  const when = [...(s.milestoneMonths.length ? [`${s.milestoneMonths.join(", ")} ${s.milestoneMonths.length === 1 && s.milestoneMonths[0] === 1 ? "month" : "months"} into each match`] : []), ...(s.endOfYear ? ["at the end of the academic year"] : [])];
  if (!on.length) return "All surveys are off.";
  const pair = s.surveys.mentee.enabled || s.surveys.mentor.enabled ? [`The mentee and mentor surveys go ${when.length ? when.join(" and ") : "never (no milestone set)"}.`] : [];
  const program = s.surveys.program.enabled ? ["The program-wide survey goes at the end of the academic year."] : [];
  return [`On: ${on.join("; ")}.`, ...pair, ...program].join(" ");
}

