import { z } from "zod";
import { action, idValue, idsOf, joinedValue, view, type ValueCodec } from "../../slack/interaction/ids.js";

/** A match and the academic year a "continue next year?" answer is for: "match|2026". */
const matchYear = joinedValue("|", { matchId: z.string().min(1).max(200), startYear: z.coerce.number().int().min(1900).max(3000) });

/** A program, and the cohort chosen to graduate ("" = the default, "none" = no cohort): "program|cohort". */
export const programCohort: ValueCodec<{ programId: string; cohort: string }> = {
  encode: ({ programId, cohort }) => `${programId}|${cohort}`,
  decode: (raw) => {
    const [programId = "", cohort = "", ...rest] = raw.split("|");
    return programId && programId.length <= 200 && cohort.length <= 200 && rest.length === 0 ? { value: { programId, cohort } } : null;
  },
};

/** Approve carries what the preview showed: program, year and cohort. */
const approval = joinedValue("|", { programId: z.string().min(1).max(200), startYear: z.coerce.number().int().min(1900).max(3000), cohort: z.string().max(200) });

/** The close-the-year flow's buttons and modal, each with the codec of its value. */
export const YEAR = {
  /** "Close the year…" (director DM, the admin command's program list): the preview; value = program id. */
  open: action("year_close_open", idValue),
  /** The same, one per program in the admin command's list (suffixed: one message holds several). */
  choose: action("year_close_choose", idValue, { suffixed: true }),
  /** The same on the director's App Home. */
  openHome: action("year_close_open_home", idValue),
  /** The preview's cohort menu: the preview again with that cohort graduating. */
  cohort: action("year_close_cohort", programCohort),
  /** "Approve and close the year". */
  approve: action("year_close_approve", approval),
  /** "Year report (CSV)" after the close; value = program id. */
  report: action("year_report", idValue),
  /** "Continue next year?" answers. */
  keep: action("year_continue", matchYear),
  end: action("year_end_match", matchYear),
  /** The alumnus's invitation: open the mentor profile to confirm, or decline; value = invitation id. */
  mentor: action("year_alumnus_mentor", idValue),
  decline: action("year_alumnus_decline", idValue),
} as const;

export const YEAR_FORMS = {
  /** The pre-filled mentor profile an alumnus confirms; metadata = invitation id. */
  mentor: view("year_alumnus_mentor_submit", idValue),
} as const;

export const YEAR_ACTIONS = idsOf(YEAR);
export const YEAR_CALLBACKS = idsOf(YEAR_FORMS);
