import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { REQUEST_ACTIONS, REQUEST_CALLBACKS } from "./ids.js";
import { openRequest } from "./listeners/openRequest.js";
import { acceptAction } from "./listeners/accept.js";
import { openDecline } from "./listeners/openDecline.js";
import { withdrawAction } from "./listeners/withdraw.js";
import { cadenceAction } from "./listeners/cadence.js";
import { openEnd } from "./listeners/openEnd.js";
import { requestSubmit } from "./listeners/requestSubmit.js";
import { declineSubmit } from "./listeners/declineSubmit.js";
import { endSubmit } from "./listeners/endSubmit.js";

/** Mentor requests and matches: request → accept/decline/withdraw → introduction, cadence, end. */
export function registerRequestListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(REQUEST_ACTIONS.request, openRequest(deps));
  router.action(REQUEST_ACTIONS.accept, acceptAction(deps));
  router.action(REQUEST_ACTIONS.decline, openDecline(deps));
  router.action(new RegExp(`^${REQUEST_ACTIONS.withdraw}($|_home_)`), withdrawAction(deps));
  router.action(new RegExp(`^${REQUEST_ACTIONS.cadence}_`), cadenceAction(deps));
  router.action(REQUEST_ACTIONS.end, openEnd(deps));
  router.view(REQUEST_CALLBACKS.request, requestSubmit(deps));
  router.view(REQUEST_CALLBACKS.decline, declineSubmit(deps));
  router.view(REQUEST_CALLBACKS.end, endSubmit(deps));
}
