import { randomBytes } from "node:crypto";
import type { FakeChannel, FakeUser } from "./records.js";
import type { StandinOrg } from "./users.js";

/**
 * Many workspaces and Enterprise Grid orgs in one Slack stand-in, as strict as Slack about tokens:
 * a bot token works only inside the tenant it was issued for. A workspace install's token reaches its
 * workspace's people and channels; an org-wide install's token reaches every workspace of the org.
 * Anything else is answered as Slack answers it (user_not_found, channel_not_found, invalid_auth).
 *
 * Installs go through `oauth.v2.access`: a test calls `authorize()` for the code Slack would hand the
 * redirect, and the exchange answers with a fresh token. With no tenant set up the stand-in serves
 * one workspace with any xoxb- token, as before.
 */
export interface StandinInstall {
  /** The workspace installed into; absent for an org-wide install. */
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  isEnterpriseInstall?: boolean;
  /** Who pressed "Allow". */
  installerUserId: string;
  /** Token rotation on: the token expires after this many seconds and comes with a refresh token. */
  expiresInSeconds?: number;
}

interface Tenant {
  install: StandinInstall;
  botUserId: string;
}

export class StandinTenants {
  /** enterprise id → its workspaces. */
  private readonly orgs = new Map<string, Set<string>>();
  private readonly orgNames = new Map<string, string>();
  private readonly codes = new Map<string, StandinInstall>();
  private readonly byToken = new Map<string, Tenant>();
  private readonly byRefresh = new Map<string, Tenant>();
  /** Tokens Slack no longer honours (uninstalled, revoked, or rotated away). */
  private readonly dead = new Set<string>();
  readonly clientId = "1111.2222";
  readonly clientSecret = "standin-client-secret";

  get active(): boolean {
    return this.byToken.size > 0 || this.codes.size > 0 || this.dead.size > 0;
  }

  /** Declares a Grid org and its workspaces. */
  addOrg(enterpriseId: string, teamIds: string[], name = enterpriseId): void {
    this.orgs.set(enterpriseId, new Set(teamIds));
    this.orgNames.set(enterpriseId, name);
  }

  /** The Grid org a workspace belongs to, if any (users.info names it in `enterprise_user`). */
  orgOf(teamId: string): StandinOrg | undefined {
    const id = this.enterpriseOf(teamId);
    return id ? { id, name: this.orgNames.get(id) ?? id } : undefined;
  }

  enterpriseOf(teamId: string): string | undefined {
    for (const [org, teams] of this.orgs) if (teams.has(teamId)) return org;
    return undefined;
  }

  /** What pressing "Allow" on Slack's consent page gives: a one-time code for the redirect. */
  authorize(install: StandinInstall): string {
    const code = `code-${randomBytes(6).toString("hex")}`;
    this.codes.set(code, { ...install, ...(install.teamId && !install.enterpriseId ? { enterpriseId: this.enterpriseOf(install.teamId) } : {}) });
    return code;
  }

  /** oauth.v2.access: a code (or, with rotation on, a refresh token) exchanged for a bot token. */
  exchange(args: Record<string, unknown>, basicAuth: string | null): Record<string, unknown> {
    const [id, secret] = basicAuth ? Buffer.from(basicAuth, "base64").toString().split(":") : [args.client_id, args.client_secret];
    if (id !== this.clientId || secret !== this.clientSecret) return { ok: false, error: "invalid_client_id" };
    if (args.grant_type === "refresh_token") {
      const tenant = this.byRefresh.get(String(args.refresh_token));
      if (!tenant) return { ok: false, error: "invalid_refresh_token" };
      this.byRefresh.delete(String(args.refresh_token));
      return this.issue(tenant.install, tenant.botUserId, true);
    }
    const install = this.codes.get(String(args.code));
    if (!install) return { ok: false, error: "invalid_code" };
    this.codes.delete(String(args.code));
    return this.issue(install, `UBOT${(install.teamId ?? install.enterpriseId)!.replace(/^[TE]/, "")}`, false);
  }

  private issue(install: StandinInstall, botUserId: string, rotating: boolean): Record<string, unknown> {
    // A rotation retires the tokens issued before it for this tenant.
    if (rotating) for (const [token, t] of this.byToken) if (t.install === install) (this.byToken.delete(token), this.dead.add(token));
    const tenant: Tenant = { install, botUserId };
    const token = `xoxb-${(install.teamId ?? install.enterpriseId)!}-${randomBytes(8).toString("hex")}`;
    this.byToken.set(token, tenant);
    const refresh = install.expiresInSeconds ? `xoxe-1-${randomBytes(8).toString("hex")}` : null;
    if (refresh) this.byRefresh.set(refresh, tenant);
    return {
      ok: true,
      app_id: "A0ROUNDS",
      authed_user: { id: install.installerUserId },
      scope: "commands,chat:write,im:write,mpim:write,users:read,users:read.email,channels:read,channels:join,groups:read,files:write,im:history",
      token_type: "bot",
      access_token: token,
      bot_user_id: botUserId,
      ...(refresh ? { refresh_token: refresh, expires_in: install.expiresInSeconds } : {}),
      team: install.isEnterpriseInstall ? null : { id: install.teamId, name: install.teamName ?? install.teamId },
      enterprise: install.enterpriseId ? { id: install.enterpriseId, name: install.enterpriseName ?? install.enterpriseId } : null,
      is_enterprise_install: Boolean(install.isEnterpriseInstall),
    };
  }

  /** The app was uninstalled (or its tokens revoked) in a tenant: its tokens stop working. */
  revoke(tenantId: string): void {
    for (const [token, t] of this.byToken) if ((t.install.isEnterpriseInstall ? t.install.enterpriseId : t.install.teamId) === tenantId) (this.byToken.delete(token), this.dead.add(token));
  }

  /** Tokens currently valid for a tenant (team id, or enterprise id for an org-wide install). */
  tokensOf(tenantId: string): string[] {
    return [...this.byToken].filter(([, t]) => (t.install.isEnterpriseInstall ? t.install.enterpriseId : t.install.teamId) === tenantId).map(([token]) => token);
  }

  /** auth.test's answer for a token. */
  whoAmI(token: string): Record<string, unknown> | null {
    const t = this.byToken.get(token);
    if (!t) return null;
    const i = t.install;
    return { team_id: i.isEnterpriseInstall ? undefined : i.teamId, enterprise_id: i.enterpriseId, is_enterprise_install: Boolean(i.isEnterpriseInstall), user_id: t.botUserId };
  }

  /** Whether `teamId`'s people and channels are within reach of `token`. */
  private reaches(token: string, teamId: string | undefined): boolean {
    const t = this.byToken.get(token);
    if (!t || !teamId) return false;
    if (t.install.isEnterpriseInstall) return this.orgs.get(t.install.enterpriseId!)?.has(teamId) ?? false;
    return t.install.teamId === teamId;
  }

  /**
   * How Slack refuses a call made with a token outside its tenant, or null. `user`/`channel` look up
   * the stand-in's people and declared channels.
   */
  refusal(token: string, method: string, args: Record<string, unknown>, user: (id: string) => FakeUser | undefined, channel: (id: string) => FakeChannel | undefined): string | null {
    if (method === "oauth.v2.access") return null;
    if (!this.byToken.has(token)) return this.dead.has(token) ? "token_revoked" : "invalid_auth";
    const userOk = (id: string) => this.reaches(token, user(id)?.teamId);
    const conversationOk = (id: string): boolean => {
      if (/^[UW]/.test(id)) return userOk(id);
      if (id.startsWith("D-")) return userOk(id.slice(2));
      if (id.startsWith("G-")) return id.slice(2).split("-").every(userOk);
      const c = channel(id);
      return c?.teamId ? this.reaches(token, c.teamId) : true;
    };
    switch (method) {
      case "users.info":
        return userOk(String(args.user)) ? null : "user_not_found";
      case "users.lookupByEmail":
        return null; // answered from the tenant's people only, in the server
      case "conversations.open":
        return String(args.users ?? "").split(",").filter(Boolean).every(userOk) ? null : "user_not_found";
      case "views.publish":
        return userOk(String(args.user_id)) ? null : "user_not_found";
      case "chat.postEphemeral":
        return conversationOk(String(args.channel)) && userOk(String(args.user)) ? null : "channel_not_found";
      case "chat.postMessage":
      case "chat.update":
      case "conversations.history":
      case "conversations.info":
      case "conversations.join":
        return conversationOk(String(args.channel)) ? null : "channel_not_found";
      case "files.completeUploadExternal":
        return args.channel_id === undefined || conversationOk(String(args.channel_id)) ? null : "channel_not_found";
      default:
        return null;
    }
  }

  /** Whether a person is within a token's tenant (users.lookupByEmail finds only those). */
  sees(token: string, person: FakeUser): boolean {
    return !this.active || this.reaches(token, person.teamId);
  }
}
