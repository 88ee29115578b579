import { LogLevel, WebClient } from "@slack/web-api";
import { slackDirectory } from "../slack/directory.js";
import type { EmailDirectory } from "../features/programs/roster.js";
import type { MemberProfile } from "../store/members.js";

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
  return { client, teamId: auth.team_id, directory: emailDirectory(client) };
}

/** users.lookupByEmail with a cache, whose answers also serve users.info for the same people. */
export function emailDirectory(client: WebClient): EmailDirectory {
  const byId = new Map<string, MemberProfile>();
  const byEmail = new Map<string, { slackUserId: string; profile: MemberProfile } | null>();
  const info = slackDirectory(client);
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
            isAdmin: Boolean(user.is_admin),
            isOwner: Boolean(user.is_owner || user.is_primary_owner),
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
