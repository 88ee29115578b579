import { applyProposalEdit, checkProposalEdit } from "../../roundProposal.js";
import { labelOf } from "../../roundApproval.js";
import type { RoundProposal } from "../../../../domain/roundProposal.js";
import { previewMessage } from "../../views/preview.js";
import { editProblemText, readDrop, readSwap } from "../../views/previewModals.js";
import { PREVIEW_BLOCKS, PREVIEW_FORMS } from "../../previewIds.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";

/**
 * The swap and drop modals' submit: re-checked by the service against the current data; a broken
 * rule is answered inline in the modal; otherwise the modal closes at once and the preview updates
 * in place when the proposal has been re-measured (which may take a few seconds for a large round).
 */
export function editSubmit(on: Interactions, which: "swap" | "drop"): void {
  const form = which === "swap" ? PREVIEW_FORMS.swap : PREVIEW_FORMS.drop;
  const field = which === "swap" ? PREVIEW_BLOCKS.pair : PREVIEW_BLOCKS.target;
  const stale = "This form is out of date; close it and use the preview's buttons again.";
  on.submit({ view: form, who: "director", errors: field, stale, label: "round preview edit" }, async (i) => {
    const meta = i.metadata;
    const read = which === "swap" ? readSwap(i.values) : readDrop(i.values);
    if (!read.ok) return { errors: read.errors };
    const checked = await checkProposalEdit(i.ctx, meta.runId, read.edit);
    if (!checked.allowed) {
      const { refused, run } = checked;
      return { errors: { [field]: editProblemText(refused.problem, run.proposal as RoundProposal, refused.trainee, refused.mentor) } };
    }
    // The rules hold: the modal closes now; re-measuring a large round happens after, and a late refusal is said privately.
    const refuse = (text: string) => i.client.chat.postEphemeral({ channel: meta.channel, user: i.userId, text });
    i.afterwards(async () => {
      const { result, run } = await applyProposalEdit(i.ctx, checked.allowed);
      if (!result.ok) return void (await refuse(editProblemText(result.problem, run.proposal as RoundProposal, result.trainee, result.mentor)));
      const notice = read.edit.kind === "drop" ? "Dropped." : read.edit.kind === "swap" ? "Mentors exchanged." : "Trainee moved.";
      await i.client.chat.update({ channel: meta.channel, ts: meta.ts, ...previewMessage(labelOf(run), result.proposal, notice) });
    }, refuse);
  });
}
