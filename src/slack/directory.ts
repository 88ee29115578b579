import type { WebClient } from "@slack/web-api";
import type { SlackDirectory } from "../features/ports.js";
import { slackStanding } from "../domain/roles.js";

/**
 * users.info behind the SlackDirectory port, for one tenant (a workspace, or a Grid org installed
 * org-wide: there an org admin or owner is an admin or owner too). Needs the users:read and
 * users:read.email scopes.
 */
export function slackDirectory(client: WebClient, tenantId: string): SlackDirectory {
  return {
    async userProfile(slackUserId) {
      const { user } = await client.users.info({ user: slackUserId });
      if (!user) throw new Error(`users.info returned no user for ${slackUserId}`);
      const profile = user.profile ?? {};
      return {
        name: profile.display_name || profile.real_name || user.real_name || user.name || slackUserId,
        realName: profile.real_name || user.real_name || null,
        email: profile.email ?? null,
        tz: user.tz || "UTC",
        ...slackStanding(user, tenantId),
      };
    },
  };
}
