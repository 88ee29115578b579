import type { Db, Tx } from "./database.js";
import type { RequestStatus } from "../generated/sqlite/enums.js";
import { findProfile } from "./profiles.js";
import type { ProfileData } from "../domain/profile.js";

export interface RequestParty {
  memberId: string;
  slackUserId: string;
  name: string;
  /** Slack time zone (Member.tz): reminders and expiry notices wait for this person's working morning. */
  tz: string;
}

export interface RequestRecord {
  id: string;
  workspaceId: string;
  programId: string;
  programName: string;
  role: string;
  message: string;
  goal: string | null;
  status: RequestStatus;
  createdAt: Date;
  trainee: RequestParty;
  mentor: RequestParty;
}

const PARTY = { select: { id: true, slackUserId: true, name: true, tz: true } } as const;
const SELECT = {
  id: true,
  workspaceId: true,
  programId: true,
  role: true,
  message: true,
  goal: true,
  status: true,
  createdAt: true,
  program: { select: { name: true } },
  trainee: PARTY,
  mentor: PARTY,
} as const;

type Row = {
  id: string;
  workspaceId: string;
  programId: string;
  role: string;
  message: string;
  goal: string | null;
  status: RequestStatus;
  createdAt: Date;
  program: { name: string };
  trainee: { id: string; slackUserId: string; name: string; tz: string };
  mentor: { id: string; slackUserId: string; name: string; tz: string };
};

const party = (p: Row["trainee"]): RequestParty => ({ memberId: p.id, slackUserId: p.slackUserId, name: p.name, tz: p.tz });
const toRecord = (r: Row): RequestRecord => ({
  id: r.id,
  workspaceId: r.workspaceId,
  programId: r.programId,
  programName: r.program.name,
  role: r.role,
  message: r.message,
  goal: r.goal,
  status: r.status,
  createdAt: r.createdAt,
  trainee: party(r.trainee),
  mentor: party(r.mentor),
});

export async function findRequest(db: Db | Tx, workspaceId: string, id: string): Promise<RequestRecord | null> {
  const row = await db.mentorRequest.findFirst({ where: { workspaceId, id }, select: SELECT });
  return row ? toRecord(row) : null;
}

/** A member of the workspace with their profile (null when none), by member id. */
export async function memberWithProfile(
  db: Db | Tx,
  workspaceId: string,
  memberId: string,
): Promise<{ party: RequestParty; profile: ProfileData | null } | null> {
  const m = await db.member.findFirst({ where: { workspaceId, id: memberId, erasedAt: null }, select: PARTY.select });
  if (!m) return null;
  return { party: party(m), profile: await findProfile(db, workspaceId, m.id) };
}

export async function isEnrolled(db: Db | Tx, workspaceId: string, programId: string, memberId: string, role: "TRAINEE" | "MENTOR"): Promise<boolean> {
  return (await db.enrollment.count({ where: { workspaceId, programId, memberId, role } })) > 0;
}

export async function hasActiveMatch(db: Db | Tx, workspaceId: string, traineeId: string, mentorId: string, role: string): Promise<boolean> {
  return (await db.match.count({ where: { workspaceId, traineeId, mentorId, role, status: "ACTIVE" } })) > 0;
}

export async function pendingRequestFor(db: Db | Tx, workspaceId: string, traineeId: string, mentorId: string, role: string): Promise<string | null> {
  const r = await db.mentorRequest.findFirst({ where: { workspaceId, traineeId, mentorId, role, status: "PENDING" }, select: { id: true } });
  return r?.id ?? null;
}

export async function createRequest(
  tx: Tx,
  data: { workspaceId: string; programId: string; traineeId: string; mentorId: string; role: string; message: string; goal: string | null; createdAt: Date },
): Promise<string> {
  const r = await tx.mentorRequest.create({ data, select: { id: true } });
  return r.id;
}

/** Moves a PENDING request to `status`; false if it was no longer pending (answered, withdrawn, expired). */
export async function closePending(
  db: Db | Tx,
  workspaceId: string,
  id: string,
  status: Exclude<RequestStatus, "PENDING">,
  now: Date,
  declineReason: string | null = null,
): Promise<boolean> {
  const { count } = await db.mentorRequest.updateMany({
    where: { workspaceId, id, status: "PENDING" },
    data: { status, respondedAt: now, ...(declineReason ? { declineReason } : {}) },
  });
  return count === 1;
}

/** Pending requests (every workspace) created before `before`: for the reminder/expiry job. */
export async function pendingCreatedBefore(db: Db, before: Date): Promise<RequestRecord[]> {
  const rows = await db.mentorRequest.findMany({
    where: { status: "PENDING", createdAt: { lte: before } },
    select: SELECT,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toRecord);
}
