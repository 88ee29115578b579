import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { GOAL_ACTIONS, GOAL_CALLBACKS } from "../../../views/goals/ids.js";
import { homeAction } from "../profile/homeAction.js";
import { openGoals } from "./open.js";
import { addGoalAction } from "./addGoal.js";
import { goalMenuAction } from "./goalMenu.js";
import { noteAction } from "./note.js";
import { trackGoalAction } from "./track.js";
import { addGoalSubmit } from "../../views/goals/addSubmit.js";
import { parkSubmit } from "../../views/goals/parkSubmit.js";
import { noteSubmit } from "../../views/goals/noteSubmit.js";

/** Goals: the App Home button, the buttons and menus in the goals modal, and its stacked modals' submissions. */
export function registerGoalListeners(app: App, deps: ListenerDeps): void {
  app.action(GOAL_ACTIONS.open, homeAction(deps, openGoals));
  app.action(GOAL_ACTIONS.add, addGoalAction(deps));
  app.action(GOAL_ACTIONS.menu, goalMenuAction(deps));
  app.action(GOAL_ACTIONS.note, noteAction(deps));
  app.action(GOAL_ACTIONS.track, trackGoalAction(deps));
  app.view(GOAL_CALLBACKS.add, addGoalSubmit(deps));
  app.view(GOAL_CALLBACKS.park, parkSubmit(deps));
  app.view(GOAL_CALLBACKS.note, noteSubmit(deps));
}
