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
