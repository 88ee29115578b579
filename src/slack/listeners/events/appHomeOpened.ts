import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { memberStanding } from "../../../services/members.js";
import { homeView } from "../../views/home.js";
import type { ListenerDeps } from "../deps.js";

export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    const standing = await memberStanding(deps.db, deps.directory(client), body.team_id, event.user, deps.now());
    await client.views.publish({ user_id: event.user, view: homeView(standing) });
  };
}
