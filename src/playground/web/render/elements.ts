import { attr, escapeHtml, jsonAttr, safeUrl } from "./escape.js";
import { contentId, domId } from "./ids.js";
import { asSlackSendsIt, isText, plainOf, renderText } from "./text.js";
import type { Choice, Element, OptionObject, RenderOptions } from "./types.js";

/**
 * Block Kit elements as HTML. Each interactive element's outermost tag carries data-type (the Slack
 * element type), data-action-id, data-block-id, and data-confirm when it has a confirm dialog; options
 * carry their Slack option object in data-option, so payload.ts can send back exactly what Slack would.
 */

export interface ElementContext {
  blockId: string;
  index: number;
  opts: RenderOptions;
  /** In an input block: the label's id, for aria-labelledby, and the id the label's `for` points at. */
  labelId?: string;
  controlId?: string;
  /** The input block's dispatch_action: Enter (or a choice) sends a block_actions payload. */
  dispatch?: boolean;
}

export function renderElement(element: unknown, ctx: ElementContext): string {
  const e = element as Element;
  if (typeof e !== "object" || e === null || typeof e.type !== "string") return unsupported("element", "unknown");
  const render = RENDERERS[e.type];
  return render ? render(e, ctx) : unsupported("element", e.type);
}

export const unsupported = (what: string, type: string): string =>
  `<span class="bk-unsupported" role="note">This ${escapeHtml(what)} type isn’t shown in the Playground: ${escapeHtml(type)}</span>`;

/** The attributes every interactive element's root carries. */
function root(e: Element, ctx: ElementContext, extra = ""): string {
  const actionId = typeof e.action_id === "string" ? e.action_id : contentId(e, ctx.index);
  return (
    ` data-type="${escapeHtml(e.type)}"` +
    attr("data-action-id", actionId) +
    attr("data-block-id", ctx.blockId) +
    (e.confirm ? jsonAttr("data-confirm", e.confirm) : "") +
    (isText(e.placeholder) ? jsonAttr("data-placeholder", asSlackSendsIt(e.placeholder)) : "") +
    (ctx.dispatch ? ` data-dispatch="true"` : "") +
    attr("aria-labelledby", ctx.labelId) +
    extra
  );
}

const placeholderText = (e: Element, fallback: string): string => (isText(e.placeholder) ? plainOf(e.placeholder) : fallback);
const options = (value: unknown): OptionObject[] => (Array.isArray(value) ? (value as OptionObject[]) : []);
const sameOption = (a: OptionObject, b: OptionObject | undefined) => b !== undefined && a.value === b.value && plainOf(a.text) === plainOf(b.text);
/** The option object as Slack echoes it back in payloads. */
const slackOption = (o: OptionObject): OptionObject => {
  const out: OptionObject = { text: asSlackSendsIt(o.text), value: o.value };
  if (isText(o.description)) out.description = asSlackSendsIt(o.description);
  if (typeof o.url === "string") out.url = o.url;
  return out;
};

type Renderer = (e: Element, ctx: ElementContext) => string;

const button: Renderer = (e, ctx) => {
  const style = e.style === "primary" || e.style === "danger" ? e.style : undefined;
  const url = typeof e.url === "string" ? safeUrl(e.url) : undefined;
  return (
    `<button type="button" class="bk-button${style ? ` bk-button-${style}` : ""}"` +
    root(e, ctx) +
    attr("data-value", typeof e.value === "string" ? e.value : undefined) +
    (isText(e.text) ? jsonAttr("data-text", asSlackSendsIt(e.text)) : "") +
    attr("data-style", style) +
    attr("data-url", url) +
    attr("aria-label", typeof e.accessibility_label === "string" ? e.accessibility_label : undefined) +
    `>${renderText(e.text, ctx.opts)}</button>`
  );
};

const overflow: Renderer = (e, ctx) =>
  `<details class="bk-overflow"${root(e, ctx)}><summary class="bk-overflow-toggle" aria-label="More actions">⋯</summary><div class="bk-menu" role="menu">` +
  options(e.options)
    .map((o) => `<button type="button" class="bk-menu-item" role="menuitem"${attr("data-value", o.value)}${jsonAttr("data-option", slackOption(o))}>${renderText(o.text, ctx.opts)}</button>`)
    .join("") +
  `</div></details>`;

/** A native <select> with a hidden placeholder choice, shown until something is picked. */
function select(e: Element, ctx: ElementContext, items: { label: string; value: string; option: unknown; selected: boolean; group?: string }[]): string {
  const none = !items.some((i) => i.selected);
  let html = `<select class="bk-select"${root(e, ctx)}${attr("id", ctx.controlId)}><option value="" disabled hidden${none ? " selected" : ""}>${escapeHtml(placeholderText(e, "Select an item"))}</option>`;
  let group: string | undefined;
  for (const item of items) {
    if (item.group !== group) {
      if (group !== undefined) html += "</optgroup>";
      if (item.group !== undefined) html += `<optgroup label="${escapeHtml(item.group)}">`;
      group = item.group;
    }
    html += `<option value="${escapeHtml(item.value)}"${jsonAttr("data-option", item.option)}${item.selected ? " selected" : ""}>${escapeHtml(item.label)}</option>`;
  }
  if (group !== undefined) html += "</optgroup>";
  return html + "</select>";
}

/** A menu of checkboxes under a summary that shows the picks as chips, as Slack's multi-selects do. */
function multiSelect(e: Element, ctx: ElementContext, items: { label: string; value: string; option: unknown; selected: boolean; group?: string }[]): string {
  const chosen = items.filter((i) => i.selected);
  const max = typeof e.max_selected_items === "number" ? e.max_selected_items : undefined;
  let menu = "";
  let group: string | undefined;
  for (const item of items) {
    if (item.group !== undefined && item.group !== group) menu += `<div class="bk-menu-group">${escapeHtml(item.group)}</div>`;
    group = item.group;
    menu +=
      `<label class="bk-menu-item"><input type="checkbox" value="${escapeHtml(item.value)}"${jsonAttr("data-option", item.option)}${attr("data-label", item.label)}${item.selected ? " checked" : ""}>` +
      `<span>${escapeHtml(item.label)}</span></label>`;
  }
  return (
    `<div class="bk-multiselect"${root(e, ctx, attr("data-max-selected", max))}><details><summary class="bk-select">` +
    chips(chosen.map((c) => c.label), placeholderText(e, "Select items")) +
    `</summary><div class="bk-menu">${menu}</div></details></div>`
  );
}

/** The summary of a multi-select: one chip per pick, or the placeholder. */
export function chips(labels: string[], placeholder: string): string {
  return labels.length
    ? `<span class="bk-chips">${labels.map((l) => `<span class="bk-chip">${escapeHtml(l)}</span>`).join("")}</span>`
    : `<span class="bk-placeholder">${escapeHtml(placeholder)}</span>`;
}

function staticItems(e: Element, initial: OptionObject[]) {
  const item = (o: OptionObject, group?: string) => ({ label: plainOf(o.text), value: o.value, option: slackOption(o), selected: initial.some((i) => sameOption(o, i)), group });
  if (Array.isArray(e.option_groups)) {
    return (e.option_groups as { label: unknown; options: OptionObject[] }[]).flatMap((g) => options(g.options).map((o) => item(o, plainOf(g.label))));
  }
  return options(e.options).map((o) => item(o));
}

function choiceItems(choices: Choice[] | undefined, initial: string[], prefix = "") {
  const list = [...(choices ?? [])];
  for (const id of initial) if (!list.some((c) => c.id === id)) list.push({ id, name: id });
  return list.map((c) => ({ label: `${prefix}${c.name}`, value: c.id, option: c.id, selected: initial.includes(c.id) }));
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const one = (value: unknown): string[] => (typeof value === "string" ? [value] : []);

const choices: Renderer = (e, ctx) => {
  const radio = e.type === "radio_buttons";
  const initial = radio ? (e.initial_option ? [e.initial_option as OptionObject] : []) : options(e.initial_options);
  const name = domId("choice");
  return (
    `<div class="bk-choices" role="${radio ? "radiogroup" : "group"}"${root(e, ctx)}>` +
    options(e.options)
      .map(
        (o) =>
          `<label class="bk-choice"><input type="${radio ? "radio" : "checkbox"}"${radio ? ` name="${name}"` : ""} value="${escapeHtml(o.value)}"${jsonAttr("data-option", slackOption(o))}${initial.some((i) => sameOption(o, i)) ? " checked" : ""}>` +
          `<span class="bk-choice-text">${renderText(o.text, ctx.opts)}${isText(o.description) ? `<span class="bk-choice-description">${renderText(o.description, ctx.opts)}</span>` : ""}</span></label>`,
      )
      .join("") +
    `</div>`
  );
};

const textInput: Renderer = (e, ctx) => {
  const initial = e.initial_value === undefined || e.initial_value === null ? undefined : String(e.initial_value);
  const common = root(e, ctx) + attr("id", ctx.controlId) + attr("placeholder", isText(e.placeholder) ? plainOf(e.placeholder) : undefined);
  if (e.type === "plain_text_input") {
    const lengths = attr("minlength", typeof e.min_length === "number" ? e.min_length : undefined) + attr("maxlength", typeof e.max_length === "number" ? e.max_length : undefined);
    if (e.multiline === true) return `<textarea class="bk-text-input bk-multiline" rows="4"${common}${lengths}>${escapeHtml(initial ?? "")}</textarea>`;
    return `<input type="text" class="bk-text-input"${common}${lengths}${attr("value", initial)}>`;
  }
  if (e.type === "number_input") {
    const decimal = e.is_decimal_allowed === true;
    const bound = (v: unknown) => (typeof v === "number" || typeof v === "string" ? String(v) : undefined);
    return `<input type="number" inputmode="${decimal ? "decimal" : "numeric"}" class="bk-text-input bk-number" step="${decimal ? "any" : "1"}" data-decimal="${decimal}"${common}${attr("min", bound(e.min_value))}${attr("max", bound(e.max_value))}${attr("value", initial)}>`;
  }
  return `<input type="${e.type === "email_text_input" ? "email" : "url"}" class="bk-text-input"${common}${attr("value", initial)}>`;
};

const picker: Renderer = (e, ctx) => {
  const date = e.type === "datepicker";
  const initial = date ? e.initial_date : e.initial_time;
  return `<input type="${date ? "date" : "time"}" class="bk-picker"${root(e, ctx)}${attr("id", ctx.controlId)}${attr("placeholder", placeholderText(e, date ? "Select a date" : "Select time"))}${attr("value", typeof initial === "string" ? initial : undefined)}${attr("data-timezone", typeof e.timezone === "string" ? e.timezone : undefined)}>`;
};

export function renderImageElement(e: Element, className: string): string {
  const url = typeof e.image_url === "string" ? safeUrl(e.image_url) : slackFileUrl(e.slack_file);
  const alt = typeof e.alt_text === "string" ? e.alt_text : "";
  return url ? `<img class="${className}" src="${escapeHtml(url)}" alt="${escapeHtml(alt)}" loading="lazy">` : `<span class="${className} bk-image-missing" role="img" aria-label="${escapeHtml(alt)}"></span>`;
}

function slackFileUrl(file: unknown): string | undefined {
  const f = file as { url?: unknown } | undefined;
  return typeof f?.url === "string" ? safeUrl(f.url) : undefined;
}

const RENDERERS: Record<string, Renderer> = {
  button,
  overflow,
  static_select: (e, ctx) => select(e, ctx, staticItems(e, e.initial_option ? [e.initial_option as OptionObject] : [])),
  multi_static_select: (e, ctx) => multiSelect(e, ctx, staticItems(e, options(e.initial_options))),
  users_select: (e, ctx) => select(e, ctx, choiceItems(ctx.opts.people, one(e.initial_user))),
  multi_users_select: (e, ctx) => multiSelect(e, ctx, choiceItems(ctx.opts.people, ids(e.initial_users))),
  conversations_select: (e, ctx) => select(e, ctx, choiceItems(ctx.opts.conversations, one(e.initial_conversation), "#")),
  multi_conversations_select: (e, ctx) => multiSelect(e, ctx, choiceItems(ctx.opts.conversations, ids(e.initial_conversations), "#")),
  channels_select: (e, ctx) => select(e, ctx, choiceItems(ctx.opts.conversations, one(e.initial_channel), "#")),
  multi_channels_select: (e, ctx) => multiSelect(e, ctx, choiceItems(ctx.opts.conversations, ids(e.initial_channels), "#")),
  datepicker: picker,
  timepicker: picker,
  checkboxes: choices,
  radio_buttons: choices,
  plain_text_input: textInput,
  number_input: textInput,
  email_text_input: textInput,
  url_text_input: textInput,
  image: (e) => renderImageElement(e, "bk-image-element"),
};
