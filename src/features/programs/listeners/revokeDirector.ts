import { listGrantedDirectors, revokeDirector } from "../directors.js";
import { directorsModal } from "../views/directorsModal.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { directorButton } from "./guard.js";

/** "Revoke" in the directors modal: take back the grant, then show the modal's new list. */
export const revokeDirectorClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { action, body, client }) => {
    await revokeDirector(deps.db, deps.directory(client), by, action.value ?? "", deps.now());
    if (body.view?.id) await client.views.update({ view_id: body.view.id, view: directorsModal(await listGrantedDirectors(deps.db, by.workspaceId)) });
  });
