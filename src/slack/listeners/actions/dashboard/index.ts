import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { DASHBOARD_ACTIONS } from "../../../views/dashboard/ids.js";
import { nudgeClicked } from "./nudge.js";
import { endPairClicked } from "./endPair.js";
import { chartClicked, reportClicked } from "./files.js";

/** The director dashboard's buttons on the App Home (the commands are in commands/mentoringAdmin.ts). */
export function registerDashboardListeners(app: App, deps: ListenerDeps): void {
  app.action(DASHBOARD_ACTIONS.nudge, nudgeClicked(deps));
  app.action(DASHBOARD_ACTIONS.end, endPairClicked(deps));
  app.action(DASHBOARD_ACTIONS.chart, chartClicked(deps));
  app.action(DASHBOARD_ACTIONS.report, reportClicked(deps));
}
