import type { WithMessages } from "../context.js";
import { checkinsOfPeriod, findCheckin, findMatchForCheckins, postedMessage, saveAnswer, saveMessageRef, type MatchOfCheckin } from "../../store/checkins.js";
import { setPause } from "../../store/availability.js";
import { runKeys, type CheckinAnswer, type Role } from "../../domain/checkinPlan.js";
import { CheckinNotFound, MatchAlreadyEnded, NotYourCheckin } from "../../domain/errors.js";
import { escalateOnce, type CheckinCard, type CheckinMessages } from "./checkins.js";
import { endMentorship } from "../requests/matches.js";
import type { RequestMessages } from "../requests/requests.js";

export interface MessageRef {
  channel: string;
  ts: string;
}

/** A check-in message to redraw with the answer: where it is and what it now says. */
export interface CheckinUpdate {
  ref: MessageRef;
  card: CheckinCard;
}

export interface AnswerResult {
  answer: CheckinAnswer;
  /** Every message of this period to redraw in place (the clicked one first). */
  updates: CheckinUpdate[];
  /** Need help: the directors were told just now (false when they had been already this period). */
  escalated: boolean;
  match: MatchOfCheckin;
  /** The period answered for (its key). */
  periodKey: string;
}

const sideOf = (m: MatchOfCheckin, role: Role) => (role === "mentor" ? m.mentor : m.trainee);
const otherOf = (m: MatchOfCheckin, role: Role) => (role === "mentor" ? m.trainee : m.mentor);

/**
 * Someone in the pair answers a check-in. A later click replaces the answer (one answer per
 * check-in, never a second). Anyone else is refused with nothing changed. "Need help" tells the
 * directors at once, once per period, and is shown only on the asker's own message (the other
 * person's reads as not answered by them). Returns the messages to redraw: the clicked one, and each
 * recipient's original check-in DM (found through the outbox row that posted it, then remembered
 * on the Checkin row).
 */
export async function answerCheckin(
  ctx: WithMessages<CheckinMessages>,
  slackUserId: string,
  checkinId: string,
  answer: CheckinAnswer,
  clicked: MessageRef | null,
): Promise<AnswerResult> {
  const { db, workspaceId, now, messages } = ctx;
  const checkin = await findCheckin(db, workspaceId, checkinId);
  if (!checkin) throw new CheckinNotFound(checkinId);
  const match = checkin.match;
  const clicker = [match.mentor, match.trainee].find((p) => p.slackUserId === slackUserId);
  if (!clicker) throw new NotYourCheckin(checkinId);
  if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(match.id);
  await saveAnswer(db, workspaceId, checkinId, answer, clicker.memberId, now);
  const escalated = answer === "NEED_HELP" && (await escalateOnce(db, workspaceId, match.id, checkin.periodKey, "need-help", now, messages)) === "escalated";

  const rows = await checkinsOfPeriod(db, workspaceId, match.id, checkin.periodKey);
  const slackOf = (memberId: string | null) => [match.mentor, match.trainee].find((p) => p.memberId === memberId)?.slackUserId ?? null;
  const latest = rows.filter((r) => r.answer).at(-1);
  const updates: CheckinUpdate[] = [];
  const seen = new Set<string>();
  const push = (ref: MessageRef | null, card: CheckinCard) => {
    if (!ref || seen.has(`${ref.channel}/${ref.ts}`)) return;
    seen.add(`${ref.channel}/${ref.ts}`);
    updates.push({ ref, card });
  };
  const directorTold = rows.some((r) => r.escalatedAt !== null);
  for (const row of [...rows.filter((r) => r.id === checkinId), ...rows.filter((r) => r.id !== checkinId)]) {
    const you = sideOf(match, row.recipient);
    const answered = row.answer ? row : latest;
    // "Need help" is between the person who asked and their directors: the other person's message never shows it.
    const shown = answered?.answer === "NEED_HELP" && answered.answeredById !== you.memberId ? undefined : answered;
    const card: CheckinCard = {
      checkinId: row.id,
      matchId: match.id,
      periodKey: row.periodKey,
      recipient: row.recipient,
      you,
      other: otherOf(match, row.recipient),
      programName: match.programName,
      answer: shown?.answer ?? null,
      answeredBySlackId: slackOf(shown?.answeredById ?? null),
      directorTold,
    };
    if (row.id === checkinId) push(clicked, card);
    let original: MessageRef | null = row.messageChannel && row.messageTs ? { channel: row.messageChannel, ts: row.messageTs } : null;
    if (!original) {
      original = await postedMessage(db, workspaceId, runKeys.checkin(match.id, row.periodKey, row.recipient));
      if (original) await saveMessageRef(db, workspaceId, row.id, original);
    }
    push(original, card);
  }
  return { answer, updates, escalated, match, periodKey: checkin.periodKey };
}

export type StayChoice = "stay" | "pause" | "leave";

/**
 * The answer to "stay, pause or leave?", from the person it was asked of only. Stay changes
 * nothing; pause pauses them (Member.pausedAt, until they resume); leave ends this mentorship,
 * telling the other person and the directors (with `leaveNote` as the private feedback).
 */
export async function answerStayPauseLeave(
  ctx: WithMessages<RequestMessages>,
  slackUserId: string,
  target: { matchId: string; recipient: Role },
  choice: StayChoice,
  leaveNote: string,
): Promise<MatchOfCheckin> {
  const { db, workspaceId, now, messages: endMessages } = ctx;
  const match = await findMatchForCheckins(db, workspaceId, target.matchId);
  if (!match || sideOf(match, target.recipient).slackUserId !== slackUserId) throw new NotYourCheckin(target.matchId);
  const me = sideOf(match, target.recipient);
  if (choice === "pause") await setPause(db, workspaceId, me.memberId, now, null);
  if (choice === "leave") {
    if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(match.id);
    await endMentorship(ctx, slackUserId, match.id, leaveNote);
    return { ...match, status: "ENDED" };
  }
  return match;
}
