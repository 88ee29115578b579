import { retryRefused } from "../announcements.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** Rounds was invited to a channel: announcements waiting for it there are posted now. */
export function botJoinedChannel(on: Interactions): void {
  const accepts = (event: { user: string }, args: { context: { botUserId?: string } }) => !!args.context.botUserId && event.user === args.context.botUserId;
  on.event({ event: "member_joined_channel", label: "announcements: Rounds joined a channel", accepts }, async (i) => {
    const n = await retryRefused(i.deps.db, i.teamId, { channelId: i.event.channel }, i.deps.now());
    if (n) {
      i.logger.info({ channel: i.event.channel, requeued: n }, "Rounds joined a channel: posting the announcements waiting for it");
      i.deps.kickOutbox();
    }
  });
}
