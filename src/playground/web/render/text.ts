import { escapeHtml } from "./escape.js";
import { replaceEmoji } from "./emoji.js";
import { renderMrkdwn } from "./mrkdwn.js";
import type { RenderOptions, TextObject } from "./types.js";

/** A text object as Slack shows it: plain_text escaped (with emoji unless turned off), mrkdwn formatted. */
export function renderText(text: unknown, opts: RenderOptions = {}): string {
  if (!isText(text)) return "";
  if (text.type === "mrkdwn") return renderMrkdwn(text.text, { names: namesOf(opts) });
  const escaped = escapeHtml(text.text).replace(/\n/g, "<br>");
  return text.emoji === false ? escaped : replaceEmoji(escaped);
}

/** The words of a plain_text object, for attributes and option labels. */
export const plainOf = (text: unknown): string => (isText(text) ? text.text : "");

export function isText(value: unknown): value is TextObject {
  const t = value as TextObject | null;
  return typeof t === "object" && t !== null && (t.type === "plain_text" || t.type === "mrkdwn") && typeof t.text === "string";
}

/** Slack adds emoji: true to plain_text (and verbatim: false to mrkdwn) in the payloads it sends back. */
export function asSlackSendsIt(text: TextObject): TextObject {
  return text.type === "plain_text" ? { ...text, emoji: text.emoji ?? true } : { ...text, verbatim: text.verbatim ?? false };
}

/** How mentions are named: the caller's lookup, else the people list. */
export function namesOf(opts: RenderOptions): ((id: string) => string | undefined) | undefined {
  if (opts.names) return opts.names;
  const people = opts.people;
  if (!people) return undefined;
  return (id) => people.find((p) => p.id === id)?.name;
}
