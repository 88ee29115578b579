import { answerSurvey, openSurvey } from "../surveys.js";
import { answersSchema } from "../../../domain/surveys.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import type { SubmittedState } from "../../../slack/kit/submittedState.js";
import { SURVEY, SURVEY_BLOCKS, VALUE } from "../ids.js";
import { surveyModal } from "../views/form.js";

const ANSWERED = "You have already answered this survey. Thank you!";
const GONE = "This survey is not one of yours, or it is no longer open.";
const THANKS = "Thank you: your answers are recorded anonymously. Directors see them only as averages of at least 5 people.";

/** A submitted item's value: the picked radio option, or the text typed. */
function itemValue(values: SubmittedState, key: string): string | undefined {
  const el = values[SURVEY_BLOCKS.item(key)]?.[VALUE];
  return el?.selected_option?.value ?? el?.value ?? undefined;
}

/**
 * "Answer the survey" on a survey DM opens the survey modal (a "working…" modal at once, filled in
 * once the invitation is read); its Send validates every item (inline errors), records the answers
 * anonymously, and thanks the person. A second answer to the same invitation records nothing.
 */
export function answerSurveys(on: Interactions): void {
  on.button({ action: SURVEY.answer, who: "anyone", when: "queued", errors: whereClicked, label: "survey open", opensModal: { title: "Survey" } }, async (i) => {
    const opened = await openSurvey(i.ctx.db, i.teamId, i.userId, i.value);
    if (opened.kind !== "form") {
      if (opened.kind === "not-found") i.logger.info({ invitation: i.value }, "refused: a survey that is not the presser's");
      const words = opened.kind === "answered" ? ANSWERED : GONE;
      if (i.modal) await i.client.views.update({ view_id: i.modal.id, view: doneModal("Survey", words) });
      else await i.tell(words);
      return;
    }
    const view = surveyModal(i.value, opened.survey, { programName: opened.programName, otherName: opened.otherName });
    if (i.modal) await i.client.views.update({ view_id: i.modal.id, view });
    else await i.tell("Slack could not open the survey just now. Please press the button again.");
  });

  on.submit({ view: SURVEY.form, who: "anyone", errors: (text) => ({ update: doneModal("Survey", text) }), label: "survey answer" }, async (i) => {
    const opened = await openSurvey(i.ctx.db, i.teamId, i.userId, i.metadata);
    if (opened.kind !== "form") return { update: doneModal("Survey", opened.kind === "answered" ? ANSWERED : GONE) };
    const items = opened.survey.items;
    const parsed = answersSchema(items).safeParse(Object.fromEntries(items.map((item) => [item.key, itemValue(i.values, item.key)])));
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[SURVEY_BLOCKS.item(String(issue.path[0]))] ??= issue.message;
      return { errors };
    }
    const outcome = await answerSurvey(i.ctx.db, i.teamId, i.userId, i.metadata, parsed.data);
    return { update: doneModal(outcome === "recorded" ? "Thank you" : "Survey", outcome === "recorded" ? THANKS : outcome === "answered" ? ANSWERED : GONE) };
  });
}
