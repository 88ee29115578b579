import type { Db } from "./database.js";
import { EMPTY_PROFILE, type ProfileData } from "../domain/profile.js";
import { profileFromRow } from "./profiles.js";

/** Pauses a member from `pausedAt` until `pausedUntil` (null = until they resume). */
export async function setPause(db: Db, workspaceId: string, memberId: string, pausedAt: Date, pausedUntil: Date | null): Promise<void> {
  await db.member.updateMany({ where: { workspaceId, id: memberId }, data: { pausedAt, pausedUntil } });
}

export async function clearPause(db: Db, workspaceId: string, memberId: string): Promise<void> {
  await db.member.updateMany({ where: { workspaceId, id: memberId }, data: { pausedAt: null, pausedUntil: null } });
}

export interface AvailableMentor {
  memberId: string;
  slackUserId: string;
  name: string;
  tz: string;
  /** The stored profile, or the empty profile when the mentor has not filled one in yet. */
  profile: ProfileData;
}

/**
 * Mentors of a program who can be suggested or paired on `now`: enrolled as MENTOR, not erased,
 * and not paused (never paused, or paused until an instant already past).
 */
export async function availableMentors(db: Db, workspaceId: string, programId: string, now: Date): Promise<AvailableMentor[]> {
  const rows = await db.member.findMany({
    where: {
      workspaceId,
      erasedAt: null,
      enrollments: { some: { workspaceId, programId, role: "MENTOR" } },
      OR: [{ pausedAt: null }, { pausedUntil: { lte: now } }],
    },
    select: { id: true, slackUserId: true, name: true, tz: true, profile: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({
    memberId: r.id,
    slackUserId: r.slackUserId,
    name: r.name,
    tz: r.tz,
    profile: r.profile ? profileFromRow(r.profile) : EMPTY_PROFILE,
  }));
}

export async function pauseOf(db: Db, workspaceId: string, memberId: string): Promise<{ pausedAt: Date | null; pausedUntil: Date | null }> {
  const row = await db.member.findFirst({ where: { workspaceId, id: memberId }, select: { pausedAt: true, pausedUntil: true } });
  return row ?? { pausedAt: null, pausedUntil: null };
}
