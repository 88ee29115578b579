import { Elements } from "slack-block-builder";
import { SURVEY_ACTIONS } from "../ids.js";

/** A program's survey buttons on a director's App Home: the settings modal, and the results to their DM. */
export const surveyHomeButtons = (programId: string) => [
  Elements.Button({ text: "Surveys", actionId: SURVEY_ACTIONS.settingsOpen, value: programId }),
  Elements.Button({ text: "Survey results", actionId: SURVEY_ACTIONS.results, value: programId }),
];
