import type { ListenerRouter } from "../../../../slack/router.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { PREVIEW_ACTIONS, PREVIEW_CALLBACKS } from "../../previewIds.js";
import { openEdit } from "./openEdit.js";
import { rerunAction } from "./rerun.js";
import { approveAction } from "./approve.js";
import { discardAction } from "./discard.js";
import { editSubmit } from "./editSubmit.js";

/** A pairing round's preview: Swap / Drop (modals), Re-run, Approve, Discard — directors only. */
export function registerRoundPreviewListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(PREVIEW_ACTIONS.swap, openEdit(deps, "swap"));
  router.action(PREVIEW_ACTIONS.drop, openEdit(deps, "drop"));
  router.action(PREVIEW_ACTIONS.rerun, rerunAction(deps));
  router.action(PREVIEW_ACTIONS.approve, approveAction(deps));
  router.action(PREVIEW_ACTIONS.discard, discardAction(deps));
  router.view(PREVIEW_CALLBACKS.swap, editSubmit(deps, "swap"));
  router.view(PREVIEW_CALLBACKS.drop, editSubmit(deps, "drop"));
}
