import { refreshHome } from "../refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** The person opened Rounds' Home tab: publish it fresh. */
export function appHomeOpened(on: Interactions): void {
  on.event({ event: "app_home_opened" }, async (i) => {
    if (i.event.tab !== "home") return;
    await refreshHome(i.deps, i.client, i.teamId, i.event.user);
  });
}
