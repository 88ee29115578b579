import type { Db, Tx } from "../../store/database.js";
import type { WithDirectory } from "../context.js";
import { enqueue } from "../../store/outbox.js";
import { addSkip, findRound, hasSkip, participants, removeSkip, runState, type Participant, type RoundRecord, type RunState } from "../../store/rounds.js";
import { parseRoundOptions } from "../../domain/roundOptions.js";
import { RoundRunClosed, RoundRunNotFound } from "../../domain/errors.js";
import { pause, resume, type AvailabilityResult } from "../profiles/availability.js";
import { ensureMember } from "../profiles/members.js";
import type { SlackDirectory } from "../ports.js";
import type { Payload } from "../requests/requests.js";

/**
 * The day-before notice ("you're in the next round — skip this one?") and its answers: skip this
 * run only (a RoundSkip row, which the proposal leaves out), or pause everything (the member's pause,
 * which every round, /findmentor and the check-ins respect) — and, once paused, resume.
 */

/** What a notice says: plain data, the words are the view's. */
export interface NoticeCard {
  runId: string;
  roundName: string;
  programName: string;
  kind: RoundRecord["kind"];
  scheduledFor: Date;
  /** The recipient's own zone, for the date they read. */
  tz: string;
  side: Participant["side"];
  rankDeadline: Date | null;
}

export type NoticeAnswer = "skipped" | "unskipped" | "paused" | "resumed";

export interface RoundNoticeMessages {
  notice(card: NoticeCard): Payload;
  /** A stable round opens: the trainee ranks suggested mentors. */
  rankTrainee(card: NoticeCard): Payload;
  /** Trainees have ranked: the mentor ranks those who ranked them. */
  rankMentor(card: NoticeCard & { rankedBy: number }): Payload;
}

/** Where a DM to this person goes: the cached IM channel, else their user id (never conversations.open). */
export const dmChannelOf = (p: Pick<Participant, "dmChannelId" | "slackUserId">): string => p.dmChannelId ?? p.slackUserId;

/** Who a run is for: trainees, and mentors unless it is a peer rotation. */
export function runParticipants(db: Db | Tx, round: RoundRecord, at: Date): Promise<Participant[]> {
  const options = parseRoundOptions(round.kind, round.options);
  const role = options.kind === "MENTOR_MATCH" || options.kind === "STABLE" ? options.role : null;
  const withMentors = !(options.kind === "ROTATION" && !options.crossGroup);
  return participants(db, round, { role, withMentors }, at);
}

export function cardFor(round: RoundRecord, run: Pick<RunState, "id" | "scheduledFor" | "rankDeadline">, p: Pick<Participant, "tz" | "side">): NoticeCard {
  return {
    runId: run.id,
    roundName: round.name,
    programName: round.programName,
    kind: round.kind,
    scheduledFor: run.scheduledFor,
    tz: p.tz,
    side: p.side,
    rankDeadline: run.rankDeadline,
  };
}

/** Queues one notice per participant of a new run (inside the run's creating transaction), to go out from `sendFrom`. */
export async function queueNotices(tx: Tx, round: RoundRecord, run: RunState, sendFrom: Date, messages: RoundNoticeMessages): Promise<number> {
  let queued = 0;
  for (const p of await runParticipants(tx, round, run.scheduledFor)) {
    const sent = await enqueue(tx, {
      workspaceId: round.workspaceId,
      key: `round-notice:${run.id}:${p.memberId}`,
      channel: dmChannelOf(p),
      payload: { ...messages.notice(cardFor(round, run, p)) },
      notBefore: sendFrom,
    });
    if (sent) queued += 1;
  }
  return queued;
}

/** The run a notice button points at, and its round, if they are in this workspace. */
async function runFor(db: Db, workspaceId: string, runId: string): Promise<{ run: RunState; round: RoundRecord }> {
  const run = await runState(db, workspaceId, runId);
  const round = run ? await findRound(db, workspaceId, run.roundId) : null;
  if (!run || !round) throw new RoundRunNotFound(runId);
  return { run, round };
}

/** Whether a run can still be skipped: its round is active and it has not been previewed yet. */
const isOpen = ({ run, round }: { run: RunState; round: RoundRecord }) => round.status === "ACTIVE" && (run.status === "NOTICED" || run.status === "RANKING");

/** The run a notice button points at, if it is in this workspace and still before its preview. */
async function openRunFor(db: Db, workspaceId: string, runId: string): Promise<{ run: RunState; round: RoundRecord }> {
  const found = await runFor(db, workspaceId, runId);
  if (!isOpen(found)) throw new RoundRunClosed(found.run.status);
  return found;
}

export interface NoticeOutcome {
  card: NoticeCard;
  answer: NoticeAnswer;
  pause?: AvailabilityResult;
  /** After "resumed": whether they still skip this run, and whether the run can still be skipped. */
  skipping?: boolean;
  runOpen?: boolean;
}

/** "Skip this one" (or, with `skip` false, "Count me in after all"): only while the run is still open. */
export async function answerSkip(ctx: WithDirectory, slackUserId: string, runId: string, skip: boolean): Promise<NoticeOutcome> {
  const { db, directory, workspaceId, now } = ctx;
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const { run, round } = await openRunFor(db, workspaceId, runId);
  if (skip) await addSkip(db, workspaceId, run.id, member.id, now);
  else await removeSkip(db, workspaceId, run.id, member.id);
  return { card: cardFor(round, run, { tz: member.tz, side: "trainee" }), answer: skip ? "skipped" : "unskipped" };
}

/**
 * "Pause everything" (`pausing`: the person's pause until they resume, the same as /mentoring pause)
 * or, on a notice answered with a pause, "Resume" (as /mentoring resume; the notice then shows this
 * run again, skippable if it still is).
 */
export async function answerAvailability(ctx: WithDirectory, slackUserId: string, runId: string, pausing: boolean): Promise<NoticeOutcome> {
  const { db, directory, workspaceId, now } = ctx;
  const found = await runFor(db, workspaceId, runId);
  if (pausing) {
    const result = await pause(db, directory, workspaceId, slackUserId, null, now);
    return { card: cardFor(found.round, found.run, { tz: result.tz, side: "trainee" }), answer: "paused", pause: result };
  }
  const result = await resume(db, directory, workspaceId, slackUserId, now);
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const skipping = await hasSkip(db, workspaceId, found.run.id, member.id);
  return { card: cardFor(found.round, found.run, { tz: result.tz, side: "trainee" }), answer: "resumed", skipping, runOpen: isOpen(found) };
}
