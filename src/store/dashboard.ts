import type { Db } from "./database.js";
import type { Cadence } from "../domain/cadence.js";
import type { MatchEvidence } from "../domain/dashboardRisk.js";

/**
 * Aggregates behind the director's dashboard and chart. Every query is scoped by the workspace and
 * counts in the database (groupBy / count); the only per-row reads are one small row per active
 * match or per mentor of the program, never per check-in or meeting.
 */

export interface Party {
  slackUserId: string;
  name: string;
  erased: boolean;
}

const PARTY = { select: { slackUserId: true, name: true, erasedAt: true } } as const;
const party = (m: { slackUserId: string; name: string; erasedAt: Date | null }): Party => ({ slackUserId: m.slackUserId, name: m.name, erased: m.erasedAt !== null });

export interface DashboardProgram {
  id: string;
  name: string;
  cadence: Cadence;
  timezone: string;
}

export async function dashboardPrograms(db: Db, workspaceId: string, programId?: string): Promise<DashboardProgram[]> {
  const rows = await db.program.findMany({
    where: { workspaceId, ...(programId ? { id: programId } : {}) },
    select: { id: true, name: true, checkinCadence: true, timezone: true },
    orderBy: { name: "asc" },
  });
  return rows.map((p) => ({ id: p.id, name: p.name, cadence: p.checkinCadence, timezone: p.timezone }));
}

export interface CohortCounts {
  cohortId: string | null;
  cohortName: string | null;
  trainees: number;
  mentors: number;
  matchedTrainees: number;
}

/** People by cohort and role, and trainees with an active match in the program (erased people left out). */
export async function cohortCounts(db: Db, workspaceId: string, programId: string): Promise<CohortCounts[]> {
  const [cohorts, roles, matched] = await Promise.all([
    db.cohort.findMany({ where: { workspaceId, programId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.enrollment.groupBy({ by: ["cohortId", "role"], where: { workspaceId, programId, member: { erasedAt: null } }, _count: { _all: true } }),
    db.enrollment.groupBy({
      by: ["cohortId"],
      where: { workspaceId, programId, role: "TRAINEE", member: { erasedAt: null, menteeMatches: { some: { workspaceId, programId, status: "ACTIVE" } } } },
      _count: { _all: true },
    }),
  ]);
  const count = (cohortId: string | null, role: string) => roles.find((r) => r.cohortId === cohortId && r.role === role)?._count._all ?? 0;
  const rows: CohortCounts[] = cohorts.map((c) => ({
    cohortId: c.id,
    cohortName: c.name,
    trainees: count(c.id, "TRAINEE"),
    mentors: count(c.id, "MENTOR"),
    matchedTrainees: matched.find((m) => m.cohortId === c.id)?._count._all ?? 0,
  }));
  const none = { cohortId: null, cohortName: null, trainees: count(null, "TRAINEE"), mentors: count(null, "MENTOR"), matchedTrainees: matched.find((m) => m.cohortId === null)?._count._all ?? 0 };
  if (none.trainees + none.mentors > 0) rows.push(none);
  return rows;
}

export interface PendingRequestRow {
  id: string;
  role: string;
  createdAt: Date;
  trainee: Party;
  mentor: Party;
}

/** Pending requests of the program: how many, and the `take` oldest. */
export async function pendingRequests(db: Db, workspaceId: string, programId: string, take: number): Promise<{ total: number; oldest: PendingRequestRow[] }> {
  const where = { workspaceId, programId, status: "PENDING" as const };
  const [total, rows] = await Promise.all([
    db.mentorRequest.count({ where }),
    db.mentorRequest.findMany({ where, select: { id: true, role: true, createdAt: true, trainee: PARTY, mentor: PARTY }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take }),
  ]);
  return { total, oldest: rows.map((r) => ({ id: r.id, role: r.role, createdAt: r.createdAt, trainee: party(r.trainee), mentor: party(r.mentor) })) };
}

export interface Window {
  /** Instants, for timestamps (answeredAt, sentAt). */
  start: Date;
  end: Date;
  /** Calendar days `YYYY-MM-DD`, for Meeting.date (a day stored at 00:00 UTC). */
  key: string;
  endKey: string;
}

const day = (key: string) => new Date(`${key}T00:00:00.000Z`);

/**
 * Meetings reported in a window: per pair, the larger of the meetings they logged (dated in the
 * window) and the check-in periods someone answered "We met" (answered in the window), so a "We met"
 * that also logged a Meeting row counts once. programId null = the whole workspace.
 */
export async function meetingsReported(db: Db, workspaceId: string, programId: string | null, w: Window): Promise<number> {
  const inProgram = programId ? { match: { programId } } : {};
  const [logged, met] = await Promise.all([
    db.meeting.groupBy({ by: ["matchId"], where: { workspaceId, date: { gte: day(w.key), lt: day(w.endKey) }, ...inProgram }, _count: { _all: true } }),
    db.checkin.groupBy({ by: ["matchId", "periodKey"], where: { workspaceId, answer: "MET", answeredAt: { gte: w.start, lt: w.end }, ...inProgram } }),
  ]);
  const perMatch = new Map<string, { logged: number; met: number }>();
  for (const l of logged) perMatch.set(l.matchId, { logged: l._count._all, met: 0 });
  for (const m of met) {
    const e = perMatch.get(m.matchId) ?? { logged: 0, met: 0 };
    e.met += 1;
    perMatch.set(m.matchId, e);
  }
  let total = 0;
  for (const e of perMatch.values()) total += Math.max(e.logged, e.met);
  return total;
}

/** Check-ins sent in the window, and how many of those have an answer (one grouped count). */
export async function checkinResponses(db: Db, workspaceId: string, programId: string | null, w: Window): Promise<{ sent: number; answered: number }> {
  const byAnswer = await db.checkin.groupBy({
    by: ["answer"],
    where: { workspaceId, sentAt: { gte: w.start, lt: w.end }, ...(programId ? { match: { programId } } : {}) },
    _count: { _all: true },
  });
  const sent = byAnswer.reduce((n, g) => n + g._count._all, 0);
  return { sent, answered: sent - (byAnswer.find((g) => g.answer === null)?._count._all ?? 0) };
}

export interface ActivePair {
  matchId: string;
  role: string;
  startedAt: Date;
  trainee: Party;
  mentor: Party;
}

/** Active matches of the program with what the risk rules need: one aggregate row per match. */
export async function activePairEvidence(
  db: Db,
  workspaceId: string,
  programId: string,
  programCadence: Cadence,
): Promise<{ pairs: Map<string, ActivePair>; evidence: MatchEvidence[] }> {
  const active = { workspaceId, programId, status: "ACTIVE" as const };
  const [matches, meetings, met, needHelp] = await Promise.all([
    db.match.findMany({ where: active, select: { id: true, role: true, startedAt: true, cadence: true, trainee: PARTY, mentor: PARTY } }),
    db.meeting.groupBy({ by: ["matchId"], where: { workspaceId, match: active }, _max: { date: true } }),
    db.checkin.groupBy({ by: ["matchId"], where: { workspaceId, answer: "MET", match: active }, _max: { periodKey: true, answeredAt: true } }),
    db.checkin.groupBy({ by: ["matchId"], where: { workspaceId, answer: "NEED_HELP", match: active }, _max: { answeredAt: true } }),
  ]);
  const lastMeeting = new Map(meetings.map((m) => [m.matchId, m._max.date]));
  const lastMet = new Map(met.map((m) => [m.matchId, m._max]));
  const lastHelp = new Map(needHelp.map((m) => [m.matchId, m._max.answeredAt]));
  const pairs = new Map<string, ActivePair>();
  const evidence: MatchEvidence[] = [];
  for (const m of matches) {
    pairs.set(m.id, { matchId: m.id, role: m.role, startedAt: m.startedAt, trainee: party(m.trainee), mentor: party(m.mentor) });
    evidence.push({
      matchId: m.id,
      startedAt: m.startedAt,
      cadence: m.cadence ?? programCadence,
      lastMeetingAt: lastMeeting.get(m.id) ?? null,
      lastMetPeriodKey: lastMet.get(m.id)?.periodKey ?? null,
      lastMetAnsweredAt: lastMet.get(m.id)?.answeredAt ?? null,
      lastNeedHelpAt: lastHelp.get(m.id) ?? null,
    });
  }
  return { pairs, evidence };
}

export interface MentorLoadRow {
  memberId: string;
  mentor: Party;
  profileCapacity: number | null;
  /** Default capacities of every program they mentor in (capacity.ts takes the most generous). */
  programDefaults: number[];
  /** Active mentees across the workspace (capacity is a person's, not a program's). */
  active: number;
}

/** Every (not erased) mentor of the program with their capacity inputs and active mentee count. */
export async function mentorLoad(db: Db, workspaceId: string, programId: string): Promise<MentorLoadRow[]> {
  const mentorOfProgram = { enrollments: { some: { workspaceId, programId, role: "MENTOR" as const } } };
  const [mentors, defaults, counts] = await Promise.all([
    db.enrollment.findMany({
      where: { workspaceId, programId, role: "MENTOR", member: { erasedAt: null } },
      select: { memberId: true, member: { select: { slackUserId: true, name: true, erasedAt: true, profile: { select: { capacity: true } } } } },
    }),
    db.enrollment.findMany({ where: { workspaceId, role: "MENTOR", member: mentorOfProgram }, select: { memberId: true, program: { select: { defaultCapacity: true } } } }),
    db.match.groupBy({ by: ["mentorId"], where: { workspaceId, status: "ACTIVE", mentor: mentorOfProgram }, _count: { _all: true } }),
  ]);
  const defaultsOf = new Map<string, number[]>();
  for (const d of defaults) defaultsOf.set(d.memberId, [...(defaultsOf.get(d.memberId) ?? []), d.program.defaultCapacity]);
  const active = new Map(counts.map((c) => [c.mentorId, c._count._all]));
  return mentors.map((m) => ({
    memberId: m.memberId,
    mentor: party(m.member),
    profileCapacity: m.member.profile?.capacity ?? null,
    programDefaults: defaultsOf.get(m.memberId) ?? [],
    active: active.get(m.memberId) ?? 0,
  }));
}

/** Thanks received per mentor of the program: thanks given in the program, or with no program to a mentor of it. */
export async function thanksReceived(db: Db, workspaceId: string, programId: string): Promise<Map<string, number>> {
  const rows = await db.thanks.groupBy({
    by: ["toId"],
    where: {
      workspaceId,
      to: { erasedAt: null, enrollments: { some: { workspaceId, programId, role: "MENTOR" } } },
      OR: [{ programId }, { programId: null }],
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.toId, r._count._all]));
}

export interface PairForDirector {
  matchId: string;
  programId: string;
  programName: string;
  role: string;
  status: "ACTIVE" | "ENDED";
  startedAt: Date;
  cadence: Cadence;
  trainee: Party & { memberId: string };
  mentor: Party & { memberId: string };
}

/** One match of the workspace as a director acts on it (null if it is not in this workspace). */
export async function pairForDirector(db: Db, workspaceId: string, matchId: string): Promise<PairForDirector | null> {
  const m = await db.match.findFirst({
    where: { workspaceId, id: matchId },
    select: {
      id: true,
      programId: true,
      role: true,
      status: true,
      startedAt: true,
      cadence: true,
      program: { select: { name: true, checkinCadence: true } },
      trainee: { select: { id: true, slackUserId: true, name: true, erasedAt: true } },
      mentor: { select: { id: true, slackUserId: true, name: true, erasedAt: true } },
    },
  });
  if (!m) return null;
  return {
    matchId: m.id,
    programId: m.programId,
    programName: m.program.name,
    role: m.role,
    status: m.status,
    startedAt: m.startedAt,
    cadence: m.cadence ?? m.program.checkinCadence,
    trainee: { ...party(m.trainee), memberId: m.trainee.id },
    mentor: { ...party(m.mentor), memberId: m.mentor.id },
  };
}

/** The cached DM channel with a member (null if Rounds has not opened one yet). */
export async function cachedDmChannel(db: Db, workspaceId: string, slackUserId: string): Promise<string | null> {
  const m = await db.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } }, select: { dmChannelId: true } });
  return m?.dmChannelId ?? null;
}

export async function rememberDmChannel(db: Db, workspaceId: string, slackUserId: string, channelId: string): Promise<void> {
  await db.member.updateMany({ where: { workspaceId, slackUserId }, data: { dmChannelId: channelId } });
}
