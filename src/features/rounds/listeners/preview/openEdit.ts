import { previewOf } from "../../roundProposal.js";
import { RoundRunNotInPreview } from "../../../../domain/errors.js";
import { dropModal, swapModal } from "../../views/previewModals.js";
import { PREVIEW } from "../../previewIds.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { showModal } from "../../../../slack/interaction/showModal.js";
import { whereClicked } from "../../../../slack/interaction/surfaces.js";

/** The preview's "Swap / reassign…" and "Drop…" buttons: a small modal over the current proposal (directors only), opened at once. */
export function openEdit(on: Interactions, which: "swap" | "drop"): void {
  const action = which === "swap" ? PREVIEW.swap : PREVIEW.drop;
  const title = which === "swap" ? "Swap or reassign" : "Drop";
  on.button({ action, who: "director", when: "queued", errors: whereClicked, label: "admin action", opensModal: { title } }, async (i) => {
    const runId = i.value;
    const { run, proposal } = await previewOf(i.ctx.db, i.by.workspaceId, runId);
    // Where the clicked preview message lives (to update it in place from the modal later).
    const { body } = i.args;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (run.status !== "PREVIEW" || !proposal || !channel || !ts) throw new RoundRunNotInPreview(run.status);
    const meta = { runId, channel, ts };
    await showModal(i, which === "swap" ? swapModal(meta, proposal) : dropModal(meta, proposal));
  });
}
