import { rankForm } from "../roundRankings.js";
import { rankModal } from "../views/rankModal.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { answering, buttonValue, teamOf, type ActionArgs } from "../../requests/listeners/context.js";

/** "Rank mentors" / "Rank trainees": the rank modal with what this person may rank now. */
export function openRank(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    await answering(deps, args, async () => {
      const form = await rankForm(deps.db, deps.directory(client), teamOf(body), body.user.id, buttonValue(body), deps.now());
      await client.views.open({ trigger_id: body.trigger_id, view: rankModal(form) });
    });
  };
}
