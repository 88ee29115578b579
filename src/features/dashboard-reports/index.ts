import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { DASHBOARD_ACTIONS } from "./ids.js";
import { nudgeClicked } from "./listeners/nudge.js";
import { endPairClicked } from "./listeners/endPair.js";
import { chartClicked, reportClicked } from "./listeners/files.js";

/** The director dashboard's buttons on the App Home (the commands are in commands/mentoringAdmin.ts). */
export function registerDashboardListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(DASHBOARD_ACTIONS.nudge, nudgeClicked(deps));
  router.action(DASHBOARD_ACTIONS.end, endPairClicked(deps));
  router.action(DASHBOARD_ACTIONS.chart, chartClicked(deps));
  router.action(DASHBOARD_ACTIONS.report, reportClicked(deps));
}
