import type { Db } from "../../store/database.js";
import { installationOf, installationsToPurge, purgeWorkspaceData, revokeInstallation } from "../../store/installations.js";
import { holdWorkspaceOutbox, releaseWorkspaceOutbox } from "../../store/outbox.js";

const DAY_MS = 86_400_000;

export interface Suspension {
  /** False when the tenant was already suspended (tokens_revoked after app_uninstalled) or is not an installation. */
  suspended: boolean;
  held: number;
  purgeAfter: Date | null;
}

/**
 * Rounds was uninstalled from a tenant, or its bot token revoked: at once, nothing more is sent
 * (unsent messages are held as they are, not dropped and not retried against a dead token) and no
 * job schedules anything for it. Its data is kept for `retentionDays`, then purged.
 */
export async function suspendTenant(db: Db, tenantId: string, now: Date, retentionDays: number): Promise<Suspension> {
  const purgeAfter = new Date(now.getTime() + retentionDays * DAY_MS);
  return db.$transaction(async (tx) => {
    if (!(await revokeInstallation(tx, tenantId, now, purgeAfter))) return { suspended: false, held: 0, purgeAfter: null };
    await tx.workspace.updateMany({ where: { id: tenantId }, data: { suspendedAt: now } });
    const held = await holdWorkspaceOutbox(tx, tenantId, now);
    return { suspended: true, held, purgeAfter };
  });
}

/** A (re-)install: a suspended tenant resumes where it stopped; its held messages go out. */
export async function resumeTenant(db: Db, tenantId: string): Promise<{ released: number }> {
  return db.$transaction(async (tx) => {
    await tx.workspace.updateMany({ where: { id: tenantId, suspendedAt: { not: null } }, data: { suspendedAt: null } });
    return { released: await releaseWorkspaceOutbox(tx, tenantId) };
  });
}

export interface Purge {
  tenantId: string;
  uninstalledAt: Date | null;
  /** Rows removed, by table. */
  removed: Record<string, number>;
}

/** Purges every tenant whose retention period after an uninstall is over (a re-install meanwhile lifts it). */
export async function purgeExpiredTenants(db: Db, now: Date): Promise<Purge[]> {
  const done: Purge[] = [];
  for (const installation of await installationsToPurge(db, now)) {
    // Looked at again just before: a re-install may have come in since the list was read.
    const current = await installationOf(db, installation.tenantId);
    if (!current?.revokedAt || !current.purgeAfter || current.purgeAfter > now) continue;
    done.push({ tenantId: installation.tenantId, uninstalledAt: current.revokedAt, removed: await purgeWorkspaceData(db, installation.tenantId) });
  }
  return done;
}
