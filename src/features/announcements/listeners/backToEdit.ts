import { AnnouncementNotFound } from "../../../domain/errors.js";
import { postAtFields } from "../../../domain/announcement.js";
import { composeInitialOf, composeModal } from "../views/composeModal.js";
import { readPreviewMetadata } from "../views/form.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { ANN } from "../ids.js";
import { composePrograms } from "./compose.js";

/** "Back to edit" in the preview: the form again, filled in with the draft. */
export function backToEditButton(on: Interactions): void {
  on.button({ action: ANN.backToEdit, who: "director", when: "queued", errors: whereClicked, label: "announce back to edit" }, async (i) => {
    const { body } = i.args;
    const meta = readPreviewMetadata(body.view?.private_metadata);
    if (!meta || !body.view?.id) throw new AnnouncementNotFound("draft");
    const programs = await composePrograms(i.ctx.db, i.by.workspaceId);
    const timezone = programs.find((p) => p.id === meta.draft.programId)?.timezone ?? "UTC";
    const initial = composeInitialOf(meta.draft, meta.draft.postAt ? postAtFields(meta.draft.postAt, timezone) : null);
    await i.client.views.update({ view_id: body.view.id, view: composeModal(programs, initial, { id: meta.id, posted: meta.posted }) });
  });
}
