import { INFO_MODAL } from "../../slack/kit/message.js";

/**
 * Block Kit ids of the profile, availability, exclusions and privacy surfaces. The App Home may
 * put buttons with the entry-point action ids on it; they arrive as block_actions.
 */
export const PROFILE_ACTIONS = {
  /** Opens the profile modal. */
  edit: "profile_edit",
  /** Opens the pause modal (date optional). */
  pause: "availability_pause",
  /** Resumes at once. */
  resume: "availability_resume",
  /** Opens "your data in Rounds" with the delete button. */
  privacy: "privacy_open",
  /** Opens the confidential exclusions modal. */
  exclusions: "exclusions_open",
  /** The danger button in the privacy modal (behind a confirm dialog). */
  privacyDelete: "privacy_delete",
} as const;

export const PROFILE_CALLBACKS = {
  profile: "profile_save",
  pause: "availability_pause_save",
  exclusions: "exclusions_save",
  privacy: "privacy_view",
  info: INFO_MODAL,
} as const;

/** Every input element in these modals uses this action id; the block id names the field. */
export const VALUE = "value";

export const PAUSE_BLOCK = "pause_until";
export const EXCLUSIONS_BLOCK = "excluded";
export const GOAL_BLOCKS = ["goal_1", "goal_2"] as const;
export const suggestedBlock = (field: "interests" | "expertise") => `${field}_suggested`;
