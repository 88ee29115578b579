import { answerTypedDm } from "../dmHelp.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/**
 * A person typed a message to Rounds in its Messages tab (message.im): they get a short answer on
 * what Rounds does and its three commands. Edits, deletions and other subtypes, messages from bots
 * (Rounds' own included) and anything outside a DM are left alone.
 */
export function directMessage(on: Interactions): void {
  on.event({ event: "message", label: "message.im" }, async ({ event, args, deps, teamId }) => {
    if (event.channel_type !== "im" || event.subtype !== undefined) return;
    if (event.bot_id || !event.user || event.user === args.context.botUserId) return;
    const dm = { workspaceId: teamId, channel: event.channel, ts: event.ts };
    if (await answerTypedDm(deps.db, dm, deps.now())) deps.kickOutbox();
  });
}
