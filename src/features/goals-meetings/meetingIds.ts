/** Block Kit ids of the meeting log and agenda surfaces. */
export const MEETING_ACTIONS = {
  /** "Log a meeting" on an App Home match card; value = match id. */
  log: "meeting_log_open",
  /** "Set agenda" on the agenda-prompt DM and the App Home; value = match id. */
  setAgenda: "agenda_set_open",
} as const;

export const MEETING_CALLBACKS = {
  /** Step 1 when the person has several active matches: which one. */
  pick: "meeting_pick_submit",
  log: "meeting_log_submit",
  agenda: "agenda_submit",
  /** The "saved" confirmation (no submit). */
  done: "meeting_done",
} as const;

/** Block ids of the modal fields; every input uses action id VALUE. */
export const MEETING_BLOCKS = {
  match: "match",
  date: "date",
  agenda: "agenda",
  notes: "notes",
  nextSteps: "next_steps",
} as const;

/** One optional progress-note input per active goal of the trainee. */
export const PROGRESS_BLOCK_PREFIX = "progress_";
export const progressBlock = (goalId: string) => `${PROGRESS_BLOCK_PREFIX}${goalId}`;

export const VALUE = "value";
