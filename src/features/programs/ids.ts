import type { ValueCodec } from "../../slack/interaction/ids.js";
import { action, idValue, idsOf, noValue, view } from "../../slack/interaction/ids.js";
import { HOME_ADMIN_ACTIONS } from "../home/views/homeActions.js";

/** "Add people" carries the program, and the cohort to have chosen (after "Cohort created"): "program id[:cohort id]". */
export const peopleTarget: ValueCodec<{ programId: string; cohortId?: string }> = {
  encode: ({ programId, cohortId }) => (cohortId ? `${programId}:${cohortId}` : programId),
  decode: (raw) => {
    const [programId = "", cohortId, ...rest] = raw.split(":");
    if (!programId || cohortId === "" || rest.length > 0) return null;
    return { value: cohortId ? { programId, cohortId } : { programId } };
  },
};

/** The form's private_metadata: the program a cohort or people form is for; a program form's is empty when it creates one. */
const programOfForm: ValueCodec<string> = { encode: (id) => id, decode: (raw) => ({ value: raw }) };

/**
 * The director's buttons, each with the codec of its value. Each button lives in the
 * /mentoring-admin menu and, under another id, on the director's App Home (HOME_ADMIN_ACTIONS).
 */
export const ADMIN_BUTTONS = {
  newProgram: action("admin_new_program", noValue),
  editProgram: action("admin_edit_program", idValue),
  newCohort: action("admin_new_cohort", idValue),
  addPeople: action("admin_add_people", peopleTarget),
  exportRoster: action("admin_export_roster", idValue),
  directors: action("admin_directors", noValue),
  /** "Revoke" in the directors modal; value = the director's Slack user id. */
  revokeDirector: action("admin_revoke_director", idValue),
  homeNewProgram: action(HOME_ADMIN_ACTIONS.newProgram, noValue),
  homeEditProgram: action(HOME_ADMIN_ACTIONS.editProgram, idValue),
  homeNewCohort: action(HOME_ADMIN_ACTIONS.newCohort, idValue),
  homeAddPeople: action(HOME_ADMIN_ACTIONS.addPeople, peopleTarget),
  homeExportRoster: action(HOME_ADMIN_ACTIONS.exportRoster, idValue),
  homeDirectors: action(HOME_ADMIN_ACTIONS.directors, noValue),
} as const;

/** The admin modals, with the codec of their private_metadata. */
export const ADMIN_FORMS = {
  program: view("admin_program", programOfForm),
  cohort: view("admin_cohort", idValue),
  people: view("admin_people", idValue),
  directors: view("admin_directors", noValue),
} as const;

/** Callback, block and action ids shared by the admin views and their listeners. */
export const ADMIN = {
  actions: idsOf({
    newProgram: ADMIN_BUTTONS.newProgram,
    editProgram: ADMIN_BUTTONS.editProgram,
    newCohort: ADMIN_BUTTONS.newCohort,
    addPeople: ADMIN_BUTTONS.addPeople,
    exportRoster: ADMIN_BUTTONS.exportRoster,
    directors: ADMIN_BUTTONS.directors,
    revokeDirector: ADMIN_BUTTONS.revokeDirector,
  }),
  views: idsOf(ADMIN_FORMS),
  blocks: {
    programName: "program_name",
    programDescription: "program_description",
    programCadence: "program_cadence",
    programChannel: "program_channel",
    programTimezone: "program_timezone",
    programCapacity: "program_capacity",
    programCheckinRecipients: "program_checkin_recipients",
    programBreaks: "program_breaks",
    programAcademicYear: "program_academic_year",
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
