import { purgeExpiredTenants } from "../features/installations/installations.js";
import type { Job } from "./job.js";

/**
 * Daily: the workspaces (and Grid orgs) Rounds was uninstalled from longer ago than the retention
 * period lose everything Rounds kept about them. Each purge is logged with what it removed.
 */
export const purgeUninstalled: Job = {
  name: "purge-uninstalled",
  schedule: "41 4 * * *",
  async run({ db, now, log }) {
    const purged = await purgeExpiredTenants(db, now);
    for (const p of purged) {
      const total = Object.values(p.removed).reduce((a, b) => a + b, 0);
      log.info({ tenant: p.tenantId, uninstalledAt: p.uninstalledAt?.toISOString(), removedRows: total, removed: p.removed }, "purged an uninstalled tenant's data after its retention period");
    }
    return { purgedTenants: purged.map((p) => ({ tenantId: p.tenantId, rows: Object.values(p.removed).reduce((a, b) => a + b, 0) })) };
  },
};
