import type { ListenerDeps } from "../../../slack/deps.js";
import { tell } from "../../programs/listeners/guard.js";
import { dashboardButton } from "./guard.js";
import { sendChart, sendReports } from "./deliver.js";

/** "Chart": the program's meetings and check-in chart, as a PNG in the director's DM. */
export const chartClicked = (deps: ListenerDeps) =>
  dashboardButton(deps, "dashboard chart", async (by, args, programId) => {
    const said = await sendChart(deps, args.client, by, programId);
    if (args.body.response_url) await tell(args, said); // from the Home, the upload in the DM says it all
  });

/** "Reports (CSV)": the program's five CSV reports in the director's DM. */
export const reportClicked = (deps: ListenerDeps) =>
  dashboardButton(deps, "dashboard report", async (by, args, programId) => {
    const said = await sendReports(deps, args.client, by, programId);
    if (args.body.response_url) await tell(args, said);
  });
