import type { Db, Tx } from "./database.js";
import type { RequestStatus } from "../generated/sqlite/enums.js";
import { findProfile } from "./profiles.js";
import { activeGoalTexts } from "./goals.js";
import type { ProfileData } from "../domain/profile.js";
import type { LiveWorkspaces } from "./workspaces.js";

export interface RequestParty {
  memberId: string;
  slackUserId: string;
  name: string;
  /** Slack time zone (Member.tz): reminders and expiry notices wait for this person's working morning. */
  tz: string;
  /** Member.pausedAt / pausedUntil (domain/profile.ts isAvailable): a paused mentor gets no reminder. */
  pause: { pausedAt: Date | null; pausedUntil: Date | null };
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

const PARTY = { select: { id: true, slackUserId: true, name: true, tz: true, pausedAt: true, pausedUntil: true } } as const;
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
  trainee: PartyRow;
  mentor: PartyRow;
};
type PartyRow = { id: string; slackUserId: string; name: string; tz: string; pausedAt: Date | null; pausedUntil: Date | null };

const party = (p: PartyRow): RequestParty => ({ memberId: p.id, slackUserId: p.slackUserId, name: p.name, tz: p.tz, pause: { pausedAt: p.pausedAt, pausedUntil: p.pausedUntil } });
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

/** A member of the workspace with their profile (null when none) and active goals, by member id. */
export async function memberWithProfile(
  db: Db | Tx,
  workspaceId: string,
  memberId: string,
): Promise<{ party: RequestParty; profile: ProfileData | null; goals: string[] } | null> {
  const m = await db.member.findFirst({ where: { workspaceId, id: memberId, erasedAt: null }, select: PARTY.select });
  if (!m) return null;
  const [profile, goals] = await Promise.all([findProfile(db, workspaceId, m.id), activeGoalTexts(db, workspaceId, m.id)]);
  return { party: party(m), profile, goals };
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

/** A request the mentor pressed Accept on (ACCEPTED in this transaction) that their full places turned into MENTOR_FULL. */
export async function acceptedToMentorFull(tx: Tx, workspaceId: string, id: string): Promise<void> {
  await tx.mentorRequest.updateMany({ where: { workspaceId, id, status: "ACCEPTED" }, data: { status: "MENTOR_FULL" } });
}

/** The requests still waiting for one mentor's answer, oldest first. */
export async function pendingRequestsTo(db: Db | Tx, workspaceId: string, mentorId: string): Promise<RequestRecord[]> {
  const rows = await db.mentorRequest.findMany({ where: { workspaceId, mentorId, status: "PENDING" }, select: SELECT, orderBy: { createdAt: "asc" } });
  return rows.map(toRecord);
}

/** Every mentor (in every workspace) with a request waiting for their answer: for the hourly sweep. */
export async function mentorsWithPendingRequests(db: Db, live: LiveWorkspaces): Promise<{ workspaceId: string; mentorId: string }[]> {
  return db.mentorRequest.findMany({ where: { status: "PENDING", ...live }, select: { workspaceId: true, mentorId: true }, distinct: ["workspaceId", "mentorId"] });
}

/** A posted DM about a request, with buttons: the mentor's request and reminder (Accept, Decline), the trainee's confirmation (Withdraw). */
export interface RequestDm {
  requestId: string;
  to: "mentor" | "trainee";
  channel: string;
  ts: string;
}

const DM_KEYS = { request: "mentor", "request-reminder": "mentor", "request-sent": "trainee" } as const;

/** Where the DMs with buttons about these requests were posted: the outbox rows record it once Slack took them. */
export async function requestDmsOf(db: Db, workspaceId: string, requestIds: readonly string[]): Promise<RequestDm[]> {
  const keys = requestIds.flatMap((id) => Object.keys(DM_KEYS).map((prefix) => `${prefix}:${id}`));
  if (keys.length === 0) return [];
  const rows = await db.outboxMessage.findMany({ where: { workspaceId, key: { in: keys }, postedTs: { not: null } }, select: { key: true, postedChannel: true, postedTs: true } });
  return rows.flatMap((r) => {
    const at = r.key.indexOf(":");
    const to = DM_KEYS[r.key.slice(0, at) as keyof typeof DM_KEYS];
    return to && r.postedChannel && r.postedTs ? [{ requestId: r.key.slice(at + 1), to, channel: r.postedChannel, ts: r.postedTs }] : [];
  });
}

/** Pending requests (every workspace) created before `before`: for the reminder/expiry job. */
export async function pendingCreatedBefore(db: Db, before: Date, live: LiveWorkspaces): Promise<RequestRecord[]> {
  const rows = await db.mentorRequest.findMany({
    where: { status: "PENDING", createdAt: { lte: before }, ...live },
    select: SELECT,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toRecord);
}
