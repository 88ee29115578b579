import { z } from "zod";
import type { ValueCodec } from "../../slack/interaction/ids.js";
import { action, idValue, idsOf, jsonValue, noValue, view } from "../../slack/interaction/ids.js";

/** "New round" carries the program to have chosen, or nothing (from the round list): "" then. */
const programOrNone: ValueCodec<string | null> = {
  encode: (programId) => programId ?? "",
  decode: (raw) => (raw.length <= 200 ? { value: raw || null } : null),
};

/** The rank modal carries the run and how many places it offers. */
export const rankMetadata = jsonValue(z.object({ runId: z.string().min(1), places: z.number().int().min(0).max(100) }));

/**
 * The buttons of round set-up, the round list, notices and rank lists, each with the codec of its
 * value (the preview's are in previewIds.ts). "New round" and "Rounds" also live on the director's
 * App Home, under the same id with a _home suffix.
 */
export const ROUND = {
  /** "New round" in the director menu, the round list and next steps; value = program id or empty. */
  create: action("round_create", programOrNone),
  createHome: action("round_create_home", programOrNone),
  /** "Rounds" in the director menu: the list of active rounds. */
  list: action("round_list", noValue),
  listHome: action("round_list_home", noValue),
  /** "Cancel" on a round in the list; value = round id. */
  cancel: action("round_cancel", idValue),
  /** The notice's buttons; value = run id. */
  skip: action("round_notice_skip", idValue),
  unskip: action("round_notice_unskip", idValue),
  pause: action("round_notice_pause", idValue),
  /** On the notice once paused: resume; value = run id. */
  resume: action("round_notice_resume", idValue),
  /** "Rank …" on the stable round DMs; value = run id. */
  rank: action("round_rank_open", idValue),
} as const;

export const ROUND_FORMS = {
  create: view("round_create_submit", noValue),
  rank: view("round_rank_submit", rankMetadata),
} as const;

/** Block Kit ids of round set-up, the round list, notices and rank lists (the preview's are in previewIds.ts). */
export const ROUND_ACTIONS = idsOf({ create: ROUND.create, list: ROUND.list, cancel: ROUND.cancel, skip: ROUND.skip, unskip: ROUND.unskip, pause: ROUND.pause, resume: ROUND.resume, rank: ROUND.rank });

export const ROUND_CALLBACKS = idsOf(ROUND_FORMS);

/** Block ids of the create modal; every input uses action id ROUND_VALUE. */
export const ROUND_BLOCKS = {
  name: "round_name",
  target: "round_target",
  kind: "round_kind",
  role: "round_role",
  groupSize: "round_group_size",
  crossGroup: "round_cross_group",
  rotations: "round_rotations",
  minutesPerRotation: "round_minutes",
  rankDays: "round_rank_days",
  when: "round_when",
  date: "round_date",
  time: "round_time",
  weekday: "round_weekday",
  everyWeeks: "round_every_weeks",
  cron: "round_cron",
  speedDay: "round_speed_day",
  speedStart: "round_speed_start",
} as const;

/** Rank modal: one select per place, block ids `rank_0`, `rank_1`, … */
export const rankBlock = (place: number) => `rank_${place}`;

export const ROUND_VALUE = "value";
