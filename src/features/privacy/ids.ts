import { action, idsOf, view } from "../../slack/interaction/ids.js";

/** "Your data in Rounds": the button that opens it (App Home) and the delete button inside it (behind Slack's confirm dialog). */
export const PRIVACY = {
  open: action("privacy_open"),
  delete: action("privacy_delete"),
} as const;

export const PRIVACY_ACTIONS = idsOf(PRIVACY);

/** The report modal has only Close: nothing listens for its callback id. */
export const PRIVACY_VIEWS = {
  report: view("privacy_view"),
} as const;

export const PRIVACY_CALLBACKS = idsOf(PRIVACY_VIEWS);
