import type { Db } from "./database.js";
import type { Role } from "../generated/sqlite/enums.js";

export interface MemberProfile {
  name: string;
  realName: string | null;
  email: string | null;
  tz: string;
  isAdmin: boolean;
  isOwner: boolean;
}

export interface MemberRecord extends MemberProfile {
  id: string;
  workspaceId: string;
  slackUserId: string;
  refreshedAt: Date;
  directorGrantedAt: Date | null;
  pausedAt: Date | null;
  pausedUntil: Date | null;
  erasedAt: Date | null;
}

export async function findMember(db: Db, workspaceId: string, slackUserId: string): Promise<MemberRecord | null> {
  return db.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } } });
}

export async function upsertMember(
  db: Db,
  workspaceId: string,
  slackUserId: string,
  profile: MemberProfile,
  now: Date,
): Promise<MemberRecord> {
  const data = { ...profile, refreshedAt: now };
  return db.member.upsert({
    where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
    create: { workspaceId, slackUserId, ...data },
    update: data,
  });
}

export interface EnrollmentSummary {
  programName: string;
  role: Role;
  cohortName: string | null;
}

export async function enrollmentsOf(db: Db, workspaceId: string, memberId: string): Promise<EnrollmentSummary[]> {
  const rows = await db.enrollment.findMany({
    where: { workspaceId, memberId },
    select: { role: true, program: { select: { name: true } }, cohort: { select: { name: true } } },
    orderBy: [{ program: { name: "asc" } }, { role: "asc" }],
  });
  return rows.map((r) => ({ programName: r.program.name, role: r.role, cohortName: r.cohort?.name ?? null }));
}
