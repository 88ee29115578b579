import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { retryRefused } from "../announcements.js";
import type { ListenerDeps } from "../../../slack/deps.js";

/** Rounds was invited to a channel: announcements waiting for it there are posted now. */
export function botJoinedChannel(deps: ListenerDeps) {
  return async ({ event, context, body }: SlackEventMiddlewareArgs<"member_joined_channel"> & AllMiddlewareArgs) => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    const teamId = context.teamId ?? event.team ?? (body as { team_id?: string }).team_id ?? "";
    const n = await retryRefused(deps.db, teamId, { channelId: event.channel }, deps.now());
    if (n) {
      deps.logger.info({ team: teamId, channel: event.channel, requeued: n }, "Rounds joined a channel: posting the announcements waiting for it");
      deps.kickOutbox();
    }
  };
}
