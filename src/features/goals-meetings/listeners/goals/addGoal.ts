import { addGoalModal } from "../../views/goals/goalsModal.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { inGoals, type ActionArgs } from "./context.js";

/** "Add a goal" in the goals modal: the add modal, stacked on it. */
export function addGoalAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    await inGoals(deps, args, async () => void (await args.client.views.push({ trigger_id: args.body.trigger_id, view: addGoalModal() })));
  };
}
