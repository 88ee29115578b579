import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { Db } from "../../store/database.js";
import { findInstallation, saveInstallation, type InstallationRow } from "../../store/installations.js";
import { openToken, sealToken, type TokenKeys } from "./tokenSeal.js";

/** The tenant an installation (or a request) belongs to: the org for an org-wide install, else the workspace. */
export function tenantOf(q: { teamId?: string | null; enterpriseId?: string | null; isEnterpriseInstall?: boolean }): string {
  const tenant = q.isEnterpriseInstall ? q.enterpriseId : q.teamId;
  if (!tenant) throw new Error("an installation names neither its workspace nor, for an org-wide install, its org");
  return tenant;
}

export class NotInstalled extends Error {
  readonly code = "NotInstalled";
  constructor(readonly query: string, readonly revoked: boolean) {
    super(revoked ? `Rounds was uninstalled from ${query}` : `Rounds is not installed in ${query}`);
  }
}

/**
 * Bolt's InstallationStore over Prisma: what `/slack/oauth_redirect` stores and what `authorize`
 * (and token rotation) reads, for every listener, job and outbox send. Tokens are sealed on the way
 * in and opened on the way out; a revoked installation authorizes nothing.
 */
export function prismaInstallationStore(db: Db, keys: TokenKeys, now: () => Date = () => new Date()): InstallationStore {
  return {
    async storeInstallation(installation) {
      const bot = installation.bot;
      if (!bot) throw new Error("Rounds needs a bot token: the install granted none (check the manifest's bot scopes)");
      const tenantId = tenantOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
      const sealed = {
        botToken: sealToken(bot.token, keys),
        botRefreshToken: bot.refreshToken ? sealToken(bot.refreshToken, keys) : null,
        botTokenExpiresAt: bot.expiresAt ? new Date(bot.expiresAt * 1000) : null,
      };
      // An install, a re-install (which lifts an uninstall's revocation), or a token rotation storing
      // the same installation with new tokens: all are the same upsert.
      await saveInstallation(
        db,
        {
          tenantId,
          teamId: installation.team?.id ?? null,
          teamName: installation.team?.name ?? null,
          enterpriseId: installation.enterprise?.id ?? null,
          enterpriseName: installation.enterprise?.name ?? null,
          isEnterpriseInstall: installation.isEnterpriseInstall === true,
          appId: installation.appId ?? null,
          botId: bot.id,
          botUserId: bot.userId,
          botScopes: bot.scopes.join(","),
          installerUserId: installation.user.id,
          ...sealed,
        },
        now(),
      );
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const row = await findInstallation(db, query);
      const where = query.isEnterpriseInstall ? `org ${query.enterpriseId}` : `workspace ${query.teamId}`;
      if (!row || row.revokedAt) throw new NotInstalled(where, Boolean(row?.revokedAt));
      return toInstallation(row, keys);
    },
  };
}

function toInstallation(row: InstallationRow, keys: TokenKeys): Installation<"v2", boolean> {
  return {
    team: row.isEnterpriseInstall ? undefined : { id: row.teamId!, ...(row.teamName ? { name: row.teamName } : {}) },
    enterprise: row.enterpriseId ? { id: row.enterpriseId, ...(row.enterpriseName ? { name: row.enterpriseName } : {}) } : undefined,
    user: { token: undefined, scopes: undefined, id: row.installerUserId ?? "" },
    bot: {
      token: openToken(row.botToken, keys),
      ...(row.botRefreshToken ? { refreshToken: openToken(row.botRefreshToken, keys) } : {}),
      ...(row.botTokenExpiresAt ? { expiresAt: Math.floor(row.botTokenExpiresAt.getTime() / 1000) } : {}),
      scopes: row.botScopes ? row.botScopes.split(",") : [],
      id: row.botId ?? "",
      userId: row.botUserId,
    },
    ...(row.appId ? { appId: row.appId } : {}),
    tokenType: "bot",
    isEnterpriseInstall: row.isEnterpriseInstall,
    authVersion: "v2",
  } as Installation<"v2", boolean>;
}
