import { matchOfPair } from "../matches.js";
import { MatchAlreadyEnded } from "../../../domain/errors.js";
import { endModal } from "../views/modals.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { answering, buttonValue, teamOf, type ActionArgs } from "./context.js";

/** "End mentorship": a modal for optional private feedback to the director. */
export function openEnd(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    await answering(deps, args, async () => {
      const match = await matchOfPair(deps.db, teamOf(body), body.user.id, buttonValue(body));
      if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(match.id);
      await client.views.open({ trigger_id: body.trigger_id, view: endModal(match.id) });
    });
  };
}
