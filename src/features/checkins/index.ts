import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { CHECKIN_ACTIONS } from "./ids.js";
import { answerAction } from "./listeners/answer.js";
import { stayPauseLeaveAction } from "./listeners/stayPauseLeave.js";
import { directorAction } from "./listeners/director.js";

/** Check-ins: the pair's answers, "stay, pause or leave?", and the directors' escalation buttons. */
export function registerCheckinListeners(router: ListenerRouter, deps: ListenerDeps): void {
  const answer = answerAction(deps);
  for (const id of [CHECKIN_ACTIONS.met, CHECKIN_ACTIONS.scheduled, CHECKIN_ACTIONS.notYet, CHECKIN_ACTIONS.needHelp]) router.action(id, answer);
  const stay = stayPauseLeaveAction(deps);
  for (const id of [CHECKIN_ACTIONS.stay, CHECKIN_ACTIONS.pause, CHECKIN_ACTIONS.leave]) router.action(id, stay);
  const director = directorAction(deps);
  for (const id of [CHECKIN_ACTIONS.nudge, CHECKIN_ACTIONS.reassign, CHECKIN_ACTIONS.end]) router.action(id, director);
}
