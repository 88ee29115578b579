import { action, idValue, idsOf } from "../../slack/interaction/ids.js";

/** The dashboard's buttons (App Home, director view), each with the codec of its value. */
export const DASHBOARD = {
  /** On a pair at risk; value = match id. */
  nudge: action("dashboard_nudge_pair", idValue),
  end: action("dashboard_end_pair", idValue),
  /** On a program; value = program id. */
  chart: action("dashboard_chart", idValue),
  report: action("dashboard_report", idValue),
} as const;

/** Action ids of the dashboard's buttons. */
export const DASHBOARD_ACTIONS = idsOf(DASHBOARD);
