import type { App } from "@slack/bolt";
import { FINDMENTOR_ACTIONS } from "../../../views/findmentor/ids.js";
import type { ListenerDeps } from "../../deps.js";
import { findMentorMore } from "./more.js";

/** /findmentor's own buttons. The "Request" button (findmentor_request) is registered by the mentor-request feature. */
export function registerFindMentorListeners(app: App, deps: ListenerDeps): void {
  app.action({ type: "block_actions", action_id: FINDMENTOR_ACTIONS.more }, findMentorMore(deps));
}
