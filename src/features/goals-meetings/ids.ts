/** Block Kit ids of the goals surfaces. */
export const GOAL_ACTIONS = {
  /** Opens the goals modal (App Home). */
  open: "goals_open",
  /** "Add a goal" inside the goals modal: pushes the add modal. */
  add: "goal_add",
  /** A goal's overflow menu (a done goal: a button); values are `<change>:<goalId>` (done, park, activate, note). */
  menu: "goal_menu",
  /** A mentor's "Add progress note" on a mentee's goal; value = goal id. */
  note: "goal_note",
} as const;

export const GOAL_CALLBACKS = {
  list: "goals_list",
  add: "goal_add_submit",
  park: "goal_park_submit",
  note: "goal_note_submit",
} as const;

export const GOAL_BLOCKS = { text: "goal_text", park: "park", note: "note" } as const;
export const VALUE = "value";
