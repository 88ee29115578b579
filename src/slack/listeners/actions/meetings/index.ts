import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { MEETING_ACTIONS, MEETING_CALLBACKS } from "../../../views/meetings/ids.js";
import { logMeetingAction, setAgendaAction } from "./homeButtons.js";
import { pickSubmit } from "../../views/meetings/pickSubmit.js";
import { logSubmit } from "../../views/meetings/logSubmit.js";
import { agendaSubmit } from "../../views/meetings/agendaSubmit.js";
import { registerGoalListeners } from "../goals/index.js";

/** Meetings, agendas and goals: App Home and DM buttons, and the modals' submissions. */
export function registerGoalMeetingListeners(app: App, deps: ListenerDeps): void {
  app.action(MEETING_ACTIONS.log, logMeetingAction(deps));
  app.action(MEETING_ACTIONS.setAgenda, setAgendaAction(deps));
  app.view(MEETING_CALLBACKS.pick, pickSubmit(deps));
  app.view(MEETING_CALLBACKS.log, logSubmit(deps));
  app.view(MEETING_CALLBACKS.agenda, agendaSubmit(deps));
  registerGoalListeners(app, deps);
}
