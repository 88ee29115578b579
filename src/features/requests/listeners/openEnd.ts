import { matchOfPair } from "../matches.js";
import { MatchAlreadyEnded, MatchNotFound } from "../../../domain/errors.js";
import { endModal } from "../views/modals.js";
import { REQUEST } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { openedModalAndNote } from "../../../slack/interaction/surfaces.js";

/** "End mentorship": a modal for optional private feedback to the director; it opens at once and fills in once the match is checked. */
export function openEnd(on: Interactions): void {
  on.button(
    { action: REQUEST.end, who: "anyone", when: "queued", errors: openedModalAndNote, label: "request action", invalid: (raw) => new MatchNotFound(raw), opensModal: { title: "End mentorship" } },
    async (i) => {
      const match = await matchOfPair(i.ctx, i.userId, i.value);
      if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(match.id);
      if (i.modal) await i.client.views.update({ view_id: i.modal.id, view: endModal(match.id) });
    },
  );
}
