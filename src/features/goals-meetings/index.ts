import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { MEETING_ACTIONS, MEETING_CALLBACKS } from "./meetingIds.js";
import { logMeetingAction, setAgendaAction } from "./listeners/meetings/homeButtons.js";
import { pickSubmit } from "./listeners/meetings/pickSubmit.js";
import { logSubmit } from "./listeners/meetings/logSubmit.js";
import { agendaSubmit } from "./listeners/meetings/agendaSubmit.js";
import { registerGoalListeners } from "./listeners/goals/index.js";

/** Meetings, agendas and goals: App Home and DM buttons, and the modals' submissions. */
export function registerGoalMeetingListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(MEETING_ACTIONS.log, logMeetingAction(deps));
  router.action(MEETING_ACTIONS.setAgenda, setAgendaAction(deps));
  router.view(MEETING_CALLBACKS.pick, pickSubmit(deps));
  router.view(MEETING_CALLBACKS.log, logSubmit(deps));
  router.view(MEETING_CALLBACKS.agenda, agendaSubmit(deps));
  registerGoalListeners(router, deps);
}
