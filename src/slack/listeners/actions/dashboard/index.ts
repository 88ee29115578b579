import type { ListenerRouter } from "../../router.js";
import type { ListenerDeps } from "../../deps.js";
import { DASHBOARD_ACTIONS } from "../../../views/dashboard/ids.js";
import { nudgeClicked } from "./nudge.js";
import { endPairClicked } from "./endPair.js";
import { chartClicked, reportClicked } from "./files.js";

/** The director dashboard's buttons on the App Home (the commands are in commands/mentoringAdmin.ts). */
export function registerDashboardListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(DASHBOARD_ACTIONS.nudge, nudgeClicked(deps));
  router.action(DASHBOARD_ACTIONS.end, endPairClicked(deps));
  router.action(DASHBOARD_ACTIONS.chart, chartClicked(deps));
  router.action(DASHBOARD_ACTIONS.report, reportClicked(deps));
}
