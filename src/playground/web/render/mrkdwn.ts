import { decodeSlackEntities, escapeHtml, safeUrl } from "./escape.js";
import { replaceEmoji } from "./emoji.js";

/**
 * Slack mrkdwn to HTML, as Slack draws it: *bold*, _italic_, ~strike~, `code`, ```pre```, "> " quotes,
 * <url|label> links, <@U…> user, <#C…|name> channel and <!here> special mentions as pills, the three
 * entities, and emoji shortcodes. The text is escaped before any markup is added, so nothing in it
 * can become HTML.
 */

export interface MrkdwnOptions {
  /** A person's display name from their Slack id, for <@U…> mentions that carry no label. */
  names?: (id: string) => string | undefined;
}

// Private-use characters mark where an <…> token was lifted out, and stand in for formatting marks
// that are not formatting; any in the input are dropped first.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKS = "*_~`";
const LITERAL = ["\uE002", "\uE003", "\uE004", "\uE005"];
const ZWSP = "\u200B";

export function renderMrkdwn(text: string, opts: MrkdwnOptions = {}): string {
  // A mark beside a zero-width space is not formatting in Slack (Rounds fences the marks in text people typed that way).
  const clean = text
    .replace(/[\uE000-\uE005]/g, "")
    .replace(new RegExp(`${ZWSP}([*_~\`])|([*_~\`])${ZWSP}`, "g"), (whole, before?: string, after?: string) =>
      before ? ZWSP + LITERAL[MARKS.indexOf(before)] : LITERAL[MARKS.indexOf(after ?? "")] + ZWSP,
    );
  const parts = clean.split(/```([\s\S]*?)```/);
  const html = parts
    .map((part, i) => (i % 2 === 1 ? `<pre class="bk-pre">${tokens(part.replace(/^\n/, ""), opts, false, true)}</pre>` : paragraphs(part, opts)))
    .join("");
  return html.replace(/[\uE002-\uE005]/g, (c) => MARKS[LITERAL.indexOf(c)] ?? "");
}

/** Lines, with runs of lines that start with ">" drawn as one quote. */
function paragraphs(text: string, opts: MrkdwnOptions): string {
  if (text === "") return "";
  const out: string[] = [];
  let quote: string[] = [];
  let plain: string[] = [];
  const flushPlain = () => {
    if (plain.length) out.push(plain.map((l) => inline(l, opts)).join("<br>"));
    plain = [];
  };
  const flushQuote = () => {
    if (quote.length) out.push(`<blockquote class="bk-quote">${quote.map((l) => inline(l, opts)).join("<br>")}</blockquote>`);
    quote = [];
  };
  for (const line of text.split("\n")) {
    const q = /^>\s?(.*)$/.exec(line);
    if (q) {
      flushPlain();
      quote.push(q[1] ?? "");
    } else {
      flushQuote();
      plain.push(line);
    }
  }
  flushPlain();
  flushQuote();
  return out.join("");
}

/** One line: `code` spans are literal; the rest is formatted. */
function inline(line: string, opts: MrkdwnOptions): string {
  return line
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? `<code class="bk-code">${tokens(part, opts, false)}</code>` : tokens(part, opts, true)))
    .join("");
}

/** Lifts out <…> tokens, escapes what is left, formats it (unless in code), and puts the tokens back as links and pills. */
function tokens(text: string, opts: MrkdwnOptions, format: boolean, pre = false): string {
  const lifted: string[] = [];
  const marked = text.replace(/<([^<>\n]+)>/g, (_, inner: string) => {
    lifted.push(token(inner, opts));
    return `${OPEN}${lifted.length - 1}${CLOSE}`;
  });
  let html = escapeHtml(decodeSlackEntities(marked));
  if (!pre) html = html.replace(/\n/g, "<br>");
  if (format) html = emphasis(replaceEmoji(html));
  return html.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g"), (_, i: string) => lifted[Number(i)] ?? "");
}

/** Slack's emphasis: the markers must open after a non-word character and close before one, around non-blank text. */
function emphasis(html: string): string {
  const mark = (marker: string, tag: string) => {
    const m = marker === "*" ? "\\*" : marker;
    const re = new RegExp(`(^|[^\\w${m}])${m}(?=\\S)([^${m}\\n]*?[^\\s${m}])${m}(?![\\w${m}])`, "g");
    return (s: string) => s.replace(re, `$1<${tag}>$2</${tag}>`);
  };
  return mark("~", "s")(mark("_", "em")(mark("*", "strong")(html)));
}

/** A pill for a mention, a link, or (for anything else) the text as typed. */
function token(inner: string, opts: MrkdwnOptions): string {
  const [target = "", ...rest] = inner.split("|");
  const label = rest.length ? decodeSlackEntities(rest.join("|")) : undefined;
  if (target.startsWith("@")) {
    const id = target.slice(1);
    const name = opts.names?.(id) ?? label ?? id;
    return `<span class="bk-mention bk-mention-user" data-user-id="${escapeHtml(id)}">@${escapeHtml(name.replace(/^@/, ""))}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    return `<span class="bk-mention bk-mention-channel" data-channel-id="${escapeHtml(id)}">#${escapeHtml((label ?? id).replace(/^#/, ""))}</span>`;
  }
  if (target.startsWith("!")) {
    const command = target.slice(1);
    if (["here", "channel", "everyone"].includes(command)) return `<span class="bk-mention bk-mention-special">@${command}</span>`;
    if (command.startsWith("subteam^")) return `<span class="bk-mention bk-mention-special">${escapeHtml(label ?? "@group")}</span>`;
    return escapeHtml(label ?? `<${inner}>`);
  }
  const url = safeUrl(decodeSlackEntities(target));
  if (url) return `<a class="bk-link" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(replaceEmoji(label ?? url))}</a>`;
  return escapeHtml(`<${decodeSlackEntities(inner)}>`);
}
