import { LogLevel, WebClient } from "@slack/web-api";
import { slackDirectory } from "../slack/directory.js";
import { slackStanding } from "../domain/roles.js";
import type { EmailDirectory } from "../features/programs/roster.js";
import type { MemberProfile } from "../store/members.js";
import type { Db } from "../store/database.js";
import { listInstallations } from "../store/installations.js";
import { parseTokenKey } from "../slack/tenancy/tokenSeal.js";
import { roundsInstaller } from "../slack/tenancy/installer.js";
import { installedWorkspaces, oneWorkspace, type SlackClients } from "../slack/tenancy/clients.js";
import type { CliEnv } from "./args.js";

export interface CliSlack {
  client: WebClient;
  /** The workspace the bot token belongs to (auth.test team_id). */
  teamId: string;
  directory: EmailDirectory;
}

/** A WebClient for the CLI; it retries 429s after Retry-After (users.lookupByEmail is Tier 3). */
export async function connectSlack(token: string, apiUrl: string | undefined): Promise<CliSlack> {
  const client = new WebClient(token, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), logLevel: LogLevel.ERROR });
  const auth = await client.auth.test();
  if (!auth.team_id) throw new Error("auth.test did not name a workspace");
  return { client, teamId: auth.team_id, directory: emailDirectory(client, auth.team_id) };
}

/** users.lookupByEmail with a cache, whose answers also serve users.info for the same people (of `tenantId`). */
export function emailDirectory(client: WebClient, tenantId: string): EmailDirectory {
  const byId = new Map<string, MemberProfile>();
  const byEmail = new Map<string, { slackUserId: string; profile: MemberProfile } | null>();
  const info = slackDirectory(client, tenantId);
  return {
    async userProfile(slackUserId) {
      return byId.get(slackUserId) ?? info.userProfile(slackUserId);
    },
    async lookupByEmail(email) {
      const key = email.toLowerCase();
      if (byEmail.has(key)) return byEmail.get(key)!;
      let found: { slackUserId: string; profile: MemberProfile } | null = null;
      try {
        const { user } = await client.users.lookupByEmail({ email });
        if (user?.id && !user.deleted) {
          const p = user.profile ?? {};
          const profile: MemberProfile = {
            name: p.display_name || p.real_name || user.real_name || user.name || user.id,
            realName: p.real_name || user.real_name || null,
            email: p.email ?? email,
            tz: user.tz || "UTC",
            ...slackStanding(user, tenantId),
          };
          byId.set(user.id, profile);
          found = { slackUserId: user.id, profile };
        }
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error !== "users_not_found") throw error;
      }
      byEmail.set(key, found);
      return found;
    },
  };
}

/**
 * The CLI's Slack for a command: SLACK_BOT_TOKEN's workspace, or, when Rounds is installed in many
 * workspaces (SLACK_CLIENT_ID and ROUNDS_TOKEN_KEY), the installation --team names (or the only one).
 */
export async function connectCliSlack(db: Db, env: CliEnv, team: string | undefined): Promise<CliSlack> {
  if (env.SLACK_BOT_TOKEN) {
    const slack = await connectSlack(env.SLACK_BOT_TOKEN, env.SLACK_API_URL);
    if (team && team !== slack.teamId) throw new CliTeamError(`SLACK_BOT_TOKEN belongs to workspace ${slack.teamId}, not ${team}.`);
    return slack;
  }
  const live = (await listInstallations(db)).filter((i) => !i.revokedAt);
  const names = live.map((i) => `${i.tenantId}${i.teamName || i.enterpriseName ? ` (${i.teamName ?? i.enterpriseName})` : ""}`).join(", ");
  const chosen = team ? live.find((i) => i.tenantId === team) : live.length === 1 ? live[0] : undefined;
  if (!chosen) {
    if (team) throw new CliTeamError(`Rounds is not installed in ${team}. ${live.length ? `It is installed in: ${names}.` : "It is installed nowhere yet."}`);
    throw new CliTeamError(live.length ? `Rounds is installed in ${live.length} workspaces (${names}): name one with --team.` : "Rounds is installed nowhere yet: install it from /slack/install first.");
  }
  const client = await installedClients(db, env).forTenant(chosen.tenantId);
  return { client, teamId: chosen.tenantId, directory: emailDirectory(client, chosen.tenantId) };
}

/** The workspace a Slack command should work in is not clear: the message says which ones there are. */
export class CliTeamError extends Error {}

type SlackEnv = Pick<CliEnv, "SLACK_API_URL" | "SLACK_CLIENT_ID" | "SLACK_CLIENT_SECRET" | "SLACK_STATE_SECRET" | "ROUNDS_TOKEN_KEY" | "ROUNDS_TOKEN_KEYS_OLD">;

/** Each installation's client, opened with the sealed tokens in the database (distributed mode). */
function installedClients(db: Db, env: SlackEnv): SlackClients {
  const keys = { current: parseTokenKey(env.ROUNDS_TOKEN_KEY ?? ""), old: (env.ROUNDS_TOKEN_KEYS_OLD ?? "").split(",").filter((k) => k.trim()).map((k) => parseTokenKey(k, "ROUNDS_TOKEN_KEYS_OLD")) };
  const oauth = { clientId: env.SLACK_CLIENT_ID ?? "", clientSecret: env.SLACK_CLIENT_SECRET ?? "", stateSecret: env.SLACK_STATE_SECRET ?? "unused-by-the-cli", tokenKeys: keys, retentionDays: 30 };
  const options = { ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}), logLevel: LogLevel.ERROR };
  return installedWorkspaces(db, roundsInstaller(db, oauth, env.SLACK_API_URL), (token) => new WebClient(token, options));
}

/** For `job run`: the clients a job's own Slack calls use, or none when nothing is configured (the job then only queues). */
export function cliSlackClients(db: Db, env: NodeJS.ProcessEnv): SlackClients | undefined {
  const apiUrl = env.SLACK_API_URL?.trim() || undefined;
  if (env.SLACK_BOT_TOKEN?.trim()) return oneWorkspace(new WebClient(env.SLACK_BOT_TOKEN.trim(), { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), logLevel: LogLevel.ERROR }));
  if (env.SLACK_CLIENT_ID?.trim() && env.ROUNDS_TOKEN_KEY?.trim()) {
    return installedClients(db, { SLACK_API_URL: apiUrl, SLACK_CLIENT_ID: env.SLACK_CLIENT_ID, SLACK_CLIENT_SECRET: env.SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: env.SLACK_STATE_SECRET, ROUNDS_TOKEN_KEY: env.ROUNDS_TOKEN_KEY, ROUNDS_TOKEN_KEYS_OLD: env.ROUNDS_TOKEN_KEYS_OLD });
  }
  return undefined;
}
