import { visibleGoal } from "../../goals.js";
import { progressModal } from "../../views/goals/goalsModal.js";
import { GoalNotFound } from "../../../../domain/errors.js";
import type { ButtonInteraction, Interactions } from "../../../../slack/interaction/pipeline.js";
import { stackedModal } from "../../../../slack/interaction/surfaces.js";
import { GOAL } from "../../ids.js";

/** The progress-note modal for a goal the person may note (their own, or a mentee's), stacked on the goals modal. */
export async function showNoteModal(i: ButtonInteraction<unknown, "anyone">, goalId: string): Promise<void> {
  const { body } = i.args;
  const { goal, own, ownerSlackUserId } = await visibleGoal(i.ctx, i.userId, goalId);
  const view = progressModal(goal, ownerSlackUserId, own);
  if (body.view?.type === "modal") await i.client.views.push({ trigger_id: body.trigger_id, view });
  else await i.client.views.open({ trigger_id: body.trigger_id, view });
}

/** A mentor's "Add progress note" on a mentee's goal (value = goal id). */
export function noteButton(on: Interactions): void {
  on.button(
    { action: GOAL.note, who: "anyone", when: "inline", errors: stackedModal("Goals"), label: "goals action", invalid: (raw) => new GoalNotFound(raw) },
    (i) => showNoteModal(i, i.value),
  );
}
