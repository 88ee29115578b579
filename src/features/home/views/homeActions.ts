/**
 * Action ids of the director buttons on the App Home. Their handlers live with the admin
 * listeners (src/features/programs/listeners/); a button's value carries the program id.
 */
export const HOME_ADMIN_ACTIONS = {
  newProgram: "admin_program_new",
  editProgram: "admin_program_edit",
  newCohort: "admin_cohort_new",
  addPeople: "admin_people_add",
  exportRoster: "admin_roster_export",
  directors: "admin_directors_open",
} as const;
