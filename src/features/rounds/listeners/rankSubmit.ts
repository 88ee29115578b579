import { submitRanking } from "../roundRankings.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { rankBlock, ROUND_FORMS } from "../ids.js";
import { readRanking } from "../views/roundForm.js";
import { rankSavedText } from "../views/rankModal.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** The rank modal saved: a person chosen twice or nothing chosen is an inline error; else the list is stored. */
export function rankSubmitted(on: Interactions): void {
  const field = rankBlock(0);
  on.submit({ view: ROUND_FORMS.rank, who: "anyone", errors: field, stale: "This form is out of date; open the ranking again.", label: "round ranking" }, async (i) => {
    const read = readRanking(i.args.view.state.values, i.metadata.places);
    if (!read.ok) return { errors: read.errors };
    const form = await submitRanking(i.ctx, i.userId, i.metadata.runId, read.ranks);
    return { update: doneModal("Ranking saved", rankSavedText(form)) };
  });
}
