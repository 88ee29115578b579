import { declineModal } from "../views/modals.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { answering, buttonValue, messageRef, type ActionArgs } from "./context.js";

/** The mentor's Decline button: a modal for an optional private reason (remembers the DM to update). */
export function openDecline(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    await answering(deps, args, async () => {
      const metadata = JSON.stringify({ requestId: buttonValue(body), message: messageRef(body) });
      await client.views.open({ trigger_id: body.trigger_id, view: declineModal(metadata) });
    });
  };
}
