import { Blocks, Elements, Message } from "slack-block-builder";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { count } from "../../../slack/kit/plural.js";
import { milestoneName, MIN_GROUP, type SurveyKind } from "../../../domain/surveys.js";
import type { Payload } from "../../requests/requests.js";
import { SURVEY_ACTIONS } from "../ids.js";

/** What an invitation DM says: the program, the survey, the milestone, and who it is about. */
export interface InvitationCard {
  invitationId: string;
  programName: string;
  kind: SurveyKind;
  milestone: string;
  academicYearStart: string;
  /** The other person of the match (mentee survey: the mentor; mentor survey: the trainee); null for the program survey. */
  otherName: string | null;
  questions: number;
}

/** The promise every survey DM and modal makes, in the same words. */
export function anonymityWords(kind: SurveyKind, otherName: string | null): string {
  const about = kind !== "program" && otherName ? ` ${escapeMrkdwn(otherName)} never sees your answers.` : "";
  return `Your answers are anonymous: they are stored without your name, and directors see only averages of groups of at least ${MIN_GROUP} people.${about}`;
}

function ask(card: InvitationCard): string {
  const program = `*${escapeMrkdwn(card.programName)}*`;
  const when = milestoneName(card.milestone, card.academicYearStart);
  const other = card.otherName ? escapeMrkdwn(card.otherName) : "";
  if (card.kind === "mentee") return `${program} asks: how is your mentoring with ${other} going, ${when}?`;
  if (card.kind === "mentor") return `${program} asks: how is your mentoring of ${other} going, ${when}?`;
  return `${program} asks what you thought of the program, ${when}.`;
}

function survey(card: InvitationCard, reminder: boolean): Payload {
  const lead = reminder ? `A reminder: ${ask(card)}` : ask(card);
  const text = `${lead} ${count(card.questions, "short question")}, about two minutes.`;
  return Message()
    .text(reminder ? `Reminder: a short survey from ${card.programName}` : `A short survey from ${card.programName}`)
    .blocks(
      Blocks.Section({ text }),
      Blocks.Context().elements(anonymityWords(card.kind, card.otherName)),
      Blocks.Actions().elements(Elements.Button({ text: "Answer the survey", actionId: SURVEY_ACTIONS.answer, value: card.invitationId }).primary()),
    )
    .buildToObject() as Payload;
}

/** The words of the survey DMs (src/features/surveys/surveys.ts sends them through the outbox). */
export const surveyMessages = {
  invitation: (card: InvitationCard) => survey(card, false),
  reminder: (card: InvitationCard) => survey(card, true),
};
export type SurveyMessages = typeof surveyMessages;
