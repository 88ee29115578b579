import { discardRun, labelOf } from "../../roundApproval.js";
import { discardedMessage } from "../../views/preview.js";
import { PREVIEW } from "../../previewIds.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../../slack/interaction/surfaces.js";

/** Discard: nothing is created, nobody is told; the preview says so in place. */
export function discardAction(on: Interactions): void {
  on.button({ action: PREVIEW.discard, who: "director", when: "queued", errors: whereClicked, label: "admin action" }, async (i) => {
    const run = await discardRun(i.ctx.db, i.by, i.value, i.ctx.now);
    await i.args.respond({ replace_original: true, ...discardedMessage(labelOf(run), i.by.actor) });
  });
}
