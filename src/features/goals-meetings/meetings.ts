import { createHash } from "node:crypto";
import type { Db } from "../../store/database.js";
import type { MemberRecord } from "../../store/members.js";
import { enqueue } from "../../store/outbox.js";
import { runOnce } from "../../store/jobRuns.js";
import { appendProgress, findGoal, goalsOf, goalsOfMembers, memberNames } from "../../store/goals.js";
import {
  activeMatchesWith,
  clearAgenda,
  createMeeting,
  findMeetingMatch,
  latestMeetings,
  matchSchedules,
  setAgenda,
  type MeetingMatch,
  type MeetingSummary,
  type Party,
} from "../../store/meetings.js";
import { effectiveCadence } from "../../domain/cadence.js";
import { localDate } from "../../domain/deliveryTime.js";
import { dayToDate, meetingDateProblem, nextCheckinAt } from "../../domain/meetings.js";
import { sortGoals, type GoalView } from "../../domain/goals.js";
import { GoalNotFound, InvalidMeetingDate, MatchAlreadyEnded, MatchNotFound } from "../../domain/errors.js";
import { ensureMember } from "../profiles/members.js";
import type { WithDirectory, WithMessages } from "../context.js";
import type { Payload } from "../requests/requests.js";

/** The meeting modal's facts: the match, who the other person is, today in the logger's zone, the trainee's active goals. */
export interface MeetingForm {
  match: MeetingMatch;
  viewerIsTrainee: boolean;
  other: Party;
  /** `YYYY-MM-DD` in the logger's time zone. */
  today: string;
  goals: GoalView[];
  checkinId: string | null;
}

export interface MatchChoice {
  matchId: string;
  other: Party;
  role: string;
  programName: string;
}

export type MeetingFormResult = { kind: "no-match" } | { kind: "pick"; choices: MatchChoice[] } | { kind: "form"; form: MeetingForm };

const isParty = (m: MeetingMatch, memberId: string) => m.trainee.memberId === memberId || m.mentor.memberId === memberId;
const otherOf = (m: MeetingMatch, memberId: string) => (m.trainee.memberId === memberId ? m.mentor : m.trainee);

/** The match, if the person is one of its pair (else MatchNotFound: nobody learns of others' matches). */
async function pairMatch(db: Db, workspaceId: string, memberId: string, matchId: string): Promise<MeetingMatch> {
  const match = await findMeetingMatch(db, workspaceId, matchId);
  if (!match || !isParty(match, memberId)) throw new MatchNotFound(matchId);
  return match;
}

async function formFor(db: Db, member: MemberRecord, match: MeetingMatch, checkinId: string | null, now: Date): Promise<MeetingForm> {
  const goals = (await goalsOf(db, member.workspaceId, match.trainee.memberId)).filter((g) => g.status === "ACTIVE");
  return {
    match,
    viewerIsTrainee: match.trainee.memberId === member.id,
    other: otherOf(match, member.id),
    today: localDate(now, member.tz),
    goals: sortGoals(goals),
    checkinId,
  };
}

/**
 * What to open for logging a meeting: the form for `matchId` (the person must be one of its pair and
 * the match active), else the only active match's form, a choice between several, or "no match".
 */
export async function meetingForm(ctx: WithDirectory, slackUserId: string, matchId: string | null, checkinId: string | null): Promise<MeetingFormResult> {
  const { db, workspaceId, now } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  if (matchId) {
    const match = await pairMatch(db, workspaceId, me.id, matchId);
    if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(matchId);
    return { kind: "form", form: await formFor(db, me, match, checkinId, now) };
  }
  const matches = await activeMatchesWith(db, workspaceId, me.id);
  if (matches.length === 0) return { kind: "no-match" };
  if (matches.length === 1) return { kind: "form", form: await formFor(db, me, matches[0]!, checkinId, now) };
  return { kind: "pick", choices: matches.map((m) => ({ matchId: m.id, other: otherOf(m, me.id), role: m.role, programName: m.programName })) };
}

export interface MeetingInput {
  matchId: string;
  /** `YYYY-MM-DD`. */
  date: string;
  agenda: string;
  /** Private to the pair. */
  notes: string;
  nextSteps: string;
  /** Progress notes on the trainee's goals (empty notes are left out by the caller). */
  progress: { goalId: string; note: string }[];
}

/**
 * Logs a meeting: the meeting row, progress notes on the trainee's goals, and the agenda cleared, in
 * one transaction under the claim key `meeting:<team>:<submissionKey>` (the modal's view id), so a
 * retried or doubled submission makes one meeting. Returns whether this call was a repeat.
 */
export async function logMeeting(ctx: WithDirectory, slackUserId: string, submissionKey: string, input: MeetingInput): Promise<{ match: MeetingMatch; repeated: boolean }> {
  const { db, workspaceId, now } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  const match = await pairMatch(db, workspaceId, me.id, input.matchId);
  if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(match.id);
  const problem = meetingDateProblem(input.date, { now, tz: me.tz, matchStartedAt: match.startedAt });
  if (problem) throw new InvalidMeetingDate(problem);
  const ran = await runOnce(db, { key: `meeting:${workspaceId}:${submissionKey}`, job: "meeting-log", workspaceId }, now, async (tx) => {
    for (const p of input.progress) {
      const goal = await findGoal(tx, workspaceId, p.goalId);
      if (!goal || goal.memberId !== match.trainee.memberId) throw new GoalNotFound(p.goalId);
      await appendProgress(tx, workspaceId, p.goalId, { at: now.toISOString(), by: me.id, note: p.note });
    }
    await createMeeting(tx, {
      workspaceId,
      matchId: match.id,
      date: dayToDate(input.date)!,
      agenda: input.agenda,
      notes: input.notes,
      nextSteps: input.nextSteps,
      loggedById: me.id,
      createdAt: now,
    });
    await clearAgenda(tx, workspaceId, match.id);
  });
  return { match, repeated: !ran };
}

/** The words of the agenda notification; src/features/goals-meetings/views/meetings/agendaPrompt.ts writes them. */
export interface AgendaMessages {
  agendaSet(match: MeetingMatch, setBy: Party): Payload;
}

/** The match whose agenda the person may set (either of the pair, active matches only). */
export async function agendaMatch(ctx: WithDirectory, slackUserId: string, matchId: string): Promise<MeetingMatch> {
  const { db, workspaceId, now } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  const match = await pairMatch(db, workspaceId, me.id, matchId);
  if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(matchId);
  return match;
}

/**
 * Sets the agenda for the pair's next meeting (empty clears it). When it is set, the other person
 * gets a DM with it (through the outbox, once per change).
 */
export async function setMatchAgenda(ctx: WithDirectory & WithMessages<AgendaMessages>, slackUserId: string, matchId: string, agenda: string): Promise<MeetingMatch> {
  const { db, workspaceId, now, messages } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  const match = await pairMatch(db, workspaceId, me.id, matchId);
  const value = agenda.trim() || null;
  const updated: MeetingMatch = { ...match, agenda: value, agendaSetAt: value ? now : null };
  await db.$transaction(async (tx) => {
    if (!(await setAgenda(tx, workspaceId, matchId, value, now))) throw new MatchAlreadyEnded(matchId);
    if (!value || value === match.agenda) return;
    const setBy = match.trainee.memberId === me.id ? match.trainee : match.mentor;
    const other = otherOf(match, me.id);
    // One DM per change: the agenda it replaced (by when it was set) and the new text, so a repeat submission sends nothing more.
    const text = createHash("sha256").update(value).digest("hex").slice(0, 16);
    const key = `agenda-set:${matchId}:${match.agendaSetAt?.getTime() ?? "none"}:${text}`;
    await enqueue(tx, { workspaceId, key, channel: other.slackUserId, payload: { ...messages.agendaSet(updated, setBy) }, notBefore: now });
  });
  return updated;
}

/** One active match as its App Home card shows it. */
export interface MatchDetail {
  matchId: string;
  viewerIsTrainee: boolean;
  other: { slackUserId: string; name: string };
  role: string;
  programName: string;
  lastMeeting: MeetingSummary | null;
  nextCheckinAt: Date | null;
  agenda: string | null;
  /** The trainee's goals: shown to the mentor on the mentee's card (the trainee sees theirs once, in `ownGoals`). */
  menteeGoals: GoalView[];
}

export interface MatchDetails {
  matches: MatchDetail[];
  /** The viewer's own goals (null when they are nobody's trainee and have none). */
  ownGoals: GoalView[] | null;
  /** Who wrote each progress note, by member id. */
  authors: Record<string, string>;
}

/** Last meeting, next check-in, agenda and goals for each of a person's active matches. */
export async function matchDetails(db: Db, workspaceId: string, member: MemberRecord, isTrainee: boolean, now: Date): Promise<MatchDetails> {
  const matches = await activeMatchesWith(db, workspaceId, member.id);
  const ids = matches.map((m) => m.id);
  const menteeIds = matches.filter((m) => m.mentor.memberId === member.id).map((m) => m.trainee.memberId);
  const [meetings, schedules, goals] = await Promise.all([
    latestMeetings(db, workspaceId, ids),
    matchSchedules(db, workspaceId, ids),
    goalsOfMembers(db, workspaceId, [member.id, ...menteeIds]),
  ]);
  const details = matches.map((m): MatchDetail => {
    const viewerIsTrainee = m.trainee.memberId === member.id;
    const other = otherOf(m, member.id);
    const s = schedules.get(m.id);
    const next = s
      ? nextCheckinAt({ startedAt: s.startedAt, cadence: effectiveCadence(s.cadence, s.programCadence), mentorTz: m.mentor.tz, programTz: s.programTz, programBreaks: s.programBreaks }, now)
      : null;
    return {
      matchId: m.id,
      viewerIsTrainee,
      other: { slackUserId: other.slackUserId, name: other.name },
      role: m.role,
      programName: m.programName,
      lastMeeting: meetings.get(m.id) ?? null,
      nextCheckinAt: next,
      agenda: m.agenda,
      menteeGoals: viewerIsTrainee ? [] : sortGoals((goals.get(m.trainee.memberId) ?? []).filter((g) => g.status !== "DONE")),
    };
  });
  const own = goals.get(member.id) ?? [];
  const shownGoals = [...own, ...details.flatMap((d) => d.menteeGoals)];
  const names = await memberNames(db, workspaceId, shownGoals.flatMap((g) => g.progress.map((p) => p.by)));
  return { matches: details, ownGoals: isTrainee || own.length ? sortGoals(own) : null, authors: Object.fromEntries(names) };
}
