import type { Db, Tx } from "./database.js";
import { upsertMember, type MemberProfile, type MemberRecord } from "./members.js";
import { isUniqueViolation } from "./errors.js";
import { newProfileRow, writeRosterProfile } from "./rosterProfiles.js";
import type { Role } from "../domain/roles.js";
import type { RosterProfile } from "../domain/roster.js";

/** Bulk reads for a roster import: one query each instead of one per row. */

export async function membersByEmail(db: Db | Tx, workspaceId: string, emails: string[]): Promise<Map<string, MemberRecord>> {
  const rows = await db.member.findMany({ where: { workspaceId, email: { in: emails }, erasedAt: null } });
  return new Map(rows.filter((r) => r.email).map((r) => [r.email!.toLowerCase(), r]));
}

/** (memberId, role) → cohortId of every enrollment in a program. */
export async function enrollmentCohorts(db: Db | Tx, workspaceId: string, programId: string): Promise<Map<string, string | null>> {
  const rows = await db.enrollment.findMany({ where: { workspaceId, programId }, select: { memberId: true, role: true, cohortId: true } });
  return new Map(rows.map((r) => [enrollmentKey(r.memberId, r.role), r.cohortId]));
}

export const enrollmentKey = (memberId: string, role: Role) => `${memberId}\u0000${role}`;

/** Creates members found by users.lookupByEmail; someone created meanwhile (first Slack contact) is upserted. Returns all of them by Slack id. */
export async function createMembers(
  db: Db,
  workspaceId: string,
  people: { slackUserId: string; profile: MemberProfile }[],
  now: Date,
): Promise<Map<string, MemberRecord>> {
  // Someone Rounds knows under another spelling of their email is found by Slack id and left as is.
  const existing = await db.member.findMany({ where: { workspaceId, slackUserId: { in: people.map((p) => p.slackUserId) } }, select: { slackUserId: true } });
  const taken = new Set(existing.map((e) => e.slackUserId));
  const fresh = people.filter((p) => !taken.has(p.slackUserId));
  try {
    await db.member.createMany({ data: fresh.map((p) => ({ workspaceId, slackUserId: p.slackUserId, ...p.profile, refreshedAt: now })) });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    for (const p of fresh) await upsertMember(db, workspaceId, p.slackUserId, p.profile, now);
  }
  const rows = await db.member.findMany({ where: { workspaceId, slackUserId: { in: people.map((p) => p.slackUserId) } } });
  return new Map(rows.map((r) => [r.slackUserId, r]));
}

export interface RosterWrites {
  enrollCreates: { memberId: string; role: Role; cohortId: string | null }[];
  enrollUpdates: { memberId: string; role: Role; cohortId: string }[];
  /** memberId → the roster fields to write (new profiles start from EMPTY_PROFILE). */
  profileCreates: Map<string, Partial<RosterProfile>>;
  profileUpdates: Map<string, Partial<RosterProfile>>;
}

/** Applies a roster import's changes in one transaction (bulk inserts, then the few updates). */
export async function applyRosterWrites(db: Db, workspaceId: string, programId: string, w: RosterWrites): Promise<void> {
  if (!w.enrollCreates.length && !w.enrollUpdates.length && !w.profileCreates.size && !w.profileUpdates.size) return;
  await db.$transaction(
    async (tx) => {
      if (w.enrollCreates.length) await tx.enrollment.createMany({ data: w.enrollCreates.map((e) => ({ workspaceId, programId, ...e })) });
      for (const e of w.enrollUpdates) {
        await tx.enrollment.updateMany({ where: { workspaceId, programId, memberId: e.memberId, role: e.role }, data: { cohortId: e.cohortId } });
      }
      if (w.profileCreates.size) {
        await tx.profile.createMany({ data: [...w.profileCreates].map(([memberId, patch]) => newProfileRow(workspaceId, memberId, patch)) });
      }
      for (const [memberId, patch] of w.profileUpdates) await writeRosterProfile(tx, workspaceId, memberId, patch);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
