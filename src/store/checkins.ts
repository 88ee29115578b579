import { z } from "zod";
import type { Db, Tx } from "./database.js";
import type { CheckinAnswer } from "../generated/sqlite/enums.js";
import { effectiveCadence } from "../domain/cadence.js";
import type { CheckinRecord, PlanMatch, Role } from "../domain/checkinPlan.js";
import type { DateRange } from "../domain/deliveryTime.js";
import type { LiveWorkspaces } from "./workspaces.js";
import { periodsChanged } from "./dashboardPeriods.js";

/** One side of a pair, as check-in messages need it. */
export interface CheckinParty {
  memberId: string;
  slackUserId: string;
  name: string;
  tz: string;
  /** Where their DMs go: the cached IM channel, else the user id (never conversations.open per message). */
  dmChannel: string;
}

/** An active match with everything the plan and the messages need. */
export interface PlanRow {
  plan: PlanMatch;
  workspaceId: string;
  programId: string;
  programName: string;
  role: string;
  mentor: CheckinParty;
  trainee: CheckinParty;
}

const breaksSchema = z.array(z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.object({ from: z.string(), to: z.string() })]));

/** Program.breaks as stored (JSON), or none when absent or malformed. */
export function parseBreaks(raw: unknown): (string | DateRange)[] {
  const parsed = breaksSchema.safeParse(raw ?? []);
  return parsed.success ? parsed.data : [];
}

const PERSON = { select: { id: true, slackUserId: true, name: true, tz: true, dmChannelId: true, pausedAt: true, pausedUntil: true, erasedAt: true } } as const;
const HISTORY = { select: { periodKey: true, recipient: true, sentAt: true, answer: true, answeredAt: true, reminderSentAt: true } } as const;

export type PersonRow = { id: string; slackUserId: string; name: string; tz: string; dmChannelId: string | null; pausedAt: Date | null; pausedUntil: Date | null; erasedAt: Date | null };

export const party = (p: PersonRow): CheckinParty => ({ memberId: p.id, slackUserId: p.slackUserId, name: p.name, tz: p.tz, dmChannel: p.dmChannelId ?? p.slackUserId });
/** Someone who erased their data is never messaged: to the plan they are paused for good. */
export const planPerson = (p: PersonRow) => (p.erasedAt ? { tz: p.tz, pausedAt: new Date(0), pausedUntil: null } : { tz: p.tz, pausedAt: p.pausedAt, pausedUntil: p.pausedUntil });

/** Workspaces that have at least one active match. */
export async function workspacesWithActiveMatches(db: Db, live: LiveWorkspaces): Promise<string[]> {
  const rows = await db.match.findMany({ where: { status: "ACTIVE", ...live }, distinct: ["workspaceId"], select: { workspaceId: true } });
  return rows.map((r) => r.workspaceId);
}

/**
 * One page of a workspace's active matches (by id, after `afterId`), with program settings, both
 * people and the whole check-in history. Pages keep every IN list short (SQLite's parameter limit).
 */
export async function activeMatchPage(db: Db, workspaceId: string, afterId: string | null, take: number): Promise<PlanRow[]> {
  const rows = await db.match.findMany({
    where: { workspaceId, status: "ACTIVE", ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      workspaceId: true,
      programId: true,
      role: true,
      cadence: true,
      startedAt: true,
      endedAt: true,
      program: { select: { name: true, checkinCadence: true, timezone: true, breaks: true, checkinAlsoTrainee: true } },
      mentor: PERSON,
      trainee: PERSON,
      checkins: HISTORY,
    },
  });
  return rows.map((r) => ({
    workspaceId: r.workspaceId,
    programId: r.programId,
    programName: r.program.name,
    role: r.role,
    mentor: party(r.mentor),
    trainee: party(r.trainee),
    plan: {
      matchId: r.id,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      status: "ACTIVE",
      cadence: effectiveCadence(r.cadence, r.program.checkinCadence),
      alsoTrainee: r.program.checkinAlsoTrainee,
      programTz: r.program.timezone,
      programBreaks: parseBreaks(r.program.breaks),
      mentor: planPerson(r.mentor),
      trainee: planPerson(r.trainee),
      history: {
        checkins: r.checkins.map(
          (c): CheckinRecord => ({ periodKey: c.periodKey, recipient: c.recipient as Role, sentAt: c.sentAt, answer: c.answer, answeredAt: c.answeredAt, reminderSentAt: c.reminderSentAt }),
        ),
      },
    },
  }));
}

/**
 * Run keys of escalations and stay-pause-leave questions already done in a workspace. (Check-ins and
 * reminders need none: their Checkin row says they were sent.) Rare, so cheap to load at once.
 */
export async function doneEscalationKeys(db: Db, workspaceId: string): Promise<Set<string>> {
  const rows = await db.jobRun.findMany({
    where: { workspaceId, OR: [{ key: { startsWith: "escalate:" } }, { key: { startsWith: "stay:" } }] },
    select: { key: true },
  });
  return new Set(rows.map((r) => r.key));
}

export interface NewCheckin {
  id: string;
  workspaceId: string;
  matchId: string;
  periodKey: string;
  recipient: Role;
  sentAt: Date;
}

export async function createCheckins(tx: Tx, rows: NewCheckin[]): Promise<void> {
  if (!rows.length) return;
  await tx.checkin.createMany({ data: rows });
  for (const workspaceId of new Set(rows.map((r) => r.workspaceId))) {
    await periodsChanged(tx, workspaceId, { instants: rows.filter((r) => r.workspaceId === workspaceId).map((r) => r.sentAt) });
  }
}

/** Records a check-in as sent (a second run of the same key never gets here; upsert keeps it one row). */
export async function upsertSentCheckin(tx: Tx, row: NewCheckin): Promise<string> {
  const where = { matchId_periodKey_recipient: { matchId: row.matchId, periodKey: row.periodKey, recipient: row.recipient } };
  const before = await tx.checkin.findUnique({ where, select: { sentAt: true } });
  await periodsChanged(tx, row.workspaceId, { instants: [before?.sentAt, row.sentAt] });
  const saved = await tx.checkin.upsert({
    where: { matchId_periodKey_recipient: { matchId: row.matchId, periodKey: row.periodKey, recipient: row.recipient } },
    create: row,
    update: { sentAt: row.sentAt },
    select: { id: true },
  });
  return saved.id;
}

export async function markReminded(tx: Db | Tx, workspaceId: string, checkinIds: string[], now: Date): Promise<void> {
  if (checkinIds.length) await tx.checkin.updateMany({ where: { workspaceId, id: { in: checkinIds } }, data: { reminderSentAt: now } });
}

/** The check-in row ids of (match, period, recipient) triples, for reminders. */
export async function checkinIdsOf(db: Db | Tx, workspaceId: string, matchIds: string[]): Promise<Map<string, string>> {
  if (!matchIds.length) return new Map();
  const rows = await db.checkin.findMany({ where: { workspaceId, matchId: { in: matchIds } }, select: { id: true, matchId: true, periodKey: true, recipient: true } });
  return new Map(rows.map((r) => [`${r.matchId}:${r.periodKey}:${r.recipient}`, r.id]));
}

export async function markEscalated(tx: Db | Tx, workspaceId: string, matchId: string, periodKey: string, now: Date): Promise<void> {
  await markManyEscalated(tx, workspaceId, [{ matchId, periodKey }], now);
}

export async function markManyEscalated(tx: Db | Tx, workspaceId: string, periods: { matchId: string; periodKey: string }[], now: Date): Promise<void> {
  if (periods.length) await tx.checkin.updateMany({ where: { workspaceId, escalatedAt: null, OR: periods }, data: { escalatedAt: now } });
}

/** A check-in with its match, as the answer buttons need it. */
export interface CheckinRow {
  id: string;
  workspaceId: string;
  matchId: string;
  periodKey: string;
  recipient: Role;
  sentAt: Date | null;
  answer: CheckinAnswer | null;
  answeredById: string | null;
  messageChannel: string | null;
  messageTs: string | null;
  /** When the program's directors were told about this period (null: not yet). */
  escalatedAt: Date | null;
  match: MatchOfCheckin;
}

export interface MatchOfCheckin {
  id: string;
  workspaceId: string;
  programId: string;
  programName: string;
  role: string;
  status: "ACTIVE" | "ENDED";
  startedAt: Date;
  cadence: string | null;
  programCadence: string;
  mentor: CheckinParty;
  trainee: CheckinParty;
}

const MATCH = {
  select: {
    id: true,
    workspaceId: true,
    programId: true,
    role: true,
    status: true,
    startedAt: true,
    cadence: true,
    program: { select: { name: true, checkinCadence: true } },
    mentor: PERSON,
    trainee: PERSON,
  },
} as const;

type MatchSelect = {
  id: string;
  workspaceId: string;
  programId: string;
  role: string;
  status: "ACTIVE" | "ENDED";
  startedAt: Date;
  cadence: string | null;
  program: { name: string; checkinCadence: string };
  mentor: PersonRow;
  trainee: PersonRow;
};

const matchOf = (m: MatchSelect): MatchOfCheckin => ({
  id: m.id,
  workspaceId: m.workspaceId,
  programId: m.programId,
  programName: m.program.name,
  role: m.role,
  status: m.status,
  startedAt: m.startedAt,
  cadence: m.cadence,
  programCadence: m.program.checkinCadence,
  mentor: party(m.mentor),
  trainee: party(m.trainee),
});

const CHECKIN = {
  id: true,
  workspaceId: true,
  matchId: true,
  periodKey: true,
  recipient: true,
  sentAt: true,
  answer: true,
  answeredById: true,
  messageChannel: true,
  messageTs: true,
  escalatedAt: true,
} as const;

export async function findCheckin(db: Db | Tx, workspaceId: string, id: string): Promise<CheckinRow | null> {
  const r = await db.checkin.findFirst({ where: { workspaceId, id }, select: { ...CHECKIN, match: MATCH } });
  return r ? { ...r, recipient: r.recipient as Role, match: matchOf(r.match) } : null;
}

export async function findMatchForCheckins(db: Db | Tx, workspaceId: string, matchId: string): Promise<MatchOfCheckin | null> {
  const m = await db.match.findFirst({ where: { workspaceId, id: matchId }, ...MATCH });
  return m ? matchOf(m) : null;
}

/** Every check-in of one period of a match (one per recipient). */
export async function checkinsOfPeriod(db: Db | Tx, workspaceId: string, matchId: string, periodKey: string): Promise<Omit<CheckinRow, "match">[]> {
  const rows = await db.checkin.findMany({ where: { workspaceId, matchId, periodKey }, select: CHECKIN, orderBy: { recipient: "asc" } });
  return rows.map((r) => ({ ...r, recipient: r.recipient as Role }));
}

/** A match's check-in history, oldest period first. */
export async function historyOfMatch(db: Db | Tx, workspaceId: string, matchId: string): Promise<{ periodKey: string; recipient: Role; sentAt: Date | null; answer: CheckinAnswer | null; answeredById: string | null }[]> {
  const rows = await db.checkin.findMany({
    where: { workspaceId, matchId },
    select: { periodKey: true, recipient: true, sentAt: true, answer: true, answeredById: true },
    orderBy: [{ periodKey: "asc" }, { recipient: "asc" }],
  });
  return rows.map((r) => ({ ...r, recipient: r.recipient as Role }));
}

/** A match's check-in answers (with who answered and when) and the day of its latest logged meeting: whether a call for help is still open (domain/nudges.ts). */
export async function helpEvidence(
  db: Db | Tx,
  workspaceId: string,
  matchId: string,
): Promise<{ answers: { periodKey: string; recipient: Role; answer: CheckinAnswer | null; answeredAt: Date | null; answeredById: string | null }[]; lastMeetingOn: Date | null }> {
  const [rows, meeting] = await Promise.all([
    db.checkin.findMany({ where: { workspaceId, matchId, answer: { not: null } }, select: { periodKey: true, recipient: true, answer: true, answeredAt: true, answeredById: true } }),
    db.meeting.aggregate({ where: { workspaceId, matchId }, _max: { date: true } }),
  ]);
  return { answers: rows.map((r) => ({ ...r, recipient: r.recipient as Role })), lastMeetingOn: meeting._max.date };
}

/**
 * Stores an answer (a later click replaces it), and in the same transaction forgets the dashboard's
 * stored periods it changes: the one the check-in was sent in (answered) and those of the old and new answer.
 */
export async function saveAnswer(
  db: Db | Tx,
  workspaceId: string,
  id: string,
  answer: CheckinAnswer,
  answeredById: string,
  now: Date,
): Promise<void> {
  const write = async (tx: Db | Tx) => {
    const before = await tx.checkin.findFirst({ where: { workspaceId, id }, select: { sentAt: true, answeredAt: true } });
    if (!before) return;
    await tx.checkin.updateMany({ where: { workspaceId, id }, data: { answer, answeredAt: now, answeredById } });
    await periodsChanged(tx, workspaceId, { instants: [before.sentAt, before.answeredAt, now] });
  };
  if ("$transaction" in db && typeof db.$transaction === "function") await (db as Db).$transaction((tx) => write(tx));
  else await write(db);
}

export async function saveMessageRef(db: Db | Tx, workspaceId: string, id: string, ref: { channel: string; ts: string }): Promise<void> {
  await db.checkin.updateMany({ where: { workspaceId, id }, data: { messageChannel: ref.channel, messageTs: ref.ts } });
}

/** Where the outbox posted a message (its key), once it has: the link from a Checkin to its DM. */
export async function postedMessage(db: Db | Tx, workspaceId: string, key: string): Promise<{ channel: string; ts: string } | null> {
  const row = await db.outboxMessage.findUnique({ where: { workspaceId_key: { workspaceId, key } }, select: { postedChannel: true, postedTs: true } });
  return row?.postedChannel && row.postedTs ? { channel: row.postedChannel, ts: row.postedTs } : null;
}

/**
 * Who hears about a program's stuck pairs: its DIRECTOR enrollments plus everyone granted the
 * director role in Rounds; if that is nobody, the workspace's Slack admins and owners (so an
 * escalation is never dropped for want of a director).
 */
export async function checkinDirectors(db: Db | Tx, workspaceId: string, programId: string): Promise<{ memberId: string; slackUserId: string; dmChannel: string; tz: string }[]> {
  const select = { id: true, slackUserId: true, dmChannelId: true, tz: true } as const;
  const rows = await db.member.findMany({
    where: {
      workspaceId,
      erasedAt: null,
      OR: [{ enrollments: { some: { workspaceId, programId, role: "DIRECTOR" } } }, { directorGrantedAt: { not: null } }],
    },
    select,
    orderBy: { slackUserId: "asc" },
  });
  const chosen = rows.length
    ? rows
    : await db.member.findMany({ where: { workspaceId, erasedAt: null, OR: [{ isAdmin: true }, { isOwner: true }] }, select, orderBy: { slackUserId: "asc" } });
  return chosen.map((m) => ({ memberId: m.id, slackUserId: m.slackUserId, dmChannel: m.dmChannelId ?? m.slackUserId, tz: m.tz }));
}

export async function memberIdOf(db: Db | Tx, workspaceId: string, slackUserId: string): Promise<string | null> {
  const m = await db.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } }, select: { id: true } });
  return m?.id ?? null;
}
