import { AnnouncementNotFound } from "../../../domain/errors.js";
import { postAtFields } from "../../../domain/announcement.js";
import { composeInitialOf, composeModal } from "../views/composeModal.js";
import { readPreviewMetadata } from "../views/form.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { directorButton } from "../../programs/listeners/guard.js";
import { composePrograms } from "./compose.js";

/** "Back to edit" in the preview: the form again, filled in with the draft. */
export const backToEditClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { body, client }) => {
    const meta = readPreviewMetadata(body.view?.private_metadata);
    if (!meta || !body.view?.id) throw new AnnouncementNotFound("draft");
    const programs = await composePrograms(deps, by.workspaceId);
    const timezone = programs.find((p) => p.id === meta.draft.programId)?.timezone ?? "UTC";
    const initial = composeInitialOf(meta.draft, meta.draft.postAt ? postAtFields(meta.draft.postAt, timezone) : null);
    await client.views.update({ view_id: body.view.id, view: composeModal(programs, initial, { id: meta.id, posted: meta.posted }) });
  });
