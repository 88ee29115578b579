import type { Db } from "./database.js";

export async function ensureWorkspace(db: Db, workspaceId: string): Promise<void> {
  await db.workspace.upsert({ where: { id: workspaceId }, create: { id: workspaceId }, update: {} });
}

export async function workspaceExists(db: Db, workspaceId: string): Promise<boolean> {
  return (await db.workspace.count({ where: { id: workspaceId } })) === 1;
}

/** Every workspace (Slack team id) in the database, in id order. */
export async function listWorkspaceIds(db: Db): Promise<string[]> {
  return (await db.workspace.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((w) => w.id);
}

/** A where-fragment leaving out the workspaces Rounds was uninstalled from (see liveWorkspacesOnly). */
export type LiveWorkspaces = { workspaceId?: { notIn: string[] } };

/**
 * The where-fragment that leaves out workspaces Rounds was uninstalled from (distributed mode), for
 * the queries scheduled jobs find due work with: nothing is scheduled for a suspended workspace.
 * Read once at the start of a job's sweep and passed to each of its due-work queries.
 */
export async function liveWorkspacesOnly(db: Db): Promise<LiveWorkspaces> {
  const suspended = await db.workspace.findMany({ where: { suspendedAt: { not: null } }, select: { id: true } });
  return suspended.length ? { workspaceId: { notIn: suspended.map((w) => w.id) } } : {};
}
