/**
 * `/mentoring thanks <@U123|name> message` → who and what. Slack escapes a mention in a command's
 * text as `<@U123|name>` (the command has should_escape on); a missing mention gives null.
 */
export function parseThanksText(text: string): { mentor: string | null; message: string } {
  const rest = text.trim().replace(/^thanks\b/i, "").trim();
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>\s*([\s\S]*)$/.exec(rest);
  if (!m) return { mentor: null, message: rest };
  return { mentor: m[1]!, message: m[2]!.trim() };
}
