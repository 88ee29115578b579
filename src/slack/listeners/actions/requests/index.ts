import type { ListenerRouter } from "../../router.js";
import type { ListenerDeps } from "../../deps.js";
import { REQUEST_ACTIONS, REQUEST_CALLBACKS } from "../../../views/requests/ids.js";
import { openRequest } from "./openRequest.js";
import { acceptAction } from "./accept.js";
import { openDecline } from "./openDecline.js";
import { withdrawAction } from "./withdraw.js";
import { cadenceAction } from "./cadence.js";
import { openEnd } from "./openEnd.js";
import { requestSubmit } from "../../views/requests/requestSubmit.js";
import { declineSubmit } from "../../views/requests/declineSubmit.js";
import { endSubmit } from "../../views/requests/endSubmit.js";

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
