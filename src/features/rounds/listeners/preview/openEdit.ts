import { previewOf } from "../../roundProposal.js";
import { RoundRunNotInPreview } from "../../../../domain/errors.js";
import { dropModal, swapModal } from "../../views/previewModals.js";
import { directorButton } from "../../../programs/listeners/guard.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { previewRef, runIdOf } from "./context.js";

/** The preview's "Swap / reassign…" and "Drop…" buttons: a small modal over the current proposal (directors only). */
export function openEdit(deps: ListenerDeps, which: "swap" | "drop") {
  return directorButton(deps, async (by, args) => {
    const runId = runIdOf(args);
    const { run, proposal } = await previewOf(deps.db, by.workspaceId, runId);
    const ref = previewRef(args);
    if (run.status !== "PREVIEW" || !proposal || !ref) throw new RoundRunNotInPreview(run.status);
    const meta = { runId, ...ref };
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: which === "swap" ? swapModal(meta, proposal) : dropModal(meta, proposal) });
  });
}
