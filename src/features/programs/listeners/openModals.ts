import { getProgram, listCohorts } from "../programs.js";
import { listGrantedDirectors } from "../directors.js";
import { programModal } from "../views/programModal.js";
import { cohortModal } from "../views/cohortModal.js";
import { peopleModal } from "../views/peopleModal.js";
import { directorsModal } from "../views/directorsModal.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { directorButton, showModal } from "./guard.js";

/** The menu's buttons each open a modal with the trigger_id of the click. */
export const openNewProgram = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    await showModal(args, programModal(null, { timezone: by.tz }));
  });

export const openEditProgram = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { action, body, client }) => {
    const program = await getProgram(deps.db, by.workspaceId, action.value ?? "");
    await client.views.open({ trigger_id: body.trigger_id, view: programModal(program, { timezone: program.timezone }) });
  });

export const openNewCohort = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const program = await getProgram(deps.db, by.workspaceId, args.action.value ?? "");
    await showModal(args, cohortModal(program));
  });

/** "Add people": value = program id, or "program id:cohort id" to have that cohort chosen (after "Cohort created"). */
export const openAddPeople = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const [programId = "", cohortId] = (args.action.value ?? "").split(":");
    const program = await getProgram(deps.db, by.workspaceId, programId);
    await showModal(args, peopleModal(program, await listCohorts(deps.db, by.workspaceId, program.id), cohortId));
  });

export const openDirectors = (deps: ListenerDeps) =>
  directorButton(deps, async (by, { body, client }) => {
    await client.views.open({ trigger_id: body.trigger_id, view: directorsModal(await listGrantedDirectors(deps.db, by.workspaceId)) });
  });
