import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { openEdit } from "./openEdit.js";
import { rerunAction } from "./rerun.js";
import { approveAction } from "./approve.js";
import { discardAction } from "./discard.js";
import { editSubmit } from "./editSubmit.js";

/** A pairing round's preview: Swap / Drop (modals), Re-run, Approve, Discard — directors only. */
export function registerRoundPreviewListeners(on: Interactions): void {
  openEdit(on, "swap");
  openEdit(on, "drop");
  rerunAction(on);
  approveAction(on);
  discardAction(on);
  editSubmit(on, "swap");
  editSubmit(on, "drop");
}
