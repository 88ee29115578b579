/** Action ids of the dashboard's buttons (App Home, director view). A button's value is a match or program id. */
export const DASHBOARD_ACTIONS = {
  nudge: "dashboard_nudge_pair",
  end: "dashboard_end_pair",
  chart: "dashboard_chart",
  report: "dashboard_report",
} as const;
