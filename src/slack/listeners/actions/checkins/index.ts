import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { CHECKIN_ACTIONS } from "../../../views/checkins/ids.js";
import { answerAction } from "./answer.js";
import { stayPauseLeaveAction } from "./stayPauseLeave.js";
import { directorAction } from "./director.js";

/** Check-ins: the pair's answers, "stay, pause or leave?", and the directors' escalation buttons. */
export function registerCheckinListeners(app: App, deps: ListenerDeps): void {
  const answer = answerAction(deps);
  for (const id of [CHECKIN_ACTIONS.met, CHECKIN_ACTIONS.scheduled, CHECKIN_ACTIONS.notYet, CHECKIN_ACTIONS.needHelp]) app.action(id, answer);
  const stay = stayPauseLeaveAction(deps);
  for (const id of [CHECKIN_ACTIONS.stay, CHECKIN_ACTIONS.pause, CHECKIN_ACTIONS.leave]) app.action(id, stay);
  const director = directorAction(deps);
  for (const id of [CHECKIN_ACTIONS.nudge, CHECKIN_ACTIONS.reassign, CHECKIN_ACTIONS.end]) app.action(id, director);
}
