import { changeGoal } from "../../goals.js";
import { parkChoiceModal } from "../../views/goals/goalsModal.js";
import { GoalNotFound } from "../../../../domain/errors.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { stackedModal } from "../../../../slack/interaction/surfaces.js";
import { GOAL } from "../../ids.js";
import { afterGoalChange } from "./refresh.js";
import { showNoteModal } from "./note.js";

/** A goal's menu (or a done goal's button): progress note, done, park, or make active (asking which to park when two are active). */
export function goalMenu(on: Interactions): void {
  on.button({ action: GOAL.menu, who: "anyone", when: "inline", errors: stackedModal("Goals"), label: "goals action", invalid: () => new GoalNotFound("") }, async (i) => {
    const { change, goalId } = i.value;
    if (change === "note") return showNoteModal(i, goalId);
    const outcome = await changeGoal(i.ctx, i.userId, goalId, change, null);
    if (outcome.kind === "choose-park") {
      return void (await i.client.views.push({ trigger_id: i.args.body.trigger_id, view: parkChoiceModal(outcome.active, { action: "activate", goalId }) }));
    }
    await afterGoalChange(i, i.args.body.view?.id);
  });
}
