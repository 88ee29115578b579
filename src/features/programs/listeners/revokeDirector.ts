import { listGrantedDirectors, revokeDirector } from "../directors.js";
import { directorsModal } from "../views/directorsModal.js";
import { ADMIN_BUTTONS } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

/** "Revoke" in the directors modal: take back the grant, then show the modal's new list. */
export function revokeDirectorButton(on: Interactions): void {
  on.button({ action: ADMIN_BUTTONS.revokeDirector, who: "director", when: "queued", errors: whereClicked, label: "admin action" }, async (i) => {
    await revokeDirector(i.ctx, i.by, i.value);
    const viewId = i.args.body.view?.id;
    if (viewId) await i.client.views.update({ view_id: viewId, view: directorsModal(await listGrantedDirectors(i.ctx.db, i.by.workspaceId)) });
  });
}
