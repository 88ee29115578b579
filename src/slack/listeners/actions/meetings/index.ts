import type { ListenerRouter } from "../../router.js";
import type { ListenerDeps } from "../../deps.js";
import { MEETING_ACTIONS, MEETING_CALLBACKS } from "../../../views/meetings/ids.js";
import { logMeetingAction, setAgendaAction } from "./homeButtons.js";
import { pickSubmit } from "../../views/meetings/pickSubmit.js";
import { logSubmit } from "../../views/meetings/logSubmit.js";
import { agendaSubmit } from "../../views/meetings/agendaSubmit.js";
import { registerGoalListeners } from "../goals/index.js";

/** Meetings, agendas and goals: App Home and DM buttons, and the modals' submissions. */
export function registerGoalMeetingListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(MEETING_ACTIONS.log, logMeetingAction(deps));
  router.action(MEETING_ACTIONS.setAgenda, setAgendaAction(deps));
  router.view(MEETING_CALLBACKS.pick, pickSubmit(deps));
  router.view(MEETING_CALLBACKS.log, logSubmit(deps));
  router.view(MEETING_CALLBACKS.agenda, agendaSubmit(deps));
  registerGoalListeners(router, deps);
}
