import type { Db } from "../../store/database.js";
import { enrollmentsOf, findMember, upsertMember, type EnrollmentSummary, type MemberRecord } from "../../store/members.js";
import { ensureWorkspace } from "../../store/workspaces.js";
import { isDirector, isProfileStale } from "../../domain/roles.js";
import type { WithDirectory } from "../context.js";
import type { SlackDirectory } from "../ports.js";

export interface MemberStanding {
  member: MemberRecord;
  enrollments: EnrollmentSummary[];
  isDirector: boolean;
}

/**
 * The member behind a Slack user, created on first contact and refreshed from users.info once the
 * cached profile is a day old. If Slack cannot be asked, a cached profile is still used.
 */
export async function ensureMember(
  db: Db,
  directory: SlackDirectory,
  workspaceId: string,
  slackUserId: string,
  now: Date,
): Promise<MemberRecord> {
  const cached = await findMember(db, workspaceId, slackUserId);
  if (cached && !isProfileStale(cached.refreshedAt, now)) return cached;
  let profile;
  try {
    profile = await directory.userProfile(slackUserId);
  } catch (error) {
    if (cached) return cached;
    throw error;
  }
  await ensureWorkspace(db, workspaceId);
  return upsertMember(db, workspaceId, slackUserId, profile, now);
}

export async function memberStanding(
  db: Db,
  directory: SlackDirectory,
  workspaceId: string,
  slackUserId: string,
  now: Date,
): Promise<MemberStanding> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const enrollments = await enrollmentsOf(db, workspaceId, member.id);
  return { member, enrollments, isDirector: isDirector(member, enrollments.map((e) => e.role)) };
}

/** Who the person asking is here: their member row, enrollments and whether they direct (for the /mentoring help). */
export function standingOf({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string): Promise<MemberStanding> {
  return memberStanding(db, directory, workspaceId, slackUserId, now);
}
