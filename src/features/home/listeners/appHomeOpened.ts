import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { refreshHome } from "../refreshHome.js";
import type { ListenerDeps } from "../../../slack/deps.js";

export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    deps.work.run("app_home_opened", () => refreshHome(deps, client, body.team_id, event.user));
  };
}
