import type { Db, Tx } from "./database.js";

export interface GrantedDirector {
  id: string;
  slackUserId: string;
  name: string;
  directorGrantedAt: Date;
  directorGrantedBy: string | null;
}

export async function setDirectorGrant(
  db: Db | Tx,
  workspaceId: string,
  memberId: string,
  grant: { at: Date; by: string } | null,
): Promise<boolean> {
  const { count } = await db.member.updateMany({
    where: { workspaceId, id: memberId },
    data: { directorGrantedAt: grant?.at ?? null, directorGrantedBy: grant?.by ?? null },
  });
  return count === 1;
}

export async function directorGrantOf(db: Db | Tx, workspaceId: string, memberId: string): Promise<Date | null> {
  const row = await db.member.findFirst({ where: { workspaceId, id: memberId }, select: { directorGrantedAt: true } });
  return row?.directorGrantedAt ?? null;
}

export async function grantedDirectors(db: Db | Tx, workspaceId: string): Promise<GrantedDirector[]> {
  const rows = await db.member.findMany({
    where: { workspaceId, directorGrantedAt: { not: null }, erasedAt: null },
    select: { id: true, slackUserId: true, name: true, directorGrantedAt: true, directorGrantedBy: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({ ...r, directorGrantedAt: r.directorGrantedAt! }));
}

export async function findSlackUserIdByEmail(db: Db | Tx, workspaceId: string, email: string): Promise<string | null> {
  const row = await db.member.findFirst({ where: { workspaceId, email: { equals: email } }, select: { slackUserId: true } });
  return row?.slackUserId ?? null;
}
