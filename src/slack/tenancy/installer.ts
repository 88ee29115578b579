import type { IncomingMessage, ServerResponse } from "node:http";
import { InstallProvider, LogLevel, type CallbackOptions } from "@slack/oauth";
import type { CustomRoute } from "@slack/bolt";
import type { WebClient, WebClientOptions } from "@slack/web-api";
import type { Logger } from "pino";
import type { OAuthConfig } from "../../config.js";
import type { Db } from "../../store/database.js";
import { installedWorkspaces, oneWorkspace, type SlackClients } from "./clients.js";
import { prismaInstallationStore } from "./installationStore.js";

/** The bot scopes an install asks for: the same list as manifest.yml's oauth_config (a test keeps them equal). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "channels:join",
  "im:write",
  "mpim:write",
  "im:history",
  "mpim:history",
  "channels:history",
  "groups:history",
  "users:read",
  "users:read.email",
  "channels:read",
  "groups:read",
  "files:write",
];

export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

/** Bolt's OAuth installer over Rounds' installation store: the install page, the redirect, and authorize (with token rotation). */
export function roundsInstaller(db: Db, oauth: OAuthConfig, slackApiUrl: string | undefined, now: () => Date = () => new Date()): InstallProvider {
  return new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: prismaInstallationStore(db, oauth.tokenKeys, now),
    ...(slackApiUrl ? { clientOptions: { slackApiUrl } } : {}),
    logLevel: LogLevel.ERROR,
  });
}

/**
 * GET /slack/install ("Add to Slack") and GET /slack/oauth_redirect (state verified, code exchanged,
 * installation stored): the two routes distributed mode serves beside /slack/events.
 */
export function installRoutes(installer: InstallProvider, logger: Logger, onInstalled: (tenantId: string) => Promise<void>): CustomRoute[] {
  const callback: CallbackOptions = {
    success: (installation, _options, _req, res) => {
      const tenant = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
      void onInstalled(tenant ?? "")
        .catch((error: unknown) => logger.error({ err: error, tenant }, "install: resuming the workspace failed"))
        .finally(() => page(res, 200, "Rounds is installed", "Open Slack and type <code>/mentoring-admin program</code> to set up your first program."));
    },
    failure: (error, _options, _req, res) => {
      logger.info({ reason: error.message }, "install: refused");
      page(res, 400, "Rounds was not installed", "The install link expired or was not started here. Start again from the install page.");
    },
  };
  return [
    { path: INSTALL_PATH, method: ["GET"], handler: (req: IncomingMessage, res: ServerResponse) => void installer.handleInstallPath(req, res, undefined, { scopes: BOT_SCOPES }) },
    { path: REDIRECT_PATH, method: ["GET"], handler: (req: IncomingMessage, res: ServerResponse) => void installer.handleCallback(req, res, callback) },
  ];
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`);
}

/**
 * Each tenant's Web API client, for one kind of caller (the outbox, the jobs): the one bot token in
 * single-workspace mode, or the tenant's own installation in distributed mode.
 */
export function tenantClients(
  mode: { slackBotToken: string | undefined; installer: InstallProvider | null },
  db: Db,
  make: (token: string, options: WebClientOptions) => WebClient,
  options: WebClientOptions,
): SlackClients {
  if (mode.installer) return installedWorkspaces(db, mode.installer, (token) => make(token, options));
  if (!mode.slackBotToken) throw new Error("neither SLACK_BOT_TOKEN nor the OAuth settings are configured");
  return oneWorkspace(make(mode.slackBotToken, options));
}
