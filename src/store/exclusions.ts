import type { Db } from "./database.js";

/**
 * Confidential exclusions: "never pair me with these people". Only the owner (to edit them) and
 * the matcher read them; nothing here is for display to anyone else or for export.
 */

/** Slack user ids of the people `memberId` excluded (erased members are left out). */
export async function excludedSlackUsers(db: Db, workspaceId: string, memberId: string): Promise<string[]> {
  const rows = await db.exclusion.findMany({
    where: { workspaceId, memberId, excluded: { erasedAt: null } },
    select: { excluded: { select: { slackUserId: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.excluded.slackUserId);
}

/** Replaces a member's whole exclusion list with `excludedIds` (member ids) in one transaction. */
export async function replaceExclusions(db: Db, workspaceId: string, memberId: string, excludedIds: readonly string[], now: Date): Promise<void> {
  const wanted = [...new Set(excludedIds)].filter((id) => id !== memberId);
  await db.$transaction(async (tx) => {
    await tx.exclusion.deleteMany({ where: { workspaceId, memberId, excludedId: { notIn: wanted } } });
    const existing = await tx.exclusion.findMany({ where: { workspaceId, memberId }, select: { excludedId: true } });
    const have = new Set(existing.map((e) => e.excludedId));
    for (const excludedId of wanted) {
      if (!have.has(excludedId)) await tx.exclusion.create({ data: { workspaceId, memberId, excludedId, createdAt: now } });
    }
  });
}

export interface ExclusionPair {
  memberId: string;
  excludedId: string;
}

/**
 * For the matcher: every exclusion that involves any of `memberIds`, on either side. A pair must
 * not be formed when either person excluded the other.
 */
export async function exclusionsFor(db: Db, workspaceId: string, memberIds: readonly string[]): Promise<ExclusionPair[]> {
  if (memberIds.length === 0) return [];
  const ids = [...new Set(memberIds)];
  return db.exclusion.findMany({
    where: { workspaceId, OR: [{ memberId: { in: ids } }, { excludedId: { in: ids } }] },
    select: { memberId: true, excludedId: true },
    orderBy: [{ memberId: "asc" }, { excludedId: "asc" }],
  });
}

export async function exclusionCount(db: Db, workspaceId: string, memberId: string): Promise<number> {
  return db.exclusion.count({ where: { workspaceId, memberId } });
}
