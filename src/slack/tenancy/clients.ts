import type { InstallProvider } from "@slack/oauth";
import type { WebClient } from "@slack/web-api";
import type { Db } from "../../store/database.js";
import { installationState } from "../../store/installations.js";
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

/** Bolt's installer refreshes a rotating token once it expires within two hours (@slack/oauth's EXPIRY_WINDOW). */
const BOLT_REFRESH_WINDOW_MS = 2 * 3600_000;

/** A tenant's client as last authorized, for the installation as it was at `version` (its updatedAt). */
interface Authorized {
  version: number;
  /** `refreshAt`: from then on the installer is asked again, so that it refreshes the rotating token. */
  resolved: Promise<{ client: WebClient; refreshAt: number }>;
}

/**
 * Clients from the installations table, one per token (a rotated token gets a new client).
 *
 * installer.authorize reads the installation with its tokens, opens them and refreshes a rotating
 * token; the client it gives is kept per tenant, so a tenant's sends do not each authorize again.
 * What keeps it right across instances: every call first reads the installation's small state by
 * primary key (no tokens), and the kept client serves only while that installation is unchanged:
 * not revoked (an uninstall or tokens_revoked, handled by any instance, sets revokedAt) and with the
 * same updatedAt (a re-install and a token rotation, stored by any instance, move it). So no instance
 * ever sends with a client of an installation that changed, and none waits for a cache to run out:
 * a short-lived cache instead would still try a dead token after an uninstall, and after a quick
 * re-install would have the outbox hold a message though the new install is live. The kept client
 * is also given up once its token is within Bolt's refresh window, so that authorize refreshes it.
 */
export function installedWorkspaces(
  db: Db,
  installer: Pick<InstallProvider, "authorize">,
  clientFor: (token: string) => WebClient,
  now: () => Date = () => new Date(),
): SlackClients {
  const clients = new Map<string, WebClient>();
  const authorized = new Map<string, Authorized>();

  const clientOf = (token: string) => {
    let client = clients.get(token);
    if (!client) {
      client = clientFor(token);
      clients.set(token, client);
      // Retired tokens' clients are dropped; a tenant holds one current token.
      if (clients.size > 1000) clients.delete(clients.keys().next().value!);
    }
    return client;
  };

  return {
    distributed: true,
    async forTenant(tenantId) {
      const state = await installationState(db, tenantId);
      if (!state || state.revokedAt) {
        authorized.delete(tenantId);
        throw new NotInstalled(tenantId, Boolean(state?.revokedAt));
      }
      const version = state.updatedAt.getTime();
      const kept = authorized.get(tenantId);
      if (kept?.version === version) {
        const { client, refreshAt } = await kept.resolved;
        if (now().getTime() < refreshAt) return client;
      }
      // Senders asking at the same moment share one authorize (and so one token refresh).
      const entry: Authorized = {
        version,
        resolved: installer
          .authorize(
            state.isEnterpriseInstall
              ? { enterpriseId: tenantId, teamId: undefined, isEnterpriseInstall: true }
              : { teamId: tenantId, enterpriseId: state.enterpriseId ?? undefined, isEnterpriseInstall: false },
          )
          .then((auth) => {
            if (!auth.botToken) throw new NotInstalled(tenantId, false);
            const refreshAt = auth.botTokenExpiresAt ? auth.botTokenExpiresAt * 1000 - BOLT_REFRESH_WINDOW_MS : Number.POSITIVE_INFINITY;
            return { client: clientOf(auth.botToken), refreshAt };
          }),
      };
      authorized.set(tenantId, entry);
      // A failed authorize is not kept: the next call tries again.
      entry.resolved.catch(() => {
        if (authorized.get(tenantId) === entry) authorized.delete(tenantId);
      });
      return (await entry.resolved).client;
    },
  };
}
