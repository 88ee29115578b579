import type { Interactions } from "../../../slack/interaction/pipeline.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { Logger } from "pino";
import { suspendTenant } from "../installations.js";

async function suspend(deps: ListenerDeps, logger: Logger, tenantId: string, why: string): Promise<void> {
  if (deps.uninstallRetentionDays === undefined) {
    logger.info({ why }, "Rounds was uninstalled from its one workspace: nothing is sent until a new SLACK_BOT_TOKEN is set");
    return;
  }
  const s = await suspendTenant(deps.db, tenantId, deps.now(), deps.uninstallRetentionDays);
  if (s.suspended) logger.info({ why, heldMessages: s.held, purgeAfter: s.purgeAfter?.toISOString() }, "tenant suspended: nothing is sent or scheduled; its data is kept until the purge date");
  else logger.info({ why }, "tenant already suspended (or never installed here)");
}

/** app_uninstalled, and tokens_revoked for the bot's token: the tenant stops at once. */
export function uninstallEvents(on: Interactions): void {
  on.event({ event: "app_uninstalled" }, async ({ deps, logger, teamId }) => suspend(deps, logger, teamId, "app_uninstalled"));
  on.event(
    {
      event: "tokens_revoked",
      // Only the bot's token matters: Rounds holds no user tokens.
      accepts: (event) => (event.tokens.bot ?? []).length > 0,
    },
    async ({ deps, logger, teamId }) => suspend(deps, logger, teamId, "tokens_revoked"),
  );
}
