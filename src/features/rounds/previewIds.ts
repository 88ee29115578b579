/** Block Kit ids of a pairing round's preview (the director's message and its modals). */
export const PREVIEW_ACTIONS = {
  /** Buttons on the preview message; value = run id (Approve: "run id:proposal version", see RoundLabel.version). */
  swap: "round_preview_swap",
  drop: "round_preview_drop",
  rerun: "round_preview_rerun",
  approve: "round_preview_approve",
  discard: "round_preview_discard",
} as const;

export const PREVIEW_CALLBACKS = {
  swap: "round_preview_swap_submit",
  drop: "round_preview_drop_submit",
} as const;

/** Block ids of the modal fields; every input uses action id VALUE. */
export const PREVIEW_BLOCKS = { pair: "pair", otherPair: "other_pair", mentor: "mentor", target: "target" } as const;
export const PREVIEW_VALUE = "value";
