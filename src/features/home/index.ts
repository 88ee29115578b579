import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { appHomeOpened } from "./listeners/appHomeOpened.js";
import { directMessage } from "./listeners/directMessage.js";

export function registerEvents(router: ListenerRouter, deps: ListenerDeps): void {
  router.event("app_home_opened", appHomeOpened(deps));
  router.event("message", directMessage(deps));
}
