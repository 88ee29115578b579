import { addGoal } from "../../../../services/goals.js";
import { parkChoiceModal } from "../../../views/goals/goalsModal.js";
import { readTrackedText } from "../../../views/goals/form.js";
import { GoalNotFound } from "../../../../domain/errors.js";
import type { ListenerDeps } from "../../deps.js";
import { afterGoalChange, buttonValue, inGoals, teamOf, type ActionArgs } from "./context.js";

/** "Track this goal" next to a profile goal: added as an active goal (asking which to park when two are active). */
export function trackGoalAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    await inGoals(deps, args, async () => {
      const text = readTrackedText(buttonValue(body));
      if (!text) throw new GoalNotFound("");
      const outcome = await addGoal(deps.db, deps.directory(client), teamOf(body), body.user.id, text, null, deps.now());
      if (outcome.kind === "choose-park") {
        return void (await client.views.push({ trigger_id: body.trigger_id, view: parkChoiceModal(outcome.active, { action: "add", text }) }));
      }
      await afterGoalChange(deps, args);
    });
  };
}
