/**
 * Programs (the director's admin): /mentoring-admin and its menu, and the same buttons on the
 * director's App Home, let a program director create and edit programs, add cohorts and people,
 * grant or revoke the director role, and export a program's roster as CSV. Everything here is for
 * directors only; anyone else is refused politely and nothing changes.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { mentoringAdminCommand } from "./listeners/command.js";
import { openAdminForms } from "./listeners/openModals.js";
import { exportRosterButtons } from "./listeners/exportRoster.js";
import { revokeDirectorButton } from "./listeners/revokeDirector.js";
import { programSubmitted } from "./listeners/program.js";
import { cohortSubmitted } from "./listeners/cohort.js";
import { peopleSubmitted } from "./listeners/people.js";
import { directorsSubmitted } from "./listeners/directors.js";

export function registerAdminListeners(on: Interactions): void {
  mentoringAdminCommand(on);
  openAdminForms(on);
  exportRosterButtons(on);
  revokeDirectorButton(on);
  programSubmitted(on);
  cohortSubmitted(on);
  peopleSubmitted(on);
  directorsSubmitted(on);
}
