import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { ADMIN } from "../../../views/admin/ids.js";
import { HOME_ADMIN_ACTIONS } from "../../../views/homeActions.js";
import { openAddPeople, openDirectors, openEditProgram, openNewCohort, openNewProgram } from "./openModals.js";
import { exportRosterClicked } from "./exportRoster.js";
import { revokeDirectorClicked } from "./revokeDirector.js";
import { programSubmitted } from "../../views/admin/program.js";
import { cohortSubmitted } from "../../views/admin/cohort.js";
import { peopleSubmitted } from "../../views/admin/people.js";
import { directorsSubmitted } from "../../views/admin/directors.js";

/** The director's buttons and modal submissions (the /mentoring-admin command is in commands/). */
export function registerAdminListeners(app: App, deps: ListenerDeps): void {
  // Each button lives in the /mentoring-admin menu and on the director's App Home (HOME_ADMIN_ACTIONS).
  const both = (menuId: string, homeId: string) => new RegExp(`^(${menuId}|${homeId})$`);
  app.action(both(ADMIN.actions.newProgram, HOME_ADMIN_ACTIONS.newProgram), openNewProgram(deps));
  app.action(both(ADMIN.actions.editProgram, HOME_ADMIN_ACTIONS.editProgram), openEditProgram(deps));
  app.action(both(ADMIN.actions.newCohort, HOME_ADMIN_ACTIONS.newCohort), openNewCohort(deps));
  app.action(both(ADMIN.actions.addPeople, HOME_ADMIN_ACTIONS.addPeople), openAddPeople(deps));
  app.action(both(ADMIN.actions.directors, HOME_ADMIN_ACTIONS.directors), openDirectors(deps));
  app.action(both(ADMIN.actions.exportRoster, HOME_ADMIN_ACTIONS.exportRoster), exportRosterClicked(deps));
  app.action(ADMIN.actions.revokeDirector, revokeDirectorClicked(deps));
  app.view(ADMIN.views.program, programSubmitted(deps));
  app.view(ADMIN.views.cohort, cohortSubmitted(deps));
  app.view(ADMIN.views.people, peopleSubmitted(deps));
  app.view(ADMIN.views.directors, directorsSubmitted(deps));
}
