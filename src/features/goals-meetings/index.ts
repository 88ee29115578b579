/**
 * Goals and meetings, for a trainee and their mentors: one or two goals at a time with progress
 * notes (the goals modal and its stacked add, park and note modals), the agenda for the next
 * meeting, and the meeting log — from the App Home, a check-in answered Met, `/mentoring goals`
 * and `/mentoring log`. The agenda-prompt job (agendaPrompts.ts) asks for an agenda before a meeting.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { logMeetingButton } from "./listeners/meetings/openMeetingModal.js";
import { agendaSubmit, setAgendaButton } from "./listeners/meetings/agenda.js";
import { pickSubmit } from "./listeners/meetings/pickSubmit.js";
import { logSubmit } from "./listeners/meetings/logSubmit.js";
import { registerGoalListeners } from "./listeners/goals/index.js";

export function registerGoalMeetingListeners(on: Interactions): void {
  logMeetingButton(on);
  setAgendaButton(on);
  pickSubmit(on);
  logSubmit(on);
  agendaSubmit(on);
  registerGoalListeners(on);
}
