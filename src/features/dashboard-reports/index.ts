/**
 * The director's dashboard and reports: on a director's App Home, the pairs at risk with Nudge both
 * and End match, and per program a chart and the CSV reports sent to their DM; `/mentoring-admin
 * chart` and `report` do the same from the command (listeners/command.ts, called by the admin
 * command). Only directors of the workspace get any of it.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { nudgeButton } from "./listeners/nudge.js";
import { endPairButton } from "./listeners/endPair.js";
import { fileButtons } from "./listeners/files.js";

export function registerDashboardListeners(on: Interactions): void {
  nudgeButton(on);
  endPairButton(on);
  fileButtons(on);
}
