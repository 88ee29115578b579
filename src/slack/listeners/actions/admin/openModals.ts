import { getProgram, listCohorts } from "../../../../services/programs.js";
import { listGrantedDirectors } from "../../../../services/directors.js";
import { programModal } from "../../../views/admin/programModal.js";
import { cohortModal } from "../../../views/admin/cohortModal.js";
import { peopleModal } from "../../../views/admin/peopleModal.js";
import { directorsModal } from "../../../views/admin/directorsModal.js";
import type { ListenerDeps } from "../../deps.js";
import { directorButton } from "./guard.js";

/** The menu's buttons each open a modal with the trigger_id of the click. */
export const openNewProgram = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { body, client }) => {
    await client.views.open({ trigger_id: body.trigger_id, view: programModal(null, { timezone: by.tz }) });
  });

export const openEditProgram = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { action, body, client }) => {
    const program = await getProgram(deps.db, by.workspaceId, action.value ?? "");
    await client.views.open({ trigger_id: body.trigger_id, view: programModal(program, { timezone: program.timezone }) });
  });

export const openNewCohort = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { action, body, client }) => {
    const program = await getProgram(deps.db, by.workspaceId, action.value ?? "");
    await client.views.open({ trigger_id: body.trigger_id, view: cohortModal(program) });
  });

export const openAddPeople = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { action, body, client }) => {
    const program = await getProgram(deps.db, by.workspaceId, action.value ?? "");
    await client.views.open({ trigger_id: body.trigger_id, view: peopleModal(program, await listCohorts(deps.db, by.workspaceId, program.id)) });
  });

export const openDirectors = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { body, client }) => {
    await client.views.open({ trigger_id: body.trigger_id, view: directorsModal(await listGrantedDirectors(deps.db, by.workspaceId)) });
  });
