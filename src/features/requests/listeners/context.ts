import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { reportFailure } from "../../../slack/failureReport.js";
import { infoModal } from "../../../slack/kit/message.js";
import { note } from "../views/messages.js";
import type { ListenerDeps } from "../../../slack/deps.js";

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export const teamOf = (body: BlockAction): string => body.team?.id ?? body.user.team_id ?? "";

/** The clicked button's value ("" when none). */
export function buttonValue(body: BlockAction): string {
  const action = body.actions[0];
  return action && "value" in action && typeof action.value === "string" ? action.value : "";
}

/** Where the clicked message lives, to update it in place (null from the App Home). */
export function messageRef(body: BlockAction): { channel: string; ts: string } | null {
  const channel = body.channel?.id;
  const ts = body.message?.ts;
  return channel && ts ? { channel, ts } : null;
}

/** Runs an action's work; a failure is told to the clicker (in the conversation, or as a small modal from the Home tab). */
export async function answering(deps: ListenerDeps, args: ActionArgs, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await reportFailure(deps.logger, error, { team: teamOf(args.body), user: args.body.user.id, action: args.body.actions[0]?.action_id }, "request action", async (text) => {
      if (args.body.response_url) await args.respond({ response_type: "ephemeral", replace_original: false, ...note(text) });
      else await args.client.views.open({ trigger_id: args.body.trigger_id, view: infoModal("Rounds", note(text)) });
    });
  }
}
