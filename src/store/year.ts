import type { Db, Tx } from "./database.js";
import type { LiveWorkspaces } from "./workspaces.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { ContinuationAnswer } from "../domain/yearClose.js";
import type { ProfileData } from "../domain/profile.js";
import { EMPTY_PROFILE } from "../domain/profile.js";
import { isUniqueViolation } from "./errors.js";

/** The close of an academic year (src/features/year): facts, answers, the close itself, alumni invitations. */

export interface Party {
  memberId: string;
  slackUserId: string;
  name: string;
}

export interface YearMatch {
  id: string;
  role: string;
  startedAt: Date;
  trainee: Party;
  mentor: Party;
}

export interface YearCohort {
  id: string;
  name: string;
  startsOn: Date | null;
  endsOn: Date | null;
  trainees: (Party & { trainingYear: number | null })[];
}

export interface YearFacts {
  cohorts: YearCohort[];
  traineesWithoutCohort: (Party & { trainingYear: number | null })[];
  matches: YearMatch[];
  answers: { matchId: string; memberId: string; answer: ContinuationAnswer; answeredAt: Date }[];
}

const PARTY = { select: { id: true, slackUserId: true, name: true } } as const;
const party = (m: { id: string; slackUserId: string; name: string }): Party => ({ memberId: m.id, slackUserId: m.slackUserId, name: m.name });

/** The program's cohorts with their trainees, its active matches and the year's "continue?" answers (people who erased their data left out). */
export async function yearFacts(db: Db | Tx, workspaceId: string, programId: string, startYear: number): Promise<YearFacts> {
  const [cohorts, trainees, matches, answers] = await Promise.all([
    db.cohort.findMany({ where: { workspaceId, programId }, select: { id: true, name: true, startsOn: true, endsOn: true }, orderBy: [{ startsOn: "asc" }, { name: "asc" }] }),
    db.enrollment.findMany({
      where: { workspaceId, programId, role: "TRAINEE", member: { erasedAt: null } },
      select: { cohortId: true, member: { select: { id: true, slackUserId: true, name: true, profile: { select: { trainingYear: true } } } } },
      orderBy: { member: { name: "asc" } },
    }),
    db.match.findMany({
      where: { workspaceId, programId, status: "ACTIVE", trainee: { erasedAt: null }, mentor: { erasedAt: null } },
      select: { id: true, role: true, startedAt: true, trainee: PARTY, mentor: PARTY },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    }),
    db.yearAnswer.findMany({ where: { workspaceId, programId, startYear }, select: { matchId: true, memberId: true, answer: true, answeredAt: true } }),
  ]);
  const withYear = (t: (typeof trainees)[number]) => ({ ...party(t.member), trainingYear: t.member.profile?.trainingYear ?? null });
  return {
    cohorts: cohorts.map((c) => ({ ...c, trainees: trainees.filter((t) => t.cohortId === c.id).map(withYear) })),
    traineesWithoutCohort: trainees.filter((t) => t.cohortId === null).map(withYear),
    matches: matches.map((m) => ({ id: m.id, role: m.role, startedAt: m.startedAt, trainee: party(m.trainee), mentor: party(m.mentor) })),
    answers: answers.map((a) => ({ ...a, answer: a.answer === "END" ? "END" : "CONTINUE" })),
  };
}

/** A match side with the time zone its questions are timed by. */
export type ZonedParty = Party & { tz: string };

/** Active matches of a program (people who erased their data left out), with each side's zone, for the "continue next year?" questions. */
export async function activeYearMatches(db: Db | Tx, workspaceId: string, programId: string): Promise<(YearMatch & { trainee: ZonedParty; mentor: ZonedParty })[]> {
  const zoned = { select: { id: true, slackUserId: true, name: true, tz: true } } as const;
  const rows = await db.match.findMany({
    where: { workspaceId, programId, status: "ACTIVE", trainee: { erasedAt: null }, mentor: { erasedAt: null } },
    select: { id: true, role: true, startedAt: true, trainee: zoned, mentor: zoned },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((m) => ({ id: m.id, role: m.role, startedAt: m.startedAt, trainee: { ...party(m.trainee), tz: m.trainee.tz }, mentor: { ...party(m.mentor), tz: m.mentor.tz } }));
}

/** A match with its program, for an answer to "continue next year?". */
export async function matchForAnswer(db: Db | Tx, workspaceId: string, matchId: string) {
  return db.match.findFirst({
    where: { workspaceId, id: matchId },
    select: { id: true, status: true, programId: true, role: true, trainee: PARTY, mentor: PARTY, program: { select: { name: true, academicYearStart: true, timezone: true } } },
  });
}

/** Records (or changes) a person's answer; returns whether it changed anything. */
export async function saveYearAnswer(
  db: Db | Tx,
  a: { workspaceId: string; programId: string; matchId: string; memberId: string; startYear: number; answer: ContinuationAnswer; now: Date },
): Promise<boolean> {
  const where = { matchId_memberId_startYear: { matchId: a.matchId, memberId: a.memberId, startYear: a.startYear } };
  const existing = await db.yearAnswer.findUnique({ where, select: { answer: true } });
  if (existing?.answer === a.answer) return false;
  if (existing) {
    await db.yearAnswer.update({ where, data: { answer: a.answer, answeredAt: a.now } });
    return true;
  }
  try {
    await db.yearAnswer.create({ data: { workspaceId: a.workspaceId, programId: a.programId, matchId: a.matchId, memberId: a.memberId, startYear: a.startYear, answer: a.answer, answeredAt: a.now } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await db.yearAnswer.update({ where, data: { answer: a.answer, answeredAt: a.now } });
    return true;
  }
}

export interface YearCloseRecord {
  id: string;
  programId: string;
  startYear: number;
  graduatedCohortId: string | null;
  graduatedCohortName: string | null;
  closedBy: string;
  closedAt: Date;
  summary: YearCloseSummary;
}

/** What a close did, by id, for the year report. */
export interface YearCloseSummary {
  graduated: string[];
  advanced: { memberId: string; from: number; to: number }[];
  continued: string[];
  ended: { matchId: string; reason: string }[];
  invited: string[];
}

const CLOSE_SELECT = { id: true, programId: true, startYear: true, graduatedCohortId: true, graduatedCohortName: true, closedBy: true, closedAt: true, summary: true } as const;

export async function findYearClose(db: Db | Tx, workspaceId: string, programId: string, startYear: number): Promise<YearCloseRecord | null> {
  const row = await db.yearClose.findFirst({ where: { workspaceId, programId, startYear }, select: CLOSE_SELECT });
  return row ? { ...row, summary: row.summary as unknown as YearCloseSummary } : null;
}

export async function listYearCloses(db: Db | Tx, workspaceId: string, programId: string): Promise<YearCloseRecord[]> {
  const rows = await db.yearClose.findMany({ where: { workspaceId, programId }, select: CLOSE_SELECT, orderBy: { startYear: "asc" } });
  return rows.map((row) => ({ ...row, summary: row.summary as unknown as YearCloseSummary }));
}

/**
 * Takes the (program, year) close; false when it was already taken. First thing in the close's
 * transaction: on PostgreSQL a unique violation would abort the transaction, so the row is looked
 * for first and a racing close fails the whole transaction (rolled back, nothing applied twice).
 */
export async function takeYearClose(
  tx: Tx,
  c: { workspaceId: string; programId: string; startYear: number; graduatedCohortId: string | null; graduatedCohortName: string | null; closedBy: string; closedAt: Date; summary: YearCloseSummary },
): Promise<boolean> {
  if (await tx.yearClose.findFirst({ where: { programId: c.programId, startYear: c.startYear }, select: { id: true } })) return false;
  await tx.yearClose.create({ data: { ...c, summary: c.summary as unknown as Prisma.InputJsonValue } });
  return true;
}

/** Makes a program's trainee an alumnus: the TRAINEE enrollment becomes ALUMNUS (cohort kept). */
export async function makeAlumnus(tx: Tx, workspaceId: string, programId: string, memberId: string): Promise<void> {
  const already = await tx.enrollment.findFirst({ where: { workspaceId, programId, memberId, role: "ALUMNUS" }, select: { id: true } });
  if (already) await tx.enrollment.deleteMany({ where: { workspaceId, programId, memberId, role: "TRAINEE" } });
  else await tx.enrollment.updateMany({ where: { workspaceId, programId, memberId, role: "TRAINEE" }, data: { role: "ALUMNUS" } });
}

/** Moves a trainee's training year from `from` to `to` (only if it still is `from`). */
export async function advanceTrainingYear(tx: Tx, workspaceId: string, memberId: string, from: number, to: number): Promise<void> {
  await tx.profile.updateMany({ where: { workspaceId, memberId, trainingYear: from }, data: { trainingYear: to } });
}

/** Ends an active match with the year (endNote says why, for the director's report). */
export async function endMatchWithYear(tx: Tx, workspaceId: string, matchId: string, endedById: string | null, endNote: string, now: Date): Promise<boolean> {
  const { count } = await tx.match.updateMany({ where: { workspaceId, id: matchId, status: "ACTIVE" }, data: { status: "ENDED", endedAt: now, endedById, endNote } });
  return count === 1;
}

export async function createInvite(tx: Tx, i: { workspaceId: string; programId: string; memberId: string; startYear: number; now: Date }): Promise<string | null> {
  const existing = await tx.alumnusInvite.findFirst({ where: { programId: i.programId, memberId: i.memberId }, select: { id: true } });
  if (existing) return null;
  return (await tx.alumnusInvite.create({ data: { workspaceId: i.workspaceId, programId: i.programId, memberId: i.memberId, startYear: i.startYear, createdAt: i.now }, select: { id: true } })).id;
}

export interface InviteRecord {
  id: string;
  programId: string;
  programName: string;
  startYear: number;
  status: "PENDING" | "ACCEPTED" | "DECLINED";
  member: Party;
}

export async function findInvite(db: Db | Tx, workspaceId: string, id: string): Promise<InviteRecord | null> {
  const row = await db.alumnusInvite.findFirst({
    where: { workspaceId, id },
    select: { id: true, programId: true, startYear: true, status: true, memberId: true },
  });
  if (!row) return null;
  const [member, program] = await Promise.all([
    db.member.findFirst({ where: { workspaceId, id: row.memberId }, select: { id: true, slackUserId: true, name: true } }),
    db.program.findFirst({ where: { workspaceId, id: row.programId }, select: { name: true } }),
  ]);
  if (!member || !program) return null;
  return { id: row.id, programId: row.programId, programName: program.name, startYear: row.startYear, status: row.status as InviteRecord["status"], member: party(member) };
}

/** PENDING → ACCEPTED or DECLINED; false when it was already answered. */
export async function answerInvite(db: Db | Tx, workspaceId: string, id: string, status: "ACCEPTED" | "DECLINED", now: Date): Promise<boolean> {
  const { count } = await db.alumnusInvite.updateMany({ where: { workspaceId, id, status: "PENDING" }, data: { status, answeredAt: now } });
  return count === 1;
}

export async function invitesOfYear(db: Db | Tx, workspaceId: string, programId: string, startYear: number) {
  return db.alumnusInvite.findMany({ where: { workspaceId, programId, startYear }, select: { memberId: true, status: true, answeredAt: true } });
}

/** Makes the member a mentor of the program (no cohort) with this profile, inside the caller's transaction. */
export async function enrollMentorWithProfile(tx: Tx, workspaceId: string, programId: string, memberId: string, profile: ProfileData): Promise<void> {
  const has = await tx.enrollment.findFirst({ where: { workspaceId, programId, memberId, role: "MENTOR" }, select: { id: true } });
  if (!has) await tx.enrollment.create({ data: { workspaceId, programId, memberId, role: "MENTOR" } });
  const columns = { ...EMPTY_PROFILE, ...profile };
  await tx.profile.upsert({ where: { memberId }, create: { workspaceId, memberId, ...columns }, update: columns });
}

/** People by member id (names for the year report). */
export async function peopleById(db: Db | Tx, workspaceId: string, ids: readonly string[]): Promise<Map<string, Party & { erased: boolean }>> {
  const rows = await db.member.findMany({ where: { workspaceId, id: { in: [...ids] } }, select: { id: true, slackUserId: true, name: true, erasedAt: true } });
  return new Map(rows.map((m) => [m.id, { ...party(m), erased: m.erasedAt !== null, ...(m.erasedAt ? { name: "Former member", slackUserId: "" } : {}) }]));
}

/** Matches by id with their two people (for the year report). */
export async function matchesById(db: Db | Tx, workspaceId: string, ids: readonly string[]) {
  return db.match.findMany({ where: { workspaceId, id: { in: [...ids] } }, select: { id: true, role: true, traineeId: true, mentorId: true, endedAt: true } });
}

/** Programs with their year settings, for the year-end job. */
export async function programsForYear(db: Db, live: LiveWorkspaces = {}) {
  return db.program.findMany({ where: live, select: { id: true, workspaceId: true, name: true, academicYearStart: true, timezone: true }, orderBy: [{ workspaceId: "asc" }, { name: "asc" }] });
}
