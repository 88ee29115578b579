import { visibleGoal } from "../../goals.js";
import { progressModal } from "../../views/goals/goalsModal.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { buttonValue, inGoals, teamOf, type ActionArgs } from "./context.js";

/** The progress-note modal for a goal the person may note (their own, or a mentee's), stacked on the goals modal. */
export async function showNoteModal(deps: ListenerDeps, args: ActionArgs, goalId: string): Promise<void> {
  const { body, client } = args;
  const { goal, own, ownerSlackUserId } = await visibleGoal(deps.db, deps.directory(client), teamOf(body), body.user.id, goalId, deps.now());
  const view = progressModal(goal, ownerSlackUserId, own);
  if (body.view?.type === "modal") await client.views.push({ trigger_id: body.trigger_id, view });
  else await client.views.open({ trigger_id: body.trigger_id, view });
}

/** A mentor's "Add progress note" on a mentee's goal (value = goal id). */
export function noteAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    await inGoals(deps, args, () => showNoteModal(deps, args, buttonValue(args.body)));
  };
}
