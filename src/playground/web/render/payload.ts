import { chips } from "./elements.js";
import { STATEFUL_TYPES } from "./types.js";

/**
 * What Slack sends back from a rendered surface: the actions[0] object of a block_actions payload for
 * the element a person clicked or changed, and a modal's view.state on submit. Both read the DOM the
 * renderer drew (data-type, data-action-id, data-block-id, and each option's data-option).
 */

type Json = Record<string, unknown>;

const parse = (text: string | null | undefined): unknown => (text ? JSON.parse(text) : undefined);
const rootOf = (el: HTMLElement): HTMLElement => {
  const root = el.closest<HTMLElement>("[data-type]");
  if (!root) throw new Error("actionPayload: the element is not inside a Block Kit element");
  return root;
};
const optionOf = (el: Element | null | undefined): unknown => parse(el?.getAttribute("data-option"));
const checked = (root: HTMLElement): HTMLInputElement[] => Array.from(root.querySelectorAll<HTMLInputElement>("input[data-option]")).filter((i) => i.checked);
function chosenOption(select: HTMLSelectElement): HTMLOptionElement | undefined {
  const option = Array.from(select.options).find((o) => o.selected);
  return option && option.value !== "" && option.hasAttribute("data-option") ? option : undefined;
}
const fieldValue = (root: HTMLElement): string => (root as HTMLInputElement).value ?? "";

/** The state fields of a stateful element, as Slack puts them in view.state.values and in actions. */
function state(root: HTMLElement): Json {
  const type = root.dataset.type ?? "";
  switch (type) {
    case "plain_text_input":
    case "number_input":
    case "email_text_input":
    case "url_text_input":
      return { value: fieldValue(root) === "" ? null : fieldValue(root) };
    case "static_select":
      return { selected_option: optionOf(chosenOption(root as HTMLSelectElement)) ?? null };
    case "users_select":
      return { selected_user: chosenOption(root as HTMLSelectElement)?.value ?? null };
    case "conversations_select":
      return { selected_conversation: chosenOption(root as HTMLSelectElement)?.value ?? null };
    case "channels_select":
      return { selected_channel: chosenOption(root as HTMLSelectElement)?.value ?? null };
    case "multi_static_select":
      return { selected_options: checked(root).map(optionOf) };
    case "multi_users_select":
      return { selected_users: checked(root).map((i) => i.value) };
    case "multi_conversations_select":
      return { selected_conversations: checked(root).map((i) => i.value) };
    case "multi_channels_select":
      return { selected_channels: checked(root).map((i) => i.value) };
    case "checkboxes":
      return { selected_options: checked(root).map(optionOf) };
    case "radio_buttons":
      return { selected_option: optionOf(checked(root)[0]) ?? null };
    case "datepicker":
      return { selected_date: fieldValue(root) || null };
    case "timepicker":
      return { selected_time: fieldValue(root) || null, ...(root.dataset.timezone ? { timezone: root.dataset.timezone } : {}) };
    default:
      return {};
  }
}

/** Slack's action_ts: seconds since the epoch with microseconds, as a string. */
const actionTs = (): string => (Date.now() / 1000).toFixed(6);

/**
 * The block_actions actions[0] object for the element a person clicked or changed: `el` is the element
 * itself or anything inside it (for an overflow menu, the option that was picked).
 */
export function actionPayload(el: HTMLElement): object {
  const root = rootOf(el);
  const type = root.dataset.type ?? "";
  const base: Json = { type, action_id: root.dataset.actionId, block_id: root.dataset.blockId };
  if (type === "button") {
    const action: Json = { ...base, text: parse(root.dataset.text) };
    if (root.hasAttribute("data-value")) action.value = root.dataset.value;
    if (root.dataset.style) action.style = root.dataset.style;
    if (root.dataset.url) action.url = root.dataset.url;
    return { ...action, action_ts: actionTs() };
  }
  if (type === "overflow") {
    const option = el.closest("[data-option]");
    if (!option) throw new Error("actionPayload: an overflow action needs the option that was picked");
    return { ...base, selected_option: optionOf(option), action_ts: actionTs() };
  }
  const placeholder = parse(root.dataset.placeholder);
  return { ...base, ...state(root), ...(placeholder ? { placeholder } : {}), action_ts: actionTs() };
}

/** A modal's view.state as Slack sends it on view_submission: every stateful element, by block_id then action_id. */
export function viewState(root: HTMLElement): { values: Record<string, Record<string, Json>> } {
  const values: Record<string, Record<string, Json>> = {};
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-type]"))) {
    const type = el.dataset.type ?? "";
    const blockId = el.dataset.blockId;
    const actionId = el.dataset.actionId;
    if (!STATEFUL_TYPES.has(type) || blockId === undefined || actionId === undefined) continue;
    (values[blockId] ??= {})[actionId] = { type, ...state(el) };
  }
  return { values };
}

/** Redraws each multi-select's chips from its ticked options; call after a person changes one. */
export function refreshMultiSelects(root: HTMLElement): void {
  for (const multi of Array.from(root.querySelectorAll<HTMLElement>(".bk-multiselect"))) {
    const summary = multi.querySelector("summary");
    if (!summary) continue;
    const placeholder = (parse(multi.dataset.placeholder) as { text?: string } | undefined)?.text ?? "Select items";
    summary.innerHTML = chips(checked(multi).map((i) => i.dataset.label ?? i.value), placeholder);
  }
}
