import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { DASHBOARD } from "../ids.js";
import { sendChart, sendReports } from "./deliver.js";

/** "Chart" (the program's meetings and check-in chart, as a PNG) and "Reports (CSV)" (its five CSV reports), in the director's DM. */
export function fileButtons(on: Interactions): void {
  const spec = { who: "director", when: "queued", errors: whereClicked } as const;
  on.button({ action: DASHBOARD.chart, ...spec, label: "dashboard chart" }, async (i) => {
    const said = await sendChart(i, i.by, i.value);
    if (i.args.body.response_url) await i.tell(said); // from the Home, the upload in the DM says it all
  });
  on.button({ action: DASHBOARD.report, ...spec, label: "dashboard report" }, async (i) => {
    const said = await sendReports(i, i.by, i.value);
    if (i.args.body.response_url) await i.tell(said);
  });
}
