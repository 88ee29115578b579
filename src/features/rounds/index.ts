import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { ROUND_ACTIONS, ROUND_CALLBACKS } from "./ids.js";
import { cancelRoundClicked, openCreateRound, showRounds } from "./listeners/admin.js";
import { noticeAnswer } from "./listeners/notice.js";
import { openRank } from "./listeners/rank.js";
import { createRoundSubmitted } from "./listeners/createSubmit.js";
import { rankSubmitted } from "./listeners/rankSubmit.js";

/** Pairing rounds: set-up and list (directors), the day-before notice's answers, stable-round rank lists. */
export function registerRoundListeners(router: ListenerRouter, deps: ListenerDeps): void {
  // "New round" and "Rounds" live in the /mentoring-admin menu and (with a _home suffix) on the director's App Home.
  router.action(new RegExp(`^${ROUND_ACTIONS.create}(_home)?$`), openCreateRound(deps));
  router.action(new RegExp(`^${ROUND_ACTIONS.list}(_home)?$`), showRounds(deps));
  router.action(ROUND_ACTIONS.cancel, cancelRoundClicked(deps));
  router.action(ROUND_ACTIONS.skip, noticeAnswer(deps, "skip"));
  router.action(ROUND_ACTIONS.unskip, noticeAnswer(deps, "unskip"));
  router.action(ROUND_ACTIONS.pause, noticeAnswer(deps, "pause"));
  router.action(ROUND_ACTIONS.resume, noticeAnswer(deps, "resume"));
  router.action(ROUND_ACTIONS.rank, openRank(deps));
  router.view(ROUND_CALLBACKS.create, createRoundSubmitted(deps));
  router.view(ROUND_CALLBACKS.rank, rankSubmitted(deps));
}
