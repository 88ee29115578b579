import { rankForm } from "../roundRankings.js";
import { rankModal } from "../views/rankModal.js";
import { ROUND } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { showModal } from "../../../slack/interaction/showModal.js";
import { noteOrModal } from "../../../slack/interaction/surfaces.js";

/** "Rank mentors" / "Rank trainees": the rank modal (opened at once) with what this person may rank now. */
export function rankButton(on: Interactions): void {
  on.button({ action: ROUND.rank, who: "anyone", when: "queued", errors: noteOrModal("Rounds"), label: "round rank", opensModal: { title: "Ranking" } }, async (i) => {
    await showModal(i, rankModal(await rankForm(i.ctx, i.userId, i.value)));
  });
}
