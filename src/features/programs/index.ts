import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { ADMIN } from "./ids.js";
import { HOME_ADMIN_ACTIONS } from "../home/views/homeActions.js";
import { openAddPeople, openDirectors, openEditProgram, openNewCohort, openNewProgram } from "./listeners/openModals.js";
import { exportRosterClicked } from "./listeners/exportRoster.js";
import { revokeDirectorClicked } from "./listeners/revokeDirector.js";
import { programSubmitted } from "./listeners/program.js";
import { cohortSubmitted } from "./listeners/cohort.js";
import { peopleSubmitted } from "./listeners/people.js";
import { directorsSubmitted } from "./listeners/directors.js";

/** The director's buttons and modal submissions (the /mentoring-admin command is in commands/). */
export function registerAdminListeners(router: ListenerRouter, deps: ListenerDeps): void {
  // Each button lives in the /mentoring-admin menu and on the director's App Home (HOME_ADMIN_ACTIONS).
  const both = (menuId: string, homeId: string) => new RegExp(`^(${menuId}|${homeId})$`);
  router.action(both(ADMIN.actions.newProgram, HOME_ADMIN_ACTIONS.newProgram), openNewProgram(deps));
  router.action(both(ADMIN.actions.editProgram, HOME_ADMIN_ACTIONS.editProgram), openEditProgram(deps));
  router.action(both(ADMIN.actions.newCohort, HOME_ADMIN_ACTIONS.newCohort), openNewCohort(deps));
  router.action(both(ADMIN.actions.addPeople, HOME_ADMIN_ACTIONS.addPeople), openAddPeople(deps));
  router.action(both(ADMIN.actions.directors, HOME_ADMIN_ACTIONS.directors), openDirectors(deps));
  router.action(both(ADMIN.actions.exportRoster, HOME_ADMIN_ACTIONS.exportRoster), exportRosterClicked(deps));
  router.action(ADMIN.actions.revokeDirector, revokeDirectorClicked(deps));
  router.view(ADMIN.views.program, programSubmitted(deps));
  router.view(ADMIN.views.cohort, cohortSubmitted(deps));
  router.view(ADMIN.views.people, peopleSubmitted(deps));
  router.view(ADMIN.views.directors, directorsSubmitted(deps));
}
