/** Callback, block and action ids shared by the admin views and their listeners. */
export const ADMIN = {
  actions: {
    newProgram: "admin_new_program",
    editProgram: "admin_edit_program",
    newCohort: "admin_new_cohort",
    addPeople: "admin_add_people",
    exportRoster: "admin_export_roster",
    directors: "admin_directors",
    revokeDirector: "admin_revoke_director",
  },
  views: {
    program: "admin_program",
    cohort: "admin_cohort",
    people: "admin_people",
    directors: "admin_directors",
  },
  blocks: {
    programName: "program_name",
    programDescription: "program_description",
    programCadence: "program_cadence",
    programChannel: "program_channel",
    programTimezone: "program_timezone",
    programCapacity: "program_capacity",
    programCheckinRecipients: "program_checkin_recipients",
    programBreaks: "program_breaks",
    cohortName: "cohort_name",
    cohortStarts: "cohort_starts",
    cohortEnds: "cohort_ends",
    peopleUsers: "people_users",
    peopleRole: "people_role",
    peopleCohort: "people_cohort",
    directorGrant: "director_grant",
  },
  /** Every input's action id: the block id tells them apart. */
  input: "value",
} as const;
