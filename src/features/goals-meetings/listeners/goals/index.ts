import type { ListenerRouter } from "../../../../slack/router.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { GOAL_ACTIONS, GOAL_CALLBACKS } from "../../goalIds.js";
import { homeAction } from "../../../profiles/listeners/homeAction.js";
import { openGoals } from "./open.js";
import { addGoalAction } from "./addGoal.js";
import { goalMenuAction } from "./goalMenu.js";
import { noteAction } from "./note.js";
import { addGoalSubmit } from "./addSubmit.js";
import { parkSubmit } from "./parkSubmit.js";
import { noteSubmit } from "./noteSubmit.js";

/** Goals: the App Home button, the buttons and menus in the goals modal, and its stacked modals' submissions. */
export function registerGoalListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(GOAL_ACTIONS.open, homeAction(deps, openGoals));
  router.action(GOAL_ACTIONS.add, addGoalAction(deps));
  router.action(GOAL_ACTIONS.menu, goalMenuAction(deps));
  router.action(GOAL_ACTIONS.note, noteAction(deps));
  router.view(GOAL_CALLBACKS.add, addGoalSubmit(deps));
  router.view(GOAL_CALLBACKS.park, parkSubmit(deps));
  router.view(GOAL_CALLBACKS.note, noteSubmit(deps));
}
