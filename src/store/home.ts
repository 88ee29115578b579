import type { Db } from "./database.js";

/** Read-only queries behind the App Home. Every one is scoped by the workspace. */

export interface RelationRow {
  matchId: string;
  programName: string;
  role: string;
  since: Date;
  other: { name: string; slackUserId: string };
}

export async function activeMatchesOf(db: Db, workspaceId: string, memberId: string) {
  const rows = await db.match.findMany({
    where: { workspaceId, status: "ACTIVE", OR: [{ traineeId: memberId }, { mentorId: memberId }] },
    select: {
      id: true,
      role: true,
      startedAt: true,
      traineeId: true,
      program: { select: { name: true } },
      trainee: { select: { name: true, slackUserId: true } },
      mentor: { select: { name: true, slackUserId: true } },
    },
    orderBy: { startedAt: "asc" },
  });
  const toRow = (r: (typeof rows)[number], other: { name: string; slackUserId: string }): RelationRow => ({
    matchId: r.id,
    programName: r.program.name,
    role: r.role,
    since: r.startedAt,
    other,
  });
  return {
    mentors: rows.filter((r) => r.traineeId === memberId).map((r) => toRow(r, r.mentor)),
    mentees: rows.filter((r) => r.traineeId !== memberId).map((r) => toRow(r, r.trainee)),
  };
}

export interface RequestRow {
  requestId: string;
  programName: string;
  role: string;
  createdAt: Date;
  other: { name: string; slackUserId: string };
}

export async function pendingRequestsOf(db: Db, workspaceId: string, memberId: string) {
  const rows = await db.mentorRequest.findMany({
    where: { workspaceId, status: "PENDING", OR: [{ traineeId: memberId }, { mentorId: memberId }] },
    select: {
      id: true,
      role: true,
      createdAt: true,
      traineeId: true,
      program: { select: { name: true } },
      trainee: { select: { name: true, slackUserId: true } },
      mentor: { select: { name: true, slackUserId: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const toRow = (r: (typeof rows)[number], other: { name: string; slackUserId: string }): RequestRow => ({
    requestId: r.id,
    programName: r.program.name,
    role: r.role,
    createdAt: r.createdAt,
    other,
  });
  return {
    sent: rows.filter((r) => r.traineeId === memberId).map((r) => toRow(r, r.mentor)),
    received: rows.filter((r) => r.traineeId !== memberId).map((r) => toRow(r, r.trainee)),
  };
}

export async function profileSummary(db: Db, workspaceId: string, memberId: string) {
  const p = await db.profile.findFirst({ where: { workspaceId, memberId }, select: { capacity: true } });
  return p ? { capacity: p.capacity } : null;
}

export async function programDefaultsFor(db: Db, workspaceId: string, memberId: string, role: "MENTOR" | "TRAINEE") {
  const rows = await db.enrollment.findMany({
    where: { workspaceId, memberId, role },
    select: { program: { select: { defaultCapacity: true } } },
  });
  return rows.map((r) => r.program.defaultCapacity);
}

/** A program of the workspace as the director's Home lists it (its numbers are on the dashboard). */
export interface ProgramSummary {
  programId: string;
  name: string;
  cohorts: number;
}

/** Every program of the workspace, by name, with how many cohorts it has. */
export async function programSummaries(db: Db, workspaceId: string): Promise<ProgramSummary[]> {
  const programs = await db.program.findMany({ where: { workspaceId }, select: { id: true, name: true, _count: { select: { cohorts: true } } }, orderBy: { name: "asc" } });
  return programs.map((p) => ({ programId: p.id, name: p.name, cohorts: p._count.cohorts }));
}
