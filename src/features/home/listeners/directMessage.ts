import { answerTypedDm } from "../dmHelp.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/**
 * A person typed a message to Rounds in its Messages tab (message.im): they get a short answer on
 * what Rounds does and its three commands. Edits, deletions and other subtypes, messages from bots
 * (Rounds' own included) and anything outside a DM are left alone.
 */
export function directMessage(on: Interactions): void {
  on.event({ event: "message", label: "message.im", accepts: typedByAPerson }, async ({ event, deps, teamId }) => {
    const dm = { workspaceId: teamId, channel: event.channel, ts: event.ts };
    if (await answerTypedDm(deps.db, dm, deps.now())) deps.kickOutbox();
  });
}

/** A new message in Rounds' DM, typed by a person: not an edit or deletion, not from a bot. */
function typedByAPerson(event: { channel_type?: string; subtype?: string; bot_id?: string; user?: string }, args: { context: { botUserId?: string } }): boolean {
  return event.channel_type === "im" && event.subtype === undefined && !event.bot_id && !!event.user && event.user !== args.context.botUserId;
}
