import { z } from "zod";
import type { Db, Tx } from "./database.js";
import type { Cadence } from "../generated/sqlite/enums.js";
import type { DateRange } from "../domain/deliveryTime.js";
import type { PlanMatch } from "../domain/checkinPlan.js";
import { effectiveCadence } from "../domain/cadence.js";
import { periodsChanged } from "./dashboardPeriods.js";

/**
 * Meetings, agendas and the match facts around them. Every query is scoped by the workspace.
 * Meeting.notes are private to the pair: only `createMeeting` writes them and nothing here reads
 * them back (no listing, report or export selects the column).
 */

export interface Party {
  memberId: string;
  slackUserId: string;
  name: string;
  tz: string;
}

export interface MeetingMatch {
  id: string;
  status: "ACTIVE" | "ENDED";
  startedAt: Date;
  programName: string;
  role: string;
  agenda: string | null;
  agendaSetAt: Date | null;
  trainee: Party;
  mentor: Party;
}

const PARTY = { select: { id: true, slackUserId: true, name: true, tz: true } } as const;
const SELECT = {
  id: true,
  status: true,
  startedAt: true,
  role: true,
  agenda: true,
  agendaSetAt: true,
  program: { select: { name: true } },
  trainee: PARTY,
  mentor: PARTY,
} as const;

type PartyRow = { id: string; slackUserId: string; name: string; tz: string };
const party = (p: PartyRow): Party => ({ memberId: p.id, slackUserId: p.slackUserId, name: p.name, tz: p.tz });

function toMatch(r: {
  id: string;
  status: "ACTIVE" | "ENDED";
  startedAt: Date;
  role: string;
  agenda: string | null;
  agendaSetAt: Date | null;
  program: { name: string };
  trainee: PartyRow;
  mentor: PartyRow;
}): MeetingMatch {
  return {
    id: r.id,
    status: r.status,
    startedAt: r.startedAt,
    programName: r.program.name,
    role: r.role,
    agenda: r.agenda,
    agendaSetAt: r.agendaSetAt,
    trainee: party(r.trainee),
    mentor: party(r.mentor),
  };
}

export async function findMeetingMatch(db: Db | Tx, workspaceId: string, id: string): Promise<MeetingMatch | null> {
  const r = await db.match.findFirst({ where: { workspaceId, id }, select: SELECT });
  return r ? toMatch(r) : null;
}

/** The member's active matches, as trainee or mentor, oldest first. */
export async function activeMatchesWith(db: Db, workspaceId: string, memberId: string): Promise<MeetingMatch[]> {
  const rows = await db.match.findMany({
    where: { workspaceId, status: "ACTIVE", OR: [{ traineeId: memberId }, { mentorId: memberId }] },
    select: SELECT,
    orderBy: { startedAt: "asc" },
  });
  return rows.map(toMatch);
}

export interface NewMeeting {
  workspaceId: string;
  matchId: string;
  date: Date;
  agenda: string;
  notes: string;
  nextSteps: string;
  loggedById: string;
  createdAt: Date;
}

/** Writes a meeting; call it in the transaction that logs it (the dashboard's stored period of its date is forgotten with it). */
export async function createMeeting(tx: Db | Tx, m: NewMeeting): Promise<string> {
  const r = await tx.meeting.create({ data: m, select: { id: true } });
  await periodsChanged(tx, m.workspaceId, { days: [m.date] });
  return r.id;
}

/** The agenda is for the next meeting: logging one clears it. */
export async function clearAgenda(tx: Db | Tx, workspaceId: string, matchId: string): Promise<void> {
  await tx.match.updateMany({ where: { workspaceId, id: matchId }, data: { agenda: null, agendaSetAt: null } });
}

/** Sets (or, with null, clears) the agenda of an ACTIVE match; false if it has ended. */
export async function setAgenda(db: Db | Tx, workspaceId: string, matchId: string, agenda: string | null, at: Date): Promise<boolean> {
  const { count } = await db.match.updateMany({
    where: { workspaceId, id: matchId, status: "ACTIVE" },
    data: { agenda, agendaSetAt: agenda === null ? null : at },
  });
  return count === 1;
}

/** A logged meeting as the App Home and confirmations show it: never its private notes. */
export interface MeetingSummary {
  date: Date;
  nextSteps: string;
}

/** The latest meeting of each match (date and next steps only). */
export async function latestMeetings(db: Db, workspaceId: string, matchIds: readonly string[]): Promise<Map<string, MeetingSummary>> {
  const out = new Map<string, MeetingSummary>();
  if (!matchIds.length) return out;
  const rows = await db.meeting.findMany({
    where: { workspaceId, matchId: { in: [...matchIds] } },
    select: { matchId: true, date: true, nextSteps: true, createdAt: true },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
  for (const r of rows) if (!out.has(r.matchId)) out.set(r.matchId, { date: r.date, nextSteps: r.nextSteps });
  return out;
}

const breaksSchema = z.array(z.union([z.string(), z.object({ from: z.string(), to: z.string() })]));

/** The program's break days as stored (Program.breaks JSON); unreadable reads as none. */
export function readBreaks(raw: unknown): (string | DateRange)[] {
  const parsed = breaksSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

/** What the App Home needs to say when a match's next check-in is. */
export interface MatchSchedule {
  matchId: string;
  startedAt: Date;
  cadence: Cadence | null;
  programCadence: Cadence;
  programTz: string;
  programBreaks: (string | DateRange)[];
}

export async function matchSchedules(db: Db, workspaceId: string, matchIds: readonly string[]): Promise<Map<string, MatchSchedule>> {
  if (!matchIds.length) return new Map();
  const rows = await db.match.findMany({
    where: { workspaceId, id: { in: [...matchIds] } },
    select: { id: true, startedAt: true, cadence: true, program: { select: { checkinCadence: true, timezone: true, breaks: true } } },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        matchId: r.id,
        startedAt: r.startedAt,
        cadence: r.cadence,
        programCadence: r.program.checkinCadence,
        programTz: r.program.timezone,
        programBreaks: readBreaks(r.program.breaks),
      },
    ]),
  );
}

/** One active match as the agenda-prompt plan needs it: its timeline, the trainee (pause, zone, DM), the agenda. */
export interface AgendaPlanRow {
  plan: PlanMatch;
  traineeDm: string;
  traineeTz: string;
  mentorSlackUserId: string;
  agenda: string | null;
}

/** A page of a workspace's active matches (by id, after `afterId`), without check-in history: the agenda prompt needs none. */
export async function agendaPlanPage(db: Db, workspaceId: string, afterId: string | null, take: number): Promise<AgendaPlanRow[]> {
  const person = { select: { slackUserId: true, tz: true, pausedAt: true, pausedUntil: true, erasedAt: true, dmChannelId: true } } as const;
  const rows = await db.match.findMany({
    where: { workspaceId, status: "ACTIVE", ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      cadence: true,
      startedAt: true,
      agenda: true,
      program: { select: { checkinCadence: true, timezone: true, breaks: true } },
      mentor: person,
      trainee: person,
    },
  });
  // Someone who erased their data is never messaged: to the plan they are paused for good.
  const planPerson = (p: { tz: string; pausedAt: Date | null; pausedUntil: Date | null; erasedAt: Date | null }) =>
    p.erasedAt ? { tz: p.tz, pausedAt: new Date(0), pausedUntil: null } : { tz: p.tz, pausedAt: p.pausedAt, pausedUntil: p.pausedUntil };
  return rows.map((r) => ({
    plan: {
      matchId: r.id,
      startedAt: r.startedAt,
      status: "ACTIVE",
      cadence: effectiveCadence(r.cadence, r.program.checkinCadence),
      programTz: r.program.timezone,
      programBreaks: readBreaks(r.program.breaks),
      mentor: planPerson(r.mentor),
      trainee: planPerson(r.trainee),
    },
    traineeDm: r.trainee.dmChannelId ?? r.trainee.slackUserId,
    traineeTz: r.trainee.tz,
    mentorSlackUserId: r.mentor.slackUserId,
    agenda: r.agenda,
  }));
}
