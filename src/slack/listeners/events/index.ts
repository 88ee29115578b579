import type { ListenerRouter } from "../router.js";
import type { ListenerDeps } from "../deps.js";
import { appHomeOpened } from "./appHomeOpened.js";
import { directMessage } from "./directMessage.js";

export function registerEvents(router: ListenerRouter, deps: ListenerDeps): void {
  router.event("app_home_opened", appHomeOpened(deps));
  router.event("message", directMessage(deps));
}
