import type { ListenerRouter } from "../../slack/router.js";
import { FINDMENTOR_ACTIONS } from "./ids.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { findMentorMore } from "./listeners/more.js";

/** /findmentor's own buttons. The "Request" button (findmentor_request) is registered by the mentor-request feature. */
export function registerFindMentorListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(FINDMENTOR_ACTIONS.more, findMentorMore(deps));
}
