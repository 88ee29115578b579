import { refreshHome } from "../refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** The person opened Rounds' Home tab: publish it fresh. */
export function appHomeOpened(on: Interactions): void {
  on.event({ event: "app_home_opened", accepts: (event) => event.tab === "home" }, async (i) => {
    await refreshHome(i.deps, i.client, i.teamId, i.event.user);
  });
}
