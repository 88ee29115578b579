/**
 * Block Kit as a person reads it, in plain text: for docs/messages.md. Headers, sections (with
 * their fields and accessory), context, buttons as [Button], inputs with their label, hint and
 * options, and a modal's title and buttons. Mentions become @Name, entities are decoded and the
 * invisible fences of escaped text (src/slack/kit/escape.ts) are dropped.
 */

type Json = Record<string, unknown>;

/** Options shown for a select before "…and N more". */
const OPTIONS_SHOWN = 8;

export interface Surface {
  text?: string;
  blocks?: readonly unknown[];
  type?: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
}

const str = (x: unknown): string => (typeof x === "string" ? x : "");
const textOf = (t: unknown): string => (typeof t === "string" ? t : str((t as Json | undefined)?.text));

export function readable(s: string, names: ReadonlyMap<string, string>): string {
  return s
    .replace(/\u200B/g, "")
    .replace(/<@([A-Z0-9]+)>/g, (_m, id: string) => `@${names.get(id) ?? id}`)
    .replace(/<#([A-Z0-9]+)(\|[^>]*)?>/g, (_m, id: string) => `#${names.get(id) ?? id}`)
    .replace(/<!(here|channel|everyone)>/g, "@$1")
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function optionList(element: Json): string {
  const groups = (element.option_groups as Json[] | undefined) ?? [];
  const options = [...((element.options as Json[] | undefined) ?? []), ...groups.flatMap((g) => (g.options as Json[]) ?? [])];
  if (options.length === 0) return "";
  const shown = options.slice(0, OPTIONS_SHOWN).map((o) => textOf(o.text));
  const more = options.length > OPTIONS_SHOWN ? ` | …and ${options.length - OPTIONS_SHOWN} more` : "";
  return ` (${shown.join(" | ")}${more})`;
}

function initial(element: Json): string {
  const one = element.initial_option as Json | undefined;
  const many = element.initial_options as Json[] | undefined;
  const chosen = one ? [textOf(one.text)] : (many ?? []).map((o) => textOf(o.text));
  const value = element.initial_value ?? element.initial_date ?? element.initial_time;
  const users = (element.initial_users as string[] | undefined) ?? (element.initial_user ? [String(element.initial_user)] : []);
  const conversation = element.initial_conversation ?? element.initial_channel;
  const parts = [...chosen, ...(value !== undefined ? [String(value)] : []), ...users.map((u) => `<@${u}>`), ...(conversation ? [`<#${String(conversation)}>`] : [])];
  return parts.length ? ` = ${parts.join(", ")}` : "";
}

/** One interactive element, in brackets. */
function element(e: Json): string {
  const type = str(e.type);
  const confirm = e.confirm ? ` (asks first: “${textOf((e.confirm as Json).title)}”)` : "";
  switch (type) {
    case "button":
      return `[${textOf(e.text)}]${confirm}`;
    case "overflow":
      return `[⋯${optionList(e)}]`;
    case "image":
      return `(image: ${str(e.alt_text)})`;
    case "mrkdwn":
    case "plain_text":
      return textOf(e);
    default: {
      const placeholder = textOf(e.placeholder);
      const kind = type.replace(/_/g, " ");
      const multiline = e.multiline ? ", several lines" : "";
      return `[${kind}${multiline}${placeholder ? `: ${placeholder}` : ""}${initial(e)}]${optionList(e)}${confirm}`;
    }
  }
}

function block(b: Json, names: ReadonlyMap<string, string>): string[] {
  const r = (s: string) => readable(s, names);
  switch (str(b.type)) {
    case "header":
      return ["", `== ${r(textOf(b.text))} ==`];
    case "section": {
      const lines = [r(textOf(b.text))];
      for (const f of (b.fields as Json[] | undefined) ?? []) lines.push(`  ${r(textOf(f))}`);
      if (b.accessory) lines.push(`  ${r(element(b.accessory as Json))}`);
      return lines.filter((l) => l !== "");
    }
    case "context":
      return [`  ${((b.elements as Json[] | undefined) ?? []).map((e) => r(element(e))).join(" ")}`];
    case "actions":
      return [((b.elements as Json[] | undefined) ?? []).map((e) => r(element(e))).join(" ")];
    case "divider":
      return ["――――――――――――――――――――"];
    case "input": {
      const optional = b.optional ? " (optional)" : "";
      const lines = [`${r(textOf(b.label))}${optional}`, `  ${r(element(b.element as Json))}`];
      if (b.hint) lines.push(`  ${r(textOf(b.hint))}`);
      return lines;
    }
    case "image":
      return [`(image: ${str(b.alt_text)})`];
    default:
      return [`(${str(b.type)})`];
  }
}

/** A message, modal or Home tab as text. */
export function surfaceText(s: Surface, names: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  if (s.type === "modal") lines.push(`┌ ${textOf(s.title)} ┐`);
  if (s.type === "home") lines.push("┌ Home tab ┐");
  const blocks = (s.blocks ?? []) as Json[];
  if (blocks.length === 0 && s.text) lines.push(readable(s.text, names));
  for (const b of blocks) lines.push(...block(b, names));
  if (s.type === "modal") {
    const buttons = [s.close ? `[${textOf(s.close)}]` : "", s.submit ? `[${textOf(s.submit)}]` : ""].filter(Boolean);
    if (buttons.length) lines.push("", buttons.join(" "));
  }
  // A message's text is what its notification says; shown when it is not just the message's first line.
  const notification = s.text ? readable(s.text, names) : "";
  const first = lines.find((l) => l.trim() !== "") ?? "";
  if (s.type !== "modal" && s.type !== "home" && blocks.length && notification && !first.startsWith(notification)) lines.push("", `(notification: ${notification})`);
  return lines.join("\n").replace(/^\n+/, "").trimEnd();
}
