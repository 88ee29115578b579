import { providerOfClient, type Db, type Tx } from "./database.js";

/** An installation as stored: tokens are already sealed by the caller (store/ never sees a clear token). */
export interface InstallationRow {
  tenantId: string;
  teamId: string | null;
  teamName: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  isEnterpriseInstall: boolean;
  appId: string | null;
  botId: string | null;
  botUserId: string;
  botScopes: string;
  botToken: string;
  botRefreshToken: string | null;
  botTokenExpiresAt: Date | null;
  installerUserId: string | null;
  revokedAt: Date | null;
  purgeAfter: Date | null;
  installedAt: Date;
}

const COLUMNS = {
  tenantId: true, teamId: true, teamName: true, enterpriseId: true, enterpriseName: true, isEnterpriseInstall: true, appId: true, botId: true,
  botUserId: true, botScopes: true, botToken: true, botRefreshToken: true, botTokenExpiresAt: true, installerUserId: true, revokedAt: true,
  purgeAfter: true, installedAt: true,
} as const;

/** Records an install, or a re-install: a re-install within the retention period lifts the revocation. */
export async function saveInstallation(db: Db, row: Omit<InstallationRow, "revokedAt" | "purgeAfter" | "installedAt">, now: Date): Promise<void> {
  const data = { ...row, revokedAt: null, purgeAfter: null };
  await db.installation.upsert({ where: { tenantId: row.tenantId }, create: { ...data, installedAt: now }, update: data });
}

/**
 * The installation serving a request from `teamId` (in `enterpriseId`): the workspace's own, else its
 * org's org-wide install. Revoked installations are returned too: the caller decides what they allow.
 */
export async function findInstallation(db: Db, q: { teamId?: string | null; enterpriseId?: string | null; isEnterpriseInstall?: boolean }): Promise<InstallationRow | null> {
  if (q.isEnterpriseInstall && q.enterpriseId) return db.installation.findUnique({ where: { tenantId: q.enterpriseId }, select: COLUMNS });
  if (q.teamId) {
    const own = await db.installation.findUnique({ where: { tenantId: q.teamId }, select: COLUMNS });
    if (own) return own;
  }
  if (q.enterpriseId) return db.installation.findFirst({ where: { tenantId: q.enterpriseId, isEnterpriseInstall: true }, select: COLUMNS });
  return null;
}

export async function installationOf(db: Db, tenantId: string): Promise<InstallationRow | null> {
  return db.installation.findUnique({ where: { tenantId }, select: COLUMNS });
}

/**
 * What tells whether a tenant's installation has changed since it was last read, without its tokens:
 * `updatedAt` moves on every install, re-install and token rotation; `revokedAt` is set by an
 * uninstall. Read by primary key before each send (src/slack/tenancy/clients.ts).
 */
export async function installationState(
  db: Db,
  tenantId: string,
): Promise<{ isEnterpriseInstall: boolean; enterpriseId: string | null; revokedAt: Date | null; updatedAt: Date } | null> {
  return db.installation.findUnique({ where: { tenantId }, select: { isEnterpriseInstall: true, enterpriseId: true, revokedAt: true, updatedAt: true } });
}

export async function listInstallations(db: Db): Promise<InstallationRow[]> {
  return db.installation.findMany({ select: COLUMNS, orderBy: { tenantId: "asc" } });
}

/** Uninstalled or tokens revoked: stops everything for the tenant; its data is kept until `purgeAfter`. True if it was live. */
export async function revokeInstallation(db: Db | Tx, tenantId: string, now: Date, purgeAfter: Date): Promise<boolean> {
  const { count } = await db.installation.updateMany({ where: { tenantId, revokedAt: null }, data: { revokedAt: now, purgeAfter } });
  return count === 1;
}

/** Tenants whose retention period is over. */
export async function installationsToPurge(db: Db, now: Date): Promise<InstallationRow[]> {
  return db.installation.findMany({ where: { revokedAt: { not: null }, purgeAfter: { lte: now } }, select: COLUMNS });
}

/** Every table that holds a workspace's rows (a workspaceId column), read from the database itself, so new tables are never missed. */
async function workspaceTables(db: Db | Tx): Promise<string[]> {
  const rows =
    providerOfClient(db) === "postgresql"
      ? await db.$queryRawUnsafe<{ t: string }[]>(`SELECT table_name::text AS t FROM information_schema.columns WHERE column_name = 'workspaceId' AND table_schema = current_schema() ORDER BY 1`)
      : await db.$queryRawUnsafe<{ t: string }[]>(`SELECT m.name AS t FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'workspaceId' ORDER BY 1`);
  return rows.map((r) => r.t);
}

/**
 * Deletes everything a tenant's workspace holds, and its installation, in one transaction; returns
 * how many rows each table lost (only tables that had some). Every relation cascades from the
 * workspace, its members or its programs; tables with no such relation are emptied by workspaceId.
 */
export async function purgeWorkspaceData(db: Db, tenantId: string): Promise<Record<string, number>> {
  return db.$transaction(async (tx) => {
    const removed: Record<string, number> = {};
    const tables = await workspaceTables(tx);
    for (const table of tables) {
      const [row] = await tx.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${table}" WHERE "workspaceId" = ${providerOfClient(tx) === "postgresql" ? "$1" : "?"}`, tenantId);
      const n = Number(row?.n ?? 0);
      if (n > 0) removed[table] = n;
    }
    await tx.workspace.deleteMany({ where: { id: tenantId } });
    for (const table of tables) await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "workspaceId" = ${providerOfClient(tx) === "postgresql" ? "$1" : "?"}`, tenantId);
    await tx.installation.deleteMany({ where: { tenantId } });
    return removed;
  });
}

/** Rewrites every stored token with `reseal` (a key rotation), each installation in its own update; returns how many changed. */
export async function resealTokens(db: Db, reseal: (sealed: string) => string): Promise<{ changed: number }> {
  let changed = 0;
  for (const row of await db.installation.findMany({ select: { tenantId: true, botToken: true, botRefreshToken: true } })) {
    const botToken = reseal(row.botToken);
    const botRefreshToken = row.botRefreshToken ? reseal(row.botRefreshToken) : null;
    if (botToken === row.botToken && botRefreshToken === row.botRefreshToken) continue;
    await db.installation.update({ where: { tenantId: row.tenantId }, data: { botToken, botRefreshToken } });
    changed += 1;
  }
  return { changed };
}
