import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerTypedDm } from "../dmHelp.js";
import type { ListenerDeps } from "../../../slack/deps.js";

/**
 * A person typed a message to Rounds in its Messages tab (message.im): they get a short answer on
 * what Rounds does and its three commands. Edits, deletions and other subtypes, messages from bots
 * (Rounds' own included) and anything outside a DM are left alone.
 */
export function directMessage(deps: ListenerDeps) {
  return async ({ event, context, body }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    if (event.channel_type !== "im" || event.subtype !== undefined) return;
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    const workspaceId = (body as { team_id?: string }).team_id ?? context.teamId ?? "";
    const dm = { workspaceId, channel: event.channel, ts: event.ts };
    deps.work.run("message.im", async () => {
      if (await answerTypedDm(deps.db, dm, deps.now())) deps.kickOutbox();
    });
  };
}
