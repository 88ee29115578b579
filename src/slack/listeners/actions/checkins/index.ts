import type { ListenerRouter } from "../../router.js";
import type { ListenerDeps } from "../../deps.js";
import { CHECKIN_ACTIONS } from "../../../views/checkins/ids.js";
import { answerAction } from "./answer.js";
import { stayPauseLeaveAction } from "./stayPauseLeave.js";
import { directorAction } from "./director.js";

/** Check-ins: the pair's answers, "stay, pause or leave?", and the directors' escalation buttons. */
export function registerCheckinListeners(router: ListenerRouter, deps: ListenerDeps): void {
  const answer = answerAction(deps);
  for (const id of [CHECKIN_ACTIONS.met, CHECKIN_ACTIONS.scheduled, CHECKIN_ACTIONS.notYet, CHECKIN_ACTIONS.needHelp]) router.action(id, answer);
  const stay = stayPauseLeaveAction(deps);
  for (const id of [CHECKIN_ACTIONS.stay, CHECKIN_ACTIONS.pause, CHECKIN_ACTIONS.leave]) router.action(id, stay);
  const director = directorAction(deps);
  for (const id of [CHECKIN_ACTIONS.nudge, CHECKIN_ACTIONS.reassign, CHECKIN_ACTIONS.end]) router.action(id, director);
}
