/**
 * Installations (distributed mode): Rounds installed with OAuth in many workspaces and Enterprise Grid
 * orgs. When a tenant uninstalls Rounds or revokes its token, everything stops for that tenant at once
 * while the others carry on; its data is kept for a retention period (a re-install resumes it), then
 * purged by the purge-uninstalled job, which says what it removed.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { uninstallEvents } from "./listeners/uninstall.js";

export function registerInstallationListeners(on: Interactions): void {
  uninstallEvents(on);
}
