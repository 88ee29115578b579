import { requestForm } from "../requests.js";
import { requestModal } from "../views/modals.js";
import { RequestNotFound } from "../../../domain/errors.js";
import { FINDMENTOR } from "../../findmentor/ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { openedModalAndNote } from "../../../slack/interaction/surfaces.js";

/** A /findmentor card's "Request" button: the request modal opens at once and fills in with that mentor's roles and the trainee's goals. */
export function openRequest(on: Interactions): void {
  on.button(
    { action: FINDMENTOR.request, who: "anyone", when: "queued", errors: openedModalAndNote, label: "request action", invalid: (raw) => new RequestNotFound(raw), opensModal: { title: "Request a mentor" } },
    async (i) => {
      const form = await requestForm(i.ctx, i.userId, i.value);
      if (i.modal) await i.client.views.update({ view_id: i.modal.id, view: requestModal(form) });
    },
  );
}
