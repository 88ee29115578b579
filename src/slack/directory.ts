import type { WebClient } from "@slack/web-api";
import type { SlackDirectory } from "../features/ports.js";

/** users.info behind the SlackDirectory port. Needs the users:read and users:read.email scopes. */
export function slackDirectory(client: WebClient): SlackDirectory {
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
        isAdmin: Boolean(user.is_admin),
        isOwner: Boolean(user.is_owner || user.is_primary_owner),
      };
    },
  };
}
