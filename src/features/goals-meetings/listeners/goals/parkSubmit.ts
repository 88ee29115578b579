import { addGoal, changeGoal } from "../../goals.js";
import { readParkChoice } from "../../views/goals/form.js";
import { GOAL, GOAL_BLOCKS } from "../../ids.js";
import { parkChoiceModal } from "../../views/goals/goalsModal.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { afterGoalChange } from "./refresh.js";

/** "Park and continue": the chosen goal parked and the new (or reactivated) one made active, together. */
export function parkSubmit(on: Interactions): void {
  on.submit({ view: GOAL.parkSubmit, who: "anyone", errors: GOAL_BLOCKS.park, stale: "This form is out of date; close it and open your goals again.", label: "parking a goal" }, async (i) => {
    const pending = i.metadata;
    const park = readParkChoice(i.values);
    if (!park.ok) return { errors: park.errors };
    const outcome =
      pending.action === "add" ? await addGoal(i.ctx, i.userId, pending.text, park.value) : await changeGoal(i.ctx, i.userId, pending.goalId, "activate", park.value);
    // The active goals changed meanwhile (another window): ask again with the current ones.
    if (outcome.kind === "choose-park") return { update: parkChoiceModal(outcome.active, pending) };
    const listId = i.args.body.view.previous_view_id;
    i.afterwards(() => afterGoalChange(i, listId));
  });
}
