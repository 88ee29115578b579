import type { ListenerRouter } from "../../router.js";
import { FINDMENTOR_ACTIONS } from "../../../views/findmentor/ids.js";
import type { ListenerDeps } from "../../deps.js";
import { findMentorMore } from "./more.js";

/** /findmentor's own buttons. The "Request" button (findmentor_request) is registered by the mentor-request feature. */
export function registerFindMentorListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(FINDMENTOR_ACTIONS.more, findMentorMore(deps));
}
