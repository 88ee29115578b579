import { Prisma } from "../generated/sqlite/client.js";
import { providerOfClient, type Db } from "./database.js";
import { CADENCE_KEYS, type Cadence } from "../domain/cadence.js";
import { recentMeetingBound, type MatchEvidence } from "../domain/dashboardRisk.js";

/**
 * Aggregates behind the director's dashboard and chart. Every query is scoped by the workspace and
 * counts in the database (groupBy / count); the only per-row reads are one small row per active
 * match or per mentor of the program, never per check-in or meeting. The hot ones are written in
 * SQL both databases run alike, each step an index seek: Prisma's relation filters made PostgreSQL
 * and SQLite scan every check-in of the workspace (bench/dashboard.ts).
 */

/** A raw aggregate as a number (PostgreSQL answers COUNT with a bigint). */
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
/** A raw DateTime (SQLite answers an aggregate of one as its stored text). */
export const rawDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string | number));

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
  const [cohorts, groups] = await Promise.all([
    db.cohort.findMany({ where: { workspaceId, programId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<{ cohortId: string | null; role: string; people: unknown; matched: unknown }[]>`
      SELECT e."cohortId" AS "cohortId", e."role" AS "role", COUNT(*) AS "people",
             SUM(CASE WHEN e."role" = 'TRAINEE' AND EXISTS (
               SELECT 1 FROM "Match" x WHERE x."traineeId" = e."memberId" AND x."status" = 'ACTIVE' AND x."programId" = e."programId" AND x."workspaceId" = e."workspaceId"
             ) THEN 1 ELSE 0 END) AS "matched"
        FROM "Enrollment" e JOIN "Member" mb ON mb."id" = e."memberId"
       WHERE e."programId" = ${programId} AND e."workspaceId" = ${workspaceId} AND mb."erasedAt" IS NULL
       GROUP BY e."cohortId", e."role"`,
  ]);
  const group = (cohortId: string | null, role: string) => groups.find((g) => g.cohortId === cohortId && g.role === role);
  const count = (cohortId: string | null, role: string) => num(group(cohortId, role)?.people);
  const matched = (cohortId: string | null) => num(group(cohortId, "TRAINEE")?.matched);
  const rows: CohortCounts[] = cohorts.map((c) => ({
    cohortId: c.id,
    cohortName: c.name,
    trainees: count(c.id, "TRAINEE"),
    mentors: count(c.id, "MENTOR"),
    matchedTrainees: matched(c.id),
  }));
  const none = { cohortId: null, cohortName: null, trainees: count(null, "TRAINEE"), mentors: count(null, "MENTOR"), matchedTrainees: matched(null) };
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

/** Joins a check-in's or meeting's match when counting one program (programId null: the whole workspace). */
function ofProgram(alias: string, programId: string | null): { join: Prisma.Sql; where: Prisma.Sql } {
  if (!programId) return { join: Prisma.empty, where: Prisma.empty };
  return { join: Prisma.sql`JOIN "Match" m ON m."id" = ${Prisma.raw(`${alias}."matchId"`)}`, where: Prisma.sql`AND m."programId" = ${programId}` };
}

/**
 * Meetings reported in a window: per pair, the larger of the meetings they logged (dated in the
 * window) and the check-in periods someone answered "We met" (answered in the window), so a "We met"
 * that also logged a Meeting row counts once. programId null = the whole workspace. One statement
 * answering one number: the pairs are summed in the database, not read.
 */
export async function meetingsReported(db: Db, workspaceId: string, programId: string | null, w: Window): Promise<number> {
  const e = ofProgram("e", programId);
  const c = ofProgram("c", programId);
  const rows = await db.$queryRaw<{ reported: unknown }[]>`
    SELECT CAST(COALESCE(SUM(CASE WHEN r."logged" > r."met" THEN r."logged" ELSE r."met" END), 0) AS INTEGER) AS "reported"
      FROM (SELECT u."matchId" AS "matchId", SUM(u."logged") AS "logged", SUM(u."met") AS "met"
              FROM (SELECT e."matchId" AS "matchId", COUNT(*) AS "logged", 0 AS "met"
                      FROM "Meeting" e ${e.join}
                     WHERE e."workspaceId" = ${workspaceId} AND e."date" >= ${day(w.key)} AND e."date" < ${day(w.endKey)} ${e.where}
                     GROUP BY e."matchId"
                    UNION ALL
                    SELECT c."matchId" AS "matchId", 0 AS "logged", COUNT(DISTINCT c."periodKey") AS "met"
                      FROM "Checkin" c ${c.join}
                     WHERE c."workspaceId" = ${workspaceId} AND c."answer" = 'MET' AND c."answeredAt" >= ${w.start} AND c."answeredAt" < ${w.end} ${c.where}
                     GROUP BY c."matchId") u
             GROUP BY u."matchId") r`;
  return num(rows[0]?.reported);
}

/** Check-ins sent in the window, and how many of those have an answer (one statement, one row). */
export async function checkinResponses(db: Db, workspaceId: string, programId: string | null, w: Window): Promise<{ sent: number; answered: number }> {
  const c = ofProgram("c", programId);
  const rows = await db.$queryRaw<{ sent: unknown; answered: unknown }[]>`
    SELECT COUNT(*) AS "sent", COUNT(c."answer") AS "answered"
      FROM "Checkin" c ${c.join}
     WHERE c."workspaceId" = ${workspaceId} AND c."sentAt" >= ${w.start} AND c."sentAt" < ${w.end} ${c.where}`;
  return { sent: num(rows[0]?.sent), answered: num(rows[0]?.answered) };
}

export interface ActivePair {
  matchId: string;
  role: string;
  startedAt: Date;
  trainee: Party;
  mentor: Party;
}

/**
 * What the risk rules need of every active match of the program: one row per match, each aggregate
 * an index seek on (matchId, …). Names are not read here: only the few pairs at risk need them (activePairs).
 */
export async function activePairEvidence(db: Db, workspaceId: string, programId: string, programCadence: Cadence): Promise<MatchEvidence[]> {
  return pairEvidence(db, workspaceId, programId, programCadence, Prisma.empty);
}

/**
 * activePairEvidence for only the active pairs that may be at risk at `now`: those with a "Need
 * help" answered after their last meeting and last "We met", and those with no meeting reported
 * since their cadence's recentMeetingBound. The others (most pairs of a live program) cannot be at
 * risk, so their evidence is neither aggregated nor read: pairsAtRisk of this list is pairsAtRisk of
 * every active pair (test/integration/dashboardQueries.test.ts checks it against the full list).
 * A pair's recent meeting and "We met" are index seeks on (matchId, …); the open "Need help" answers
 * are read once for the workspace. Bounds are compared with the columns as stored.
 *
 * SQLite only: there it halves the time of reading every pair (bench:dashboard, 997 candidates of
 * 5,000 pairs). PostgreSQL planned the OR of per-pair subqueries far worse than the plain
 * aggregates (1.3–11× slower in bench:dashboard, under load), so on PostgreSQL every pair is read.
 */
export async function riskCandidateEvidence(db: Db, workspaceId: string, programId: string, programCadence: Cadence, now: Date): Promise<MatchEvidence[]> {
  if (providerOfClient(db) === "postgresql") return activePairEvidence(db, workspaceId, programId, programCadence);
  const cadence = Prisma.sql`COALESCE(CAST(m."cadence" AS TEXT), ${programCadence})`;
  const notMetSince = CADENCE_KEYS.map((c) => {
    const { since, sinceKey } = recentMeetingBound(c, now);
    return Prisma.sql`(${cadence} = ${c}
        AND m."id" NOT IN (SELECT e."matchId" FROM "Meeting" e WHERE e."workspaceId" = ${workspaceId} AND e."date" >= ${since})
        AND NOT EXISTS (SELECT 1 FROM "Checkin" c WHERE c."matchId" = m."id" AND c."answer" = 'MET' AND c."periodKey" >= ${sinceKey}))`;
  });
  const askedForHelp = Prisma.sql`m."id" IN (
        SELECT h."matchId" FROM "Checkin" h
         WHERE h."workspaceId" = ${workspaceId} AND h."answer" = 'NEED_HELP'
           AND NOT EXISTS (SELECT 1 FROM "Meeting" e WHERE e."matchId" = h."matchId" AND e."date" >= h."answeredAt")
           AND NOT EXISTS (SELECT 1 FROM "Checkin" c WHERE c."matchId" = h."matchId" AND c."answer" = 'MET' AND c."answeredAt" >= h."answeredAt"))`;
  return pairEvidence(db, workspaceId, programId, programCadence, Prisma.sql`AND (${Prisma.join([...notMetSince, askedForHelp], " OR ")})`);
}

async function pairEvidence(db: Db, workspaceId: string, programId: string, programCadence: Cadence, only: Prisma.Sql): Promise<MatchEvidence[]> {
  const rows = await db.$queryRaw<{ id: string; startedAt: unknown; cadence: Cadence | null; lastMeetingAt: unknown; lastMetPeriodKey: string | null; lastMetAnsweredAt: unknown; lastNeedHelpAt: unknown }[]>`
    SELECT m."id" AS "id", m."startedAt" AS "startedAt", m."cadence" AS "cadence",
           (SELECT MAX(e."date") FROM "Meeting" e WHERE e."matchId" = m."id") AS "lastMeetingAt",
           (SELECT MAX(c."periodKey") FROM "Checkin" c WHERE c."matchId" = m."id" AND c."answer" = 'MET') AS "lastMetPeriodKey",
           (SELECT MAX(c."answeredAt") FROM "Checkin" c WHERE c."matchId" = m."id" AND c."answer" = 'MET') AS "lastMetAnsweredAt",
           (SELECT MAX(c."answeredAt") FROM "Checkin" c WHERE c."matchId" = m."id" AND c."answer" = 'NEED_HELP') AS "lastNeedHelpAt"
      FROM "Match" m
     WHERE m."workspaceId" = ${workspaceId} AND m."status" = 'ACTIVE' AND m."programId" = ${programId} ${only}`;
  return rows.map((m) => ({
    matchId: m.id,
    startedAt: rawDate(m.startedAt)!,
    cadence: m.cadence ?? programCadence,
    lastMeetingAt: rawDate(m.lastMeetingAt),
    lastMetPeriodKey: m.lastMetPeriodKey,
    lastMetAnsweredAt: rawDate(m.lastMetAnsweredAt),
    lastNeedHelpAt: rawDate(m.lastNeedHelpAt),
  }));
}

/** The pairs (matches of the workspace) with the given ids, with their names: the ones the dashboard lists. */
export async function activePairs(db: Db, workspaceId: string, matchIds: readonly string[]): Promise<Map<string, ActivePair>> {
  const pairs = new Map<string, ActivePair>();
  // Chunks keep SQLite under its bound-parameter limit when very many pairs are at risk.
  for (let i = 0; i < matchIds.length; i += 500) {
    const rows = await db.match.findMany({
      where: { workspaceId, id: { in: matchIds.slice(i, i + 500) } },
      select: { id: true, role: true, startedAt: true, trainee: PARTY, mentor: PARTY },
    });
    for (const m of rows) pairs.set(m.id, { matchId: m.id, role: m.role, startedAt: m.startedAt, trainee: party(m.trainee), mentor: party(m.mentor) });
  }
  return pairs;
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
  const [mentors, defaults] = await Promise.all([
    db.$queryRaw<{ memberId: string; slackUserId: string; name: string; capacity: unknown; active: unknown }[]>`
      SELECT e."memberId" AS "memberId", mb."slackUserId" AS "slackUserId", mb."name" AS "name", p."capacity" AS "capacity",
             (SELECT COUNT(*) FROM "Match" x WHERE x."mentorId" = e."memberId" AND x."status" = 'ACTIVE' AND x."workspaceId" = e."workspaceId") AS "active"
        FROM "Enrollment" e
        JOIN "Member" mb ON mb."id" = e."memberId"
        LEFT JOIN "Profile" p ON p."memberId" = e."memberId"
       WHERE e."programId" = ${programId} AND e."role" = 'MENTOR' AND e."workspaceId" = ${workspaceId} AND mb."erasedAt" IS NULL`,
    db.$queryRaw<{ memberId: string; defaultCapacity: unknown }[]>`
      SELECT o."memberId" AS "memberId", pr."defaultCapacity" AS "defaultCapacity"
        FROM "Enrollment" o JOIN "Program" pr ON pr."id" = o."programId"
       WHERE o."workspaceId" = ${workspaceId} AND o."role" = 'MENTOR'
         AND o."memberId" IN (SELECT e."memberId" FROM "Enrollment" e WHERE e."programId" = ${programId} AND e."role" = 'MENTOR' AND e."workspaceId" = ${workspaceId})`,
  ]);
  const defaultsOf = new Map<string, number[]>();
  for (const d of defaults) defaultsOf.set(d.memberId, [...(defaultsOf.get(d.memberId) ?? []), num(d.defaultCapacity)]);
  return mentors.map((m) => ({
    memberId: m.memberId,
    mentor: { slackUserId: m.slackUserId, name: m.name, erased: false },
    profileCapacity: m.capacity === null || m.capacity === undefined ? null : num(m.capacity),
    programDefaults: defaultsOf.get(m.memberId) ?? [],
    active: num(m.active),
  }));
}

/** Thanks received per mentor of the program: thanks given in the program, or with no program to a mentor of it. */
export async function thanksReceived(db: Db, workspaceId: string, programId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ toId: string; thanks: unknown }[]>`
    SELECT t."toId" AS "toId", COUNT(*) AS "thanks"
      FROM "Thanks" t JOIN "Member" mb ON mb."id" = t."toId"
     WHERE t."workspaceId" = ${workspaceId} AND (t."programId" = ${programId} OR t."programId" IS NULL) AND mb."erasedAt" IS NULL
       AND EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."programId" = ${programId} AND e."memberId" = t."toId" AND e."role" = 'MENTOR' AND e."workspaceId" = ${workspaceId})
     GROUP BY t."toId"`;
  return new Map(rows.map((r) => [r.toId, num(r.thanks)]));
}

/**
 * Changes whenever something cohortCounts, mentorLoad or thanksReceived read changes in the
 * workspace: members (names, erasure), enrollments, profiles (capacity), matches, programs
 * (default capacity), cohorts, thanks. Any write bumps a row's updatedAt (thanks are only ever
 * added), any removal lowers a count. Check-ins and meetings are not in it. One statement, the same
 * SQL on SQLite and PostgreSQL; it also sees other instances' writes.
 */
export async function rosterFingerprint(db: Db, workspaceId: string): Promise<string> {
  const w = workspaceId;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT * FROM
      (SELECT count(*) AS "members", max("updatedAt") AS "memberAt" FROM "Member" WHERE "workspaceId" = ${w}) a,
      (SELECT count(*) AS "enrollments", max("updatedAt") AS "enrollmentAt" FROM "Enrollment" WHERE "workspaceId" = ${w}) b,
      (SELECT count(*) AS "profiles", max("updatedAt") AS "profileAt" FROM "Profile" WHERE "workspaceId" = ${w}) c,
      (SELECT count(*) AS "matches", max("updatedAt") AS "matchAt" FROM "Match" WHERE "workspaceId" = ${w}) d,
      (SELECT count(*) AS "programs", max("updatedAt") AS "programAt" FROM "Program" WHERE "workspaceId" = ${w}) e,
      (SELECT count(*) AS "cohorts", max("updatedAt") AS "cohortAt" FROM "Cohort" WHERE "workspaceId" = ${w}) f,
      (SELECT count(*) AS "thanks", max("createdAt") AS "thanksAt" FROM "Thanks" WHERE "workspaceId" = ${w}) g`;
  const row = rows[0] ?? {};
  return Object.values(row)
    .map((v) => (v instanceof Date ? v.getTime() : String(v)))
    .join("|");
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
