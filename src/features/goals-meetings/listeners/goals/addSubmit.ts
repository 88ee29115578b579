import { addGoal } from "../../goals.js";
import { readGoalText } from "../../views/goals/form.js";
import { GOAL, GOAL_BLOCKS } from "../../ids.js";
import { parkChoiceModal } from "../../views/goals/goalsModal.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { afterGoalChange } from "./refresh.js";

/** "Add" in the add-goal modal: added (back to the list), or — two active already — asked which to park. */
export function addGoalSubmit(on: Interactions): void {
  on.submit({ view: GOAL.addSubmit, who: "anyone", errors: GOAL_BLOCKS.text, label: "adding a goal" }, async (i) => {
    const text = readGoalText(i.values);
    if (!text.ok) return { errors: text.errors };
    const outcome = await addGoal(i.ctx, i.userId, text.value, null);
    if (outcome.kind === "choose-park") return { update: parkChoiceModal(outcome.active, { action: "add", text: text.value }) };
    const listId = i.args.body.view.previous_view_id;
    i.afterwards(() => afterGoalChange(i, listId));
  });
}
