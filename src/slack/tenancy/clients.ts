import type { InstallProvider } from "@slack/oauth";
import type { WebClient } from "@slack/web-api";
import type { Db } from "../../store/database.js";
import { installationOf } from "../../store/installations.js";
import { NotInstalled } from "./installationStore.js";

/**
 * The Web API client for each tenant. In single-workspace mode every tenant gets the one client of
 * SLACK_BOT_TOKEN; in distributed mode each gets a client with its own installation's token (Bolt's
 * installer refreshes a rotating token before it expires). Nothing outside this reads a token.
 */
export interface SlackClients {
  /** Throws NotInstalled for a tenant Rounds is not (or no longer) installed in. */
  forTenant(tenantId: string): Promise<WebClient>;
  readonly distributed: boolean;
}

export function oneWorkspace(client: WebClient): SlackClients {
  return { forTenant: async () => client, distributed: false };
}

/** Clients from the installations table, one per token (a rotated token gets a new client). */
export function installedWorkspaces(db: Db, installer: Pick<InstallProvider, "authorize">, clientFor: (token: string) => WebClient): SlackClients {
  const clients = new Map<string, WebClient>();
  return {
    distributed: true,
    async forTenant(tenantId) {
      const row = await installationOf(db, tenantId);
      if (!row || row.revokedAt) throw new NotInstalled(tenantId, Boolean(row?.revokedAt));
      const auth = await installer.authorize(
        row.isEnterpriseInstall
          ? { enterpriseId: tenantId, teamId: undefined, isEnterpriseInstall: true }
          : { teamId: tenantId, enterpriseId: row.enterpriseId ?? undefined, isEnterpriseInstall: false },
      );
      const token = auth.botToken;
      if (!token) throw new NotInstalled(tenantId, false);
      let client = clients.get(token);
      if (!client) {
        client = clientFor(token);
        clients.set(token, client);
        // Retired tokens' clients are dropped; a tenant holds one current token.
        if (clients.size > 1000) clients.delete(clients.keys().next().value!);
      }
      return client;
    },
  };
}
