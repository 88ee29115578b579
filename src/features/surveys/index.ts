/**
 * Evaluation surveys: short anonymous surveys a program sends by DM at milestones (3 months into a
 * match, the end of the academic year): the mentee's view of the mentoring, the mentor's view of the
 * relationship, and a program-wide end-of-year survey. People answer in a modal; directors change
 * the surveys (App Home "Surveys", `/mentoring-admin surveys`, the CLI) and see the results only as
 * aggregates of at least 5 responses (App Home "Survey results", `/mentoring-admin surveys results`,
 * `surveys report`). The surveys job (src/jobs/surveys.ts) decides who is due; docs/surveys.md.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { answerSurveys } from "./listeners/answer.js";
import { surveySettings } from "./listeners/settings.js";

export function registerSurveyListeners(on: Interactions): void {
  answerSurveys(on);
  surveySettings(on);
}
