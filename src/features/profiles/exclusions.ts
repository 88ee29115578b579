import type { Db } from "../../store/database.js";
import { excludedSlackUsers, exclusionsFor as exclusionsForQuery, replaceExclusions, type ExclusionPair } from "../../store/exclusions.js";
import { ensureMember } from "./members.js";
import type { WithDirectory } from "../context.js";

/** Who a person asked never to be paired with (Slack user ids), for their own eyes only. */
export async function myExclusions({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string): Promise<string[]> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  return excludedSlackUsers(db, workspaceId, member.id);
}

/**
 * Replaces a person's exclusions with `excludedSlackUserIds` (themselves, and people Slack cannot
 * look up, ignored). Returns how many are kept.
 */
export async function saveMyExclusions({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string, excludedSlackUserIds: readonly string[]): Promise<number> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const others = [...new Set(excludedSlackUserIds)].filter((id) => id !== slackUserId);
  const excluded = [];
  for (const id of others) {
    // Someone Slack cannot describe (deactivated, another workspace) cannot be paired anyway.
    const other = await ensureMember(db, directory, workspaceId, id, now).catch(() => null);
    if (other) excluded.push(other);
  }
  await replaceExclusions(db, workspaceId, member.id, excluded.map((m) => m.id), now);
  return excluded.length;
}

/** For the matcher: exclusions involving any of these members, either direction. */
export function exclusionsFor(db: Db, workspaceId: string, memberIds: readonly string[]): Promise<ExclusionPair[]> {
  return exclusionsForQuery(db, workspaceId, memberIds);
}
