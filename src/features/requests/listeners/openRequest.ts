import { z } from "zod";
import { requestForm } from "../requests.js";
import { requestModal } from "../views/modals.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { answering, buttonValue, teamOf, type ActionArgs } from "./context.js";
import { readMetadata } from "../views/form.js";
import { RequestNotFound } from "../../../domain/errors.js";

const cardValue = z.object({ mentorId: z.string().min(1), programId: z.string().min(1) });

/** A /findmentor card's "Request" button: open the request modal for that mentor. */
export function openRequest(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    await answering(deps, args, async () => {
      const target = readMetadata(cardValue, buttonValue(body));
      if (!target) throw new RequestNotFound(buttonValue(body));
      const form = await requestForm(deps.db, deps.directory(client), teamOf(body), body.user.id, target, deps.now());
      await client.views.open({ trigger_id: body.trigger_id, view: requestModal(form) });
    });
  };
}
