import type { Db } from "./database.js";

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

export async function listInstallations(db: Db): Promise<InstallationRow[]> {
  return db.installation.findMany({ select: COLUMNS, orderBy: { tenantId: "asc" } });
}

/** Uninstalled or tokens revoked: stops everything for the tenant; its data is kept until `purgeAfter`. True if it was live. */
export async function revokeInstallation(db: Db, tenantId: string, now: Date, purgeAfter: Date): Promise<boolean> {
  const { count } = await db.installation.updateMany({ where: { tenantId, revokedAt: null }, data: { revokedAt: now, purgeAfter } });
  return count === 1;
}

/** Tenants whose retention period is over. */
export async function installationsToPurge(db: Db, now: Date): Promise<InstallationRow[]> {
  return db.installation.findMany({ where: { revokedAt: { not: null }, purgeAfter: { lte: now } }, select: COLUMNS });
}
