/**
 * Check-ins: the periodic "did you meet?" DM a pair answers with one click (Met opens the meeting
 * log), "stay, pause or leave?" after silence, and the escalation a director acts on (nudge both,
 * reassign, end). The check-ins job decides what is due (checkins.ts); these are the answers.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { answerCheckins } from "./listeners/answer.js";
import { stayPauseLeave } from "./listeners/stayPauseLeave.js";
import { escalationButtons } from "./listeners/director.js";

export function registerCheckinListeners(on: Interactions): void {
  answerCheckins(on);
  stayPauseLeave(on);
  escalationButtons(on);
}
