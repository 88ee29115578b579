/**
 * The Block Kit shapes the renderer reads. Payloads arrive as JSON from the Slack stand-in (which has
 * already checked them against Slack's rules), so these are read loosely: a missing field is drawn as
 * absent, never trusted as markup.
 */

export interface TextObject {
  type: "plain_text" | "mrkdwn";
  text: string;
  emoji?: boolean;
  verbatim?: boolean;
}

export interface OptionObject {
  text: TextObject;
  value: string;
  description?: TextObject;
  url?: string;
}

export interface ConfirmObject {
  title: TextObject;
  text: TextObject;
  confirm: TextObject;
  deny: TextObject;
  style?: "primary" | "danger";
}

/** A person or a conversation a user/conversation select can offer. */
export interface Choice {
  id: string;
  name: string;
}

export interface RenderOptions {
  surface?: "message" | "modal" | "home";
  /** Inline errors from response_action "errors", by block_id. */
  errors?: Record<string, string>;
  /** Who users_select and multi_users_select offer, and how <@U…> mentions are named. */
  people?: Choice[];
  /** What conversations_select offers. */
  conversations?: Choice[];
  /** Display names for mentions; defaults to looking people up in `people`. */
  names?: (id: string) => string | undefined;
}

export type Element = Record<string, unknown> & { type: string; action_id?: string };
export type Block = Record<string, unknown> & { type: string; block_id?: string };

/** Block Kit element types whose value Slack keeps in view.state. */
export const STATEFUL_TYPES: ReadonlySet<string> = new Set([
  "plain_text_input",
  "number_input",
  "email_text_input",
  "url_text_input",
  "static_select",
  "multi_static_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
  "datepicker",
  "timepicker",
  "checkboxes",
  "radio_buttons",
]);
