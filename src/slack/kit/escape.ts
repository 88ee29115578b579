/** An invisible character: beside a formatting mark, Slack no longer reads the mark as formatting. */
const ZERO_WIDTH_SPACE = "\u200B";

/**
 * Escapes text a person typed before it is placed into mrkdwn, so it cannot ping, link or format:
 * `&`, `<` and `>` become entities, and each formatting mark (`*` bold, `_` italic, `~` strike,
 * a backtick for code) is fenced by zero-width spaces, since mrkdwn has no escape character. The
 * reader sees the marks as typed, and copying the text gives them back.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[*_~`]/g, (mark) => `${ZERO_WIDTH_SPACE}${mark}${ZERO_WIDTH_SPACE}`);
}

/** Cuts text a person typed to at most `max` characters (the last one "…"), before it is escaped, so no entity is cut in half. */
export function clipRaw(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Escapes text a person typed, each character written by `write` (escapeMrkdwn by default), and cuts
 * it so the result has at most `max` characters (the last one "…"): whole characters only, so an
 * entity (&amp;) is never cut in half.
 */
export function escapeClipped(text: string, max: number, write: (ch: string) => string = escapeMrkdwn): string {
  const whole = [...text].map(write);
  if (whole.join("").length <= max) return whole.join("");
  let out = "";
  for (const piece of whole) {
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}
