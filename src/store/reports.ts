import type { Db } from "./database.js";

/**
 * Rows behind the director's CSV reports. Scoped by workspace (and optionally one program).
 * Meeting.notes is never selected here, and neither are request messages: what a pair or a trainee
 * wrote to each other stays theirs. Erased members come back as their scrubbed row ("Former member").
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

export async function matchRows(db: Db, workspaceId: string, programId: string | null) {
  const [matches, meetings] = await Promise.all([
    db.match.findMany({
      where: { workspaceId, ...inProgram(programId) },
      select: {
        id: true,
        programId: true,
        role: true,
        status: true,
        cadence: true,
        startedAt: true,
        endedAt: true,
        endedById: true,
        endNote: true,
        cohortName: true,
        program: { select: { name: true } },
        trainee: PERSON,
        mentor: PERSON,
      },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    }),
    db.meeting.groupBy({ by: ["matchId"], where: { workspaceId, ...(programId ? { match: { programId } } : {}) }, _count: { _all: true }, _max: { date: true } }),
  ]);
  const meetingStats = new Map(meetings.map((m) => [m.matchId, { count: m._count._all, last: m._max.date }]));
  return matches.map((m) => ({
    id: m.id,
    programId: m.programId,
    programName: m.program.name,
    role: m.role,
    status: m.status,
    cadence: m.cadence,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    endedById: m.endedById,
    endNote: m.endNote,
    /** The trainee's cohort when the pair was made (or when they deleted their data). */
    cohortName: m.cohortName,
    trainee: person(m.trainee),
    mentor: person(m.mentor),
    meetings: meetingStats.get(m.id)?.count ?? 0,
    lastMeetingAt: meetingStats.get(m.id)?.last ?? null,
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

export async function checkinRows(db: Db, workspaceId: string, programId: string | null) {
  const rows = await db.checkin.findMany({
    where: { workspaceId, ...(programId ? { match: { programId } } : {}) },
    select: {
      id: true,
      matchId: true,
      periodKey: true,
      recipient: true,
      sentAt: true,
      answer: true,
      answeredAt: true,
      answeredById: true,
      reminderSentAt: true,
      escalatedAt: true,
      match: { select: { program: { select: { name: true } }, trainee: PERSON, mentor: PERSON } },
    },
    orderBy: [{ periodKey: "asc" }, { matchId: "asc" }, { recipient: "asc" }],
  });
  return rows.map((c) => ({ ...c, programName: c.match.program.name, trainee: person(c.match.trainee), mentor: person(c.match.mentor) }));
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
