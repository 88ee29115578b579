import { declineModal } from "../views/modals.js";
import { RequestNotFound } from "../../../domain/errors.js";
import { REQUEST } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { noteOrModal } from "../../../slack/interaction/surfaces.js";

/** The mentor's Decline button: a modal for an optional private reason (remembers the DM to update). Nothing to look up, so it opens inline on the fresh trigger. */
export function openDecline(on: Interactions): void {
  on.button({ action: REQUEST.decline, who: "anyone", when: "inline", errors: noteOrModal("Rounds"), label: "request action", invalid: (raw) => new RequestNotFound(raw) }, async (i) => {
    await i.client.views.open({ trigger_id: i.args.body.trigger_id, view: declineModal(i.value, i.message) });
  });
}
