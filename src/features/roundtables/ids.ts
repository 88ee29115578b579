import type { ValueCodec } from "../../slack/interaction/ids.js";
import { action, idValue, idsOf, noValue, view } from "../../slack/interaction/ids.js";

/** A program id, or "" to choose in the form. */
const programOrNone: ValueCodec<string | null> = {
  encode: (programId) => programId ?? "",
  decode: (raw) => (raw.length <= 200 ? { value: raw || null } : null),
};

/**
 * The round-table buttons and modals, each with the codec of its value. The follow-up DM's
 * Request buttons are the /findmentor card's (FINDMENTOR.request), answered by the requests feature.
 */
export const ROUND_TABLE = {
  /** "New round tables" on the session list; value = program id or "" (chosen in the form). */
  create: action("roundtable_create", programOrNone),
  /** "Round tables" (the director's Home, the admin menu, "Round tables set up"): the list of sessions. */
  list: action("roundtable_list", noValue),
  /** "Seat now" on a session in the list; value = session id. */
  seatNow: action("roundtable_seat_now", idValue),
  /** "Cancel" on a session not yet seated; value = session id. */
  cancel: action("roundtable_cancel", idValue),
  /** "Choose career paths" (the invitation DM, the trainee's Home); value = session id. */
  choose: action("roundtable_choose", idValue),
} as const;

export const ROUND_TABLE_FORMS = {
  setup: view("roundtable_setup_submit", noValue),
  /** private_metadata = the session id. */
  choose: view("roundtable_choose_submit", idValue),
} as const;

export const ROUND_TABLE_ACTIONS = idsOf(ROUND_TABLE);
export const ROUND_TABLE_CALLBACKS = idsOf(ROUND_TABLE_FORMS);

/** Block ids of the set-up modal; a host field per career path is `rt_host_<path key>`. Every input uses action id VALUE. */
export const SETUP_BLOCKS = {
  program: "rt_program",
  date: "rt_date",
  time: "rt_time",
  rotations: "rt_rotations",
  minutes: "rt_minutes",
  tableSize: "rt_table_size",
  deadlineDate: "rt_deadline_date",
  deadlineTime: "rt_deadline_time",
} as const;
export const hostBlock = (path: string) => `rt_host_${path}`;
export const HOST_BLOCK_PREFIX = "rt_host_";

/** Block ids of the choice modal. */
export const CHOICE_BLOCKS = { first: "rt_choice_first", second: "rt_choice_second", third: "rt_choice_third" } as const;

export const VALUE = "value";
