import { addGoalModal } from "../../views/goals/goalsModal.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { stackedModal } from "../../../../slack/interaction/surfaces.js";
import { GOAL } from "../../ids.js";

/** "Add a goal" in the goals modal: the add modal, stacked on it. */
export function addGoalButton(on: Interactions): void {
  on.button({ action: GOAL.add, who: "anyone", when: "inline", errors: stackedModal("Goals"), label: "goals action" }, async (i) => {
    await i.client.views.push({ trigger_id: i.args.body.trigger_id, view: addGoalModal() });
  });
}
