import { proposeRun, previewOf } from "../../roundProposal.js";
import { labelOf } from "../../roundApproval.js";
import { previewMessage } from "../../views/preview.js";
import { PREVIEW } from "../../previewIds.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../../slack/interaction/surfaces.js";

/** Re-run: computes the proposal again from the current data (forgetting swaps and drops) and shows it in place. */
export function rerunAction(on: Interactions): void {
  on.button({ action: PREVIEW.rerun, who: "director", when: "queued", errors: whereClicked, label: "admin action" }, async (i) => {
    const runId = i.value;
    const proposal = await proposeRun(i.ctx.db, i.by.workspaceId, runId, i.ctx.now);
    const { run } = await previewOf(i.ctx.db, i.by.workspaceId, runId);
    await i.args.respond({ replace_original: true, ...previewMessage(labelOf(run), proposal, "Re-run: computed again from the current people, without earlier swaps and drops.") });
  });
}
