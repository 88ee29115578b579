import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { ROUND_ACTIONS, ROUND_CALLBACKS } from "../../../views/rounds/ids.js";
import { cancelRoundClicked, openCreateRound, showRounds } from "./admin.js";
import { noticeAnswer } from "./notice.js";
import { openRank } from "./rank.js";
import { createRoundSubmitted } from "../../views/rounds/create.js";
import { rankSubmitted } from "../../views/rounds/rank.js";

/** Pairing rounds: set-up and list (directors), the day-before notice's answers, stable-round rank lists. */
export function registerRoundListeners(app: App, deps: ListenerDeps): void {
  // "New round" and "Rounds" live in the /mentoring-admin menu and (with a _home suffix) on the director's App Home.
  app.action(new RegExp(`^${ROUND_ACTIONS.create}(_home)?$`), openCreateRound(deps));
  app.action(new RegExp(`^${ROUND_ACTIONS.list}(_home)?$`), showRounds(deps));
  app.action(ROUND_ACTIONS.cancel, cancelRoundClicked(deps));
  app.action(ROUND_ACTIONS.skip, noticeAnswer(deps, "skip"));
  app.action(ROUND_ACTIONS.unskip, noticeAnswer(deps, "unskip"));
  app.action(ROUND_ACTIONS.pause, noticeAnswer(deps, "pause"));
  app.action(ROUND_ACTIONS.rank, openRank(deps));
  app.view(ROUND_CALLBACKS.create, createRoundSubmitted(deps));
  app.view(ROUND_CALLBACKS.rank, rankSubmitted(deps));
}
