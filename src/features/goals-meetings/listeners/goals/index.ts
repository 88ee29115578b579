import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { goalsButton } from "./open.js";
import { addGoalButton } from "./addGoal.js";
import { goalMenu } from "./goalMenu.js";
import { noteButton } from "./note.js";
import { addGoalSubmit } from "./addSubmit.js";
import { parkSubmit } from "./parkSubmit.js";
import { noteSubmit } from "./noteSubmit.js";

/** Goals: the App Home button, the buttons and menus in the goals modal, and its stacked modals' submissions. */
export function registerGoalListeners(on: Interactions): void {
  goalsButton(on);
  addGoalButton(on);
  goalMenu(on);
  noteButton(on);
  addGoalSubmit(on);
  parkSubmit(on);
  noteSubmit(on);
}
