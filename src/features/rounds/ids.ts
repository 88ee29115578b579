/** Block Kit ids of round set-up, the round list, notices and rank lists (the preview's are in previewIds.ts). */
export const ROUND_ACTIONS = {
  /** "New round" in the director menu (and the App Home); value = program id or empty. */
  create: "round_create",
  /** "Rounds" in the director menu: the list of active rounds. */
  list: "round_list",
  /** "Cancel" on a round in the list; value = round id. */
  cancel: "round_cancel",
  /** The notice's buttons; value = run id. */
  skip: "round_notice_skip",
  unskip: "round_notice_unskip",
  pause: "round_notice_pause",
  /** On the notice once paused: resume; value = run id. */
  resume: "round_notice_resume",
  /** "Rank …" on the stable round DMs; value = run id. */
  rank: "round_rank_open",
} as const;

export const ROUND_CALLBACKS = {
  create: "round_create_submit",
  rank: "round_rank_submit",
} as const;

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
