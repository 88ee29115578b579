import { changeGoal } from "../../goals.js";
import { parkChoiceModal } from "../../views/goals/goalsModal.js";
import { readMenuChoice } from "../../views/goals/form.js";
import { GoalNotFound } from "../../../../domain/errors.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { afterGoalChange, buttonValue, inGoals, teamOf, type ActionArgs } from "./context.js";
import { showNoteModal } from "./note.js";

/** A goal's menu (or a done goal's button): progress note, done, park, or make active (asking which to park when two are active). */
export function goalMenuAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client } = args;
    await inGoals(deps, args, async () => {
      const choice = readMenuChoice(buttonValue(body));
      if (!choice) throw new GoalNotFound("");
      if (choice.change === "note") return showNoteModal(deps, args, choice.goalId);
      const outcome = await changeGoal(deps.db, deps.directory(client), teamOf(body), body.user.id, choice.goalId, choice.change, null, deps.now());
      if (outcome.kind === "choose-park") {
        return void (await client.views.push({ trigger_id: body.trigger_id, view: parkChoiceModal(outcome.active, { action: "activate", goalId: choice.goalId }) }));
      }
      await afterGoalChange(deps, args);
    });
  };
}
