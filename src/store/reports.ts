import { Prisma } from "../generated/sqlite/client.js";
import type { Db } from "./database.js";
import type { CheckinAnswer, MatchStatus, Cadence } from "../generated/sqlite/enums.js";
import { rawDate } from "./dashboard.js";

/**
 * Rows behind the director's CSV reports. Scoped by workspace (and optionally one program).
 * Meeting.notes is never selected here, and neither are request messages: what a pair or a trainee
 * wrote to each other stays theirs. Erased members come back as their scrubbed row ("Former member").
 * The two big ones (matches, check-ins: one row per check-in of the program) are one SQL join each,
 * read flat: Prisma's nested selects built an object graph per row, most of a report's time.
 */

export interface PersonCells {
  memberId: string;
  name: string;
  slackUserId: string;
  erased: boolean;
}

const PERSON = { select: { id: true, name: true, slackUserId: true, erasedAt: true } } as const;
const person = (m: { id: string; name: string; slackUserId: string; erasedAt: Date | null }): PersonCells => ({
  memberId: m.id,
  name: m.name,
  slackUserId: m.slackUserId,
  erased: m.erasedAt !== null,
});

const inProgram = (programId: string | null) => (programId ? { programId } : {});

/** Cohort name of each trainee enrollment, keyed `programId:memberId`. */
export async function traineeCohorts(db: Db, workspaceId: string, programId: string | null): Promise<Map<string, string>> {
  const rows = await db.enrollment.findMany({
    where: { workspaceId, ...inProgram(programId), role: "TRAINEE", cohortId: { not: null } },
    select: { programId: true, memberId: true, cohort: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [`${r.programId}:${r.memberId}`, r.cohort?.name ?? ""]));
}

/** A person's cells from the flat columns `<prefix>Id`, `<prefix>Name`, `<prefix>Slack`, `<prefix>Erased`. */
function personOf(row: Record<string, unknown>, prefix: string): PersonCells {
  return { memberId: row[`${prefix}Id`] as string, name: row[`${prefix}Name`] as string, slackUserId: row[`${prefix}Slack`] as string, erased: row[`${prefix}Erased`] !== null };
}

const PEOPLE = Prisma.sql`t."id" AS "tId", t."name" AS "tName", t."slackUserId" AS "tSlack", t."erasedAt" AS "tErased",
  mt."id" AS "mId", mt."name" AS "mName", mt."slackUserId" AS "mSlack", mt."erasedAt" AS "mErased"`;
const inMatchProgram = (programId: string | null) => (programId ? Prisma.sql`AND m."programId" = ${programId}` : Prisma.empty);

export async function matchRows(db: Db, workspaceId: string, programId: string | null) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT m."id" AS "id", m."programId" AS "programId", m."role" AS "role", m."status" AS "status", m."cadence" AS "cadence",
           m."startedAt" AS "startedAt", m."endedAt" AS "endedAt", m."endedById" AS "endedById", m."endNote" AS "endNote",
           m."cohortName" AS "cohortName", p."name" AS "programName", ${PEOPLE},
           (SELECT COUNT(*) FROM "Meeting" e WHERE e."matchId" = m."id") AS "meetings",
           (SELECT MAX(e."date") FROM "Meeting" e WHERE e."matchId" = m."id") AS "lastMeetingAt"
      FROM "Match" m
      JOIN "Program" p ON p."id" = m."programId"
      JOIN "Member" t ON t."id" = m."traineeId"
      JOIN "Member" mt ON mt."id" = m."mentorId"
     WHERE m."workspaceId" = ${workspaceId} ${inMatchProgram(programId)}
     ORDER BY m."startedAt" ASC, m."id" ASC`;
  return rows.map((m) => ({
    id: m.id as string,
    programId: m.programId as string,
    programName: m.programName as string,
    role: m.role as string,
    status: m.status as MatchStatus,
    cadence: m.cadence as Cadence | null,
    startedAt: rawDate(m.startedAt)!,
    endedAt: rawDate(m.endedAt),
    endedById: m.endedById as string | null,
    endNote: m.endNote as string | null,
    /** The trainee's cohort when the pair was made (or when they deleted their data). */
    cohortName: m.cohortName as string | null,
    trainee: personOf(m, "t"),
    mentor: personOf(m, "m"),
    meetings: Number(m.meetings ?? 0),
    lastMeetingAt: rawDate(m.lastMeetingAt),
  }));
}

/** Names of members by id (for "ended by"), for the ids given. */
export async function membersById(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, PersonCells>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, PersonCells>();
  // Chunks keep SQLite under its bound-parameter limit for very large exports.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.member.findMany({ where: { workspaceId, id: { in: unique.slice(i, i + 500) } }, select: PERSON.select });
    for (const r of rows) found.set(r.id, person(r));
  }
  return found;
}

/** Who answered a check-in, for the report: "trainee", "mentor", "other" (a director, say), or "" if nobody has. */
export type AnsweredBy = "trainee" | "mentor" | "other" | "";

/**
 * One row per check-in of the workspace (or program), with only what the report prints: names, not
 * people (who answered is decided in the query), so each of the many rows is a few strings and dates.
 */
export async function checkinRows(db: Db, workspaceId: string, programId: string | null) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT c."id" AS "id", c."matchId" AS "matchId", c."periodKey" AS "periodKey", c."recipient" AS "recipient", c."sentAt" AS "sentAt",
           c."answer" AS "answer", c."answeredAt" AS "answeredAt", c."reminderSentAt" AS "reminderSentAt", c."escalatedAt" AS "escalatedAt",
           p."name" AS "programName", t."name" AS "traineeName", mt."name" AS "mentorName",
           CASE WHEN c."answeredById" IS NULL OR c."answeredById" = '' THEN ''
                WHEN c."answeredById" = t."id" OR c."answeredById" = t."slackUserId" THEN 'trainee'
                WHEN c."answeredById" = mt."id" OR c."answeredById" = mt."slackUserId" THEN 'mentor'
                ELSE 'other' END AS "answeredBy"
      FROM "Checkin" c
      JOIN "Match" m ON m."id" = c."matchId"
      JOIN "Program" p ON p."id" = m."programId"
      JOIN "Member" t ON t."id" = m."traineeId"
      JOIN "Member" mt ON mt."id" = m."mentorId"
     WHERE c."workspaceId" = ${workspaceId} ${inMatchProgram(programId)}
     ORDER BY c."periodKey" ASC, c."matchId" ASC, c."recipient" ASC`;
  return rows.map((c) => ({
    id: c.id as string,
    matchId: c.matchId as string,
    periodKey: c.periodKey as string,
    recipient: c.recipient as string,
    sentAt: rawDate(c.sentAt),
    answer: c.answer as CheckinAnswer | null,
    answeredAt: rawDate(c.answeredAt),
    answeredBy: c.answeredBy as AnsweredBy,
    reminderSentAt: rawDate(c.reminderSentAt),
    escalatedAt: rawDate(c.escalatedAt),
    programName: c.programName as string,
    /** Names as stored: "Former member" for someone who deleted their data. */
    traineeName: c.traineeName as string,
    mentorName: c.mentorName as string,
  }));
}

export async function requestRows(db: Db, workspaceId: string, programId: string | null) {
  const rows = await db.mentorRequest.findMany({
    where: { workspaceId, ...inProgram(programId) },
    select: {
      id: true,
      role: true,
      status: true,
      declineReason: true,
      createdAt: true,
      respondedAt: true,
      program: { select: { name: true } },
      trainee: PERSON,
      mentor: PERSON,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, programName: r.program.name, trainee: person(r.trainee), mentor: person(r.mentor) }));
}

/** Goals of the trainees of the program (or of everyone in the workspace): title and status, never progress notes. */
export async function goalRows(db: Db, workspaceId: string, programId: string | null) {
  const rows = await db.goal.findMany({
    where: { workspaceId, ...(programId ? { member: { enrollments: { some: { workspaceId, programId, role: "TRAINEE" } } } } : {}) },
    select: { id: true, text: true, status: true, progress: true, createdAt: true, updatedAt: true, member: PERSON },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((g) => ({
    id: g.id,
    title: g.text,
    status: g.status,
    progressNotes: Array.isArray(g.progress) ? g.progress.length : 0,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    trainee: person(g.member),
  }));
}

export async function auditRows(db: Db, workspaceId: string) {
  return db.auditLog.findMany({
    where: { workspaceId },
    select: { createdAt: true, actor: true, action: true, target: true, details: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
