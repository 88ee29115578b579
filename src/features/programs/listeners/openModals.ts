import { getProgram, listCohorts } from "../programs.js";
import { listGrantedDirectors } from "../directors.js";
import { programModal } from "../views/programModal.js";
import { cohortModal } from "../views/cohortModal.js";
import { peopleModal } from "../views/peopleModal.js";
import { directorsModal } from "../views/directorsModal.js";
import { ADMIN_BUTTONS as B } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { showModal } from "../../../slack/interaction/showModal.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

/**
 * The menu's (and the App Home's) buttons that open a form: the role is checked, the modal opens at
 * once and is filled when its data is read. A next-step button inside a modal turns that modal into the form.
 */
export function openAdminForms(on: Interactions): void {
  const spec = { who: "director", when: "queued", errors: whereClicked, label: "admin action" } as const;
  for (const action of [B.newProgram, B.homeNewProgram]) {
    on.button({ action, ...spec, opensModal: { title: "New program" } }, (i) => showModal(i, programModal(null, { timezone: i.by.tz })));
  }
  for (const action of [B.editProgram, B.homeEditProgram]) {
    on.button({ action, ...spec, opensModal: { title: "Edit program" } }, async (i) => {
      const program = await getProgram(i.ctx.db, i.by.workspaceId, i.value);
      await showModal(i, programModal(program, { timezone: program.timezone }));
    });
  }
  for (const action of [B.newCohort, B.homeNewCohort]) {
    on.button({ action, ...spec, opensModal: { title: "New cohort" } }, async (i) => {
      await showModal(i, cohortModal(await getProgram(i.ctx.db, i.by.workspaceId, i.value)));
    });
  }
  for (const action of [B.addPeople, B.homeAddPeople]) {
    on.button({ action, ...spec, opensModal: { title: "Add people" } }, async (i) => {
      const program = await getProgram(i.ctx.db, i.by.workspaceId, i.value.programId);
      await showModal(i, peopleModal(program, await listCohorts(i.ctx.db, i.by.workspaceId, program.id), i.value.cohortId));
    });
  }
  for (const action of [B.directors, B.homeDirectors]) {
    on.button({ action, ...spec, opensModal: { title: "Directors" } }, async (i) => {
      await showModal(i, directorsModal(await listGrantedDirectors(i.ctx.db, i.by.workspaceId)));
    });
  }
}
