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
  const p = await db.profile.findFirst({ where: { workspaceId, memberId }, select: { goals: true, capacity: true } });
  return p ? { goals: (p.goals as string[]) ?? [], capacity: p.capacity } : null;
}

export async function programDefaultsFor(db: Db, workspaceId: string, memberId: string, role: "MENTOR" | "TRAINEE") {
  const rows = await db.enrollment.findMany({
    where: { workspaceId, memberId, role },
    select: { program: { select: { defaultCapacity: true } } },
  });
  return rows.map((r) => r.program.defaultCapacity);
}

export interface ProgramCounts {
  programId: string;
  name: string;
  cohorts: number;
  trainees: number;
  mentors: number;
  matchedTrainees: number;
  pendingRequests: number;
}

/** Per program of the workspace: people by role, trainees with an active match, open requests. */
export async function programCounts(db: Db, workspaceId: string): Promise<ProgramCounts[]> {
  const [programs, roles, matched, pending] = await Promise.all([
    db.program.findMany({ where: { workspaceId }, select: { id: true, name: true, _count: { select: { cohorts: true } } }, orderBy: { name: "asc" } }),
    db.enrollment.groupBy({ by: ["programId", "role"], where: { workspaceId }, _count: { _all: true } }),
    db.match.findMany({ where: { workspaceId, status: "ACTIVE" }, select: { programId: true, traineeId: true }, distinct: ["programId", "traineeId"] }),
    db.mentorRequest.groupBy({ by: ["programId"], where: { workspaceId, status: "PENDING" }, _count: { _all: true } }),
  ]);
  const count = (programId: string, role: string) =>
    roles.find((r) => r.programId === programId && r.role === role)?._count._all ?? 0;
  return programs.map((p) => ({
    programId: p.id,
    name: p.name,
    cohorts: p._count.cohorts,
    trainees: count(p.id, "TRAINEE"),
    mentors: count(p.id, "MENTOR"),
    matchedTrainees: matched.filter((m) => m.programId === p.id).length,
    pendingRequests: pending.find((r) => r.programId === p.id)?._count._all ?? 0,
  }));
}
