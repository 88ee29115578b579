import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { infoModal } from "../../../slack/kit/message.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { Asker } from "./context.js";

/** A button (e.g. on the App Home) that runs one of the entry points in open.ts; replies open as a small modal. */
export function homeAction(deps: ListenerDeps, run: (a: Asker) => Promise<void>) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    await run({
      deps,
      client,
      teamId,
      userId: body.user.id,
      triggerId: body.trigger_id,
      reply: async (m) => {
        await client.views.open({ trigger_id: body.trigger_id, view: infoModal("Rounds", m) });
      },
    });
  };
}
