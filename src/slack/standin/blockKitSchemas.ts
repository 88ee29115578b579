import { z } from "zod";

/**
 * Slack's Block Kit, as zod schemas: every block and element type Rounds emits (and a few neighbours),
 * with the fields Slack requires, the fields it allows (any other field is refused, as Slack refuses
 * "invalid additional property"), and the documented limits. Rules that span fields (initial options
 * among the options, min ≤ max, no two action_ids alike in a block) are refinements here; rules that
 * span a whole surface (block counts, block_ids, submit) live in blockKit.ts.
 *
 * Source: Slack's Block Kit reference, docs.slack.dev/reference/block-kit/… (blocks, block-elements,
 * composition-objects) and docs.slack.dev/reference/views/modal-views. A block or element type not
 * listed here is refused as "unsupported type" — Slack knows more types than this stand-in; add a
 * schema before Rounds uses one.
 */

// ── text objects ────────────────────────────────────────────────────────────────────────────────

const text = (max: number) => z.string().min(1).max(max);

/** A plain_text object: the only kind allowed in labels, headers, buttons, titles, placeholders and menus. */
export const plainText = (max: number) =>
  z.strictObject({
    type: z.literal("plain_text", { error: "must be plain_text here" }),
    text: text(max),
    emoji: z.boolean().optional(),
  });

const mrkdwn = (max: number) => z.strictObject({ type: z.literal("mrkdwn"), text: text(max), verbatim: z.boolean().optional() });

/** A text object of either kind. */
export const anyText = (max: number) => z.discriminatedUnion("type", [plainText(max), mrkdwn(max)]);

// ── composition objects ────────────────────────────────────────────────────────────────────────

const confirm = z.strictObject({
  title: plainText(100),
  text: anyText(300),
  confirm: plainText(30),
  deny: plainText(30),
  style: z.enum(["primary", "danger"]).optional(),
});

/** An option of a select, multi-select or overflow menu (plain_text only; url only in overflow menus). */
const menuOption = z.strictObject({ text: plainText(75), value: z.string().max(150), description: plainText(75).optional() });
const overflowOption = menuOption.extend({ url: z.string().max(3000).optional() });
/** An option of checkboxes or radio buttons (mrkdwn allowed). */
const choiceOption = z.strictObject({ text: anyText(75), value: z.string().max(150), description: anyText(75).optional() });
const optionGroup = z.strictObject({ label: plainText(75), options: z.array(menuOption).min(1).max(100) });

const dispatchActionConfig = z.strictObject({
  trigger_actions_on: z.array(z.enum(["on_enter_pressed", "on_character_entered"])).min(1).optional(),
});

const conversationFilter = z
  .strictObject({
    include: z.array(z.enum(["im", "mpim", "private", "public"])).min(1).optional(),
    exclude_external_shared_channels: z.boolean().optional(),
    exclude_bot_users: z.boolean().optional(),
  })
  .refine((f) => Object.values(f).some((v) => v !== undefined), { message: "must provide at least one of include, exclude_external_shared_channels, exclude_bot_users" });

// ── elements ───────────────────────────────────────────────────────────────────────────────────

const actionId = z.string().min(1).max(255).optional();
const placeholder = plainText(150).optional();
const focusOnLoad = z.boolean().optional();
const maxSelected = z.number().int().min(1).optional();

type Option = { text: { type: string; text: string }; value: string; description?: { type: string; text: string } };
type Issue = (ctx: z.core.$RefinementCtx, path: (string | number)[], message: string) => void;
const issue: Issue = (ctx, path, message) => ctx.addIssue({ code: "custom", path, message });

/** Slack wants an initial option to match one of the options exactly (text as well as value). */
const sameOption = (a: Option, b: Option) =>
  a.value === b.value && a.text.type === b.text.type && a.text.text === b.text.text && (a.description?.text ?? null) === (b.description?.text ?? null);

function initialAmong(ctx: z.core.$RefinementCtx, all: readonly Option[], initial: Option | readonly Option[] | undefined, field: string) {
  if (!initial) return;
  const list = Array.isArray(initial) ? initial : [initial as Option];
  list.forEach((o, i) => {
    if (!all.some((x) => sameOption(x, o))) issue(ctx, Array.isArray(initial) ? [field, i] : [field], `${field} must match one of the options`);
  });
}

/** The options of a static menu, whichever of options/option_groups it uses. */
const allOptions = (e: { options?: Option[]; option_groups?: { options: Option[] }[] }) => e.options ?? e.option_groups?.flatMap((g) => g.options) ?? [];

function oneOptionSource(ctx: z.core.$RefinementCtx, e: { options?: unknown; option_groups?: unknown }) {
  if (e.options === undefined && e.option_groups === undefined) issue(ctx, ["options"], "must provide either options or option_groups");
  if (e.options !== undefined && e.option_groups !== undefined) issue(ctx, ["option_groups"], "must provide only one of options and option_groups");
}

export const button = z.strictObject({
  type: z.literal("button"),
  text: plainText(75),
  action_id: actionId,
  url: z.string().min(1).max(3000).optional(),
  value: z.string().max(2000).optional(),
  style: z.enum(["primary", "danger"]).optional(),
  confirm: confirm.optional(),
  accessibility_label: z.string().min(1).max(75).optional(),
});

const overflow = z.strictObject({
  type: z.literal("overflow"),
  action_id: actionId,
  options: z.array(overflowOption).min(2).max(5),
  confirm: confirm.optional(),
});

const staticSelect = z
  .strictObject({
    type: z.literal("static_select"),
    action_id: actionId,
    options: z.array(menuOption).min(1).max(100).optional(),
    option_groups: z.array(optionGroup).min(1).max(100).optional(),
    initial_option: menuOption.optional(),
    confirm: confirm.optional(),
    focus_on_load: focusOnLoad,
    placeholder,
  })
  .superRefine((e, ctx) => {
    oneOptionSource(ctx, e);
    initialAmong(ctx, allOptions(e), e.initial_option, "initial_option");
  });

const multiStaticSelect = z
  .strictObject({
    type: z.literal("multi_static_select"),
    action_id: actionId,
    options: z.array(menuOption).min(1).max(100).optional(),
    option_groups: z.array(optionGroup).min(1).max(100).optional(),
    initial_options: z.array(menuOption).optional(),
    confirm: confirm.optional(),
    max_selected_items: maxSelected,
    focus_on_load: focusOnLoad,
    placeholder,
  })
  .superRefine((e, ctx) => {
    oneOptionSource(ctx, e);
    initialAmong(ctx, allOptions(e), e.initial_options, "initial_options");
  });

const externalSelect = z.strictObject({
  type: z.literal("external_select"),
  action_id: actionId,
  initial_option: menuOption.optional(),
  min_query_length: z.number().int().min(0).optional(),
  confirm: confirm.optional(),
  focus_on_load: focusOnLoad,
  placeholder,
});

const multiExternalSelect = z.strictObject({
  type: z.literal("multi_external_select"),
  action_id: actionId,
  initial_options: z.array(menuOption).optional(),
  min_query_length: z.number().int().min(0).optional(),
  confirm: confirm.optional(),
  max_selected_items: maxSelected,
  focus_on_load: focusOnLoad,
  placeholder,
});

const usersSelect = z.strictObject({
  type: z.literal("users_select"),
  action_id: actionId,
  initial_user: z.string().min(1).optional(),
  confirm: confirm.optional(),
  focus_on_load: focusOnLoad,
  placeholder,
});

const multiUsersSelect = z.strictObject({
  type: z.literal("multi_users_select"),
  action_id: actionId,
  initial_users: z.array(z.string().min(1)).optional(),
  confirm: confirm.optional(),
  max_selected_items: maxSelected,
  focus_on_load: focusOnLoad,
  placeholder,
});

const conversationsSelect = z.strictObject({
  type: z.literal("conversations_select"),
  action_id: actionId,
  initial_conversation: z.string().min(1).optional(),
  default_to_current_conversation: z.boolean().optional(),
  confirm: confirm.optional(),
  response_url_enabled: z.boolean().optional(),
  filter: conversationFilter.optional(),
  focus_on_load: focusOnLoad,
  placeholder,
});

const multiConversationsSelect = z.strictObject({
  type: z.literal("multi_conversations_select"),
  action_id: actionId,
  initial_conversations: z.array(z.string().min(1)).optional(),
  default_to_current_conversation: z.boolean().optional(),
  confirm: confirm.optional(),
  max_selected_items: maxSelected,
  filter: conversationFilter.optional(),
  focus_on_load: focusOnLoad,
  placeholder,
});

const channelsSelect = z.strictObject({
  type: z.literal("channels_select"),
  action_id: actionId,
  initial_channel: z.string().min(1).optional(),
  confirm: confirm.optional(),
  response_url_enabled: z.boolean().optional(),
  focus_on_load: focusOnLoad,
  placeholder,
});

const multiChannelsSelect = z.strictObject({
  type: z.literal("multi_channels_select"),
  action_id: actionId,
  initial_channels: z.array(z.string().min(1)).optional(),
  confirm: confirm.optional(),
  max_selected_items: maxSelected,
  focus_on_load: focusOnLoad,
  placeholder,
});

/** YYYY-MM-DD naming a day that exists. */
const calendarDate = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, "must be a date in the format YYYY-MM-DD");

const datepicker = z.strictObject({
  type: z.literal("datepicker"),
  action_id: actionId,
  initial_date: calendarDate.optional(),
  confirm: confirm.optional(),
  focus_on_load: focusOnLoad,
  placeholder,
});

const timepicker = z.strictObject({
  type: z.literal("timepicker"),
  action_id: actionId,
  initial_time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time in the format HH:mm").optional(),
  confirm: confirm.optional(),
  focus_on_load: focusOnLoad,
  placeholder,
  timezone: z.string().min(1).optional(),
});

const datetimepicker = z.strictObject({
  type: z.literal("datetimepicker"),
  action_id: actionId,
  initial_date_time: z.number().int().min(0).optional(),
  confirm: confirm.optional(),
  focus_on_load: focusOnLoad,
});

const checkboxes = z
  .strictObject({
    type: z.literal("checkboxes"),
    action_id: actionId,
    options: z.array(choiceOption).min(1).max(10),
    initial_options: z.array(choiceOption).optional(),
    confirm: confirm.optional(),
    focus_on_load: focusOnLoad,
  })
  .superRefine((e, ctx) => initialAmong(ctx, e.options, e.initial_options, "initial_options"));

const radioButtons = z
  .strictObject({
    type: z.literal("radio_buttons"),
    action_id: actionId,
    options: z.array(choiceOption).min(1).max(10),
    initial_option: choiceOption.optional(),
    confirm: confirm.optional(),
    focus_on_load: focusOnLoad,
  })
  .superRefine((e, ctx) => initialAmong(ctx, e.options, e.initial_option, "initial_option"));

const plainTextInput = z
  .strictObject({
    type: z.literal("plain_text_input"),
    action_id: actionId,
    initial_value: z.string().optional(),
    multiline: z.boolean().optional(),
    min_length: z.number().int().min(0).max(3000).optional(),
    max_length: z.number().int().min(1).max(3000).optional(),
    dispatch_action_config: dispatchActionConfig.optional(),
    focus_on_load: focusOnLoad,
    placeholder,
  })
  .superRefine((e, ctx) => {
    if (e.min_length !== undefined && e.max_length !== undefined && e.min_length > e.max_length) issue(ctx, ["min_length"], "min_length must be less than or equal to max_length");
    if (e.initial_value !== undefined && e.initial_value.length > (e.max_length ?? 3000)) {
      issue(ctx, ["initial_value"], `must be less than ${(e.max_length ?? 3000) + 1} characters`);
    }
  });

/**
 * number_input: Slack's reference types min_value, max_value and initial_value as strings; a number is
 * tolerated here because Slack accepted the numbers slack-block-builder sends (issue 12 reports only
 * the missing is_decimal_allowed). is_decimal_allowed is required.
 */
const numeric = z.union([z.string().regex(/^-?\d+(\.\d+)?$/, "must be a number"), z.number()]);
const numberInput = z
  .strictObject({
    type: z.literal("number_input"),
    is_decimal_allowed: z.boolean(),
    action_id: actionId,
    initial_value: numeric.optional(),
    min_value: numeric.optional(),
    max_value: numeric.optional(),
    dispatch_action_config: dispatchActionConfig.optional(),
    focus_on_load: focusOnLoad,
    placeholder,
  })
  .superRefine((e, ctx) => {
    const value = (v: string | number | undefined) => (v === undefined ? undefined : Number(v));
    const [min, max, initial] = [value(e.min_value), value(e.max_value), value(e.initial_value)];
    for (const [field, v] of [["min_value", min], ["max_value", max], ["initial_value", initial]] as const) {
      if (v !== undefined && !e.is_decimal_allowed && !Number.isInteger(v)) issue(ctx, [field], "must be a whole number when is_decimal_allowed is false");
    }
    if (min !== undefined && max !== undefined && min > max) issue(ctx, ["min_value"], "min_value cannot be greater than max_value");
    if (initial !== undefined && min !== undefined && initial < min) issue(ctx, ["initial_value"], "initial_value cannot be less than min_value");
    if (initial !== undefined && max !== undefined && initial > max) issue(ctx, ["initial_value"], "initial_value cannot be greater than max_value");
  });

const emailInput = z.strictObject({
  type: z.literal("email_text_input"),
  action_id: actionId,
  initial_value: z.string().optional(),
  dispatch_action_config: dispatchActionConfig.optional(),
  focus_on_load: focusOnLoad,
  placeholder,
});

const urlInput = emailInput.extend({ type: z.literal("url_text_input") });

const slackFile = z.strictObject({ url: z.string().min(1).optional(), id: z.string().min(1).optional() });
export const imageElement = z
  .strictObject({
    type: z.literal("image"),
    alt_text: z.string().min(1).max(2000),
    image_url: z.string().min(1).max(3000).optional(),
    slack_file: slackFile.optional(),
  })
  .superRefine((e, ctx) => {
    if ((e.image_url === undefined) === (e.slack_file === undefined)) issue(ctx, ["image_url"], "must provide exactly one of image_url or slack_file");
  });

/** Which elements each block holds (docs.slack.dev "Works with block types"). */
export const sectionAccessory = z.discriminatedUnion("type", [
  button, checkboxes, datepicker, imageElement, staticSelect, multiStaticSelect, externalSelect, multiExternalSelect, usersSelect,
  multiUsersSelect, conversationsSelect, multiConversationsSelect, channelsSelect, multiChannelsSelect, overflow, radioButtons, timepicker,
]);

export const actionsElement = z.discriminatedUnion("type", [
  button, checkboxes, datepicker, datetimepicker, staticSelect, multiStaticSelect, externalSelect, multiExternalSelect, usersSelect,
  multiUsersSelect, conversationsSelect, multiConversationsSelect, channelsSelect, multiChannelsSelect, overflow, radioButtons, timepicker,
]);

export const inputElement = z.discriminatedUnion("type", [
  checkboxes, datepicker, datetimepicker, emailInput, staticSelect, multiStaticSelect, externalSelect, multiExternalSelect, usersSelect,
  multiUsersSelect, conversationsSelect, multiConversationsSelect, channelsSelect, multiChannelsSelect, numberInput, plainTextInput,
  radioButtons, timepicker, urlInput,
]);

/** Elements only a modal may hold (docs.slack.dev "Available in surfaces"). */
export const MODAL_ONLY_ELEMENTS: ReadonlySet<string> = new Set(["number_input", "email_text_input", "url_text_input"]);

// ── blocks ─────────────────────────────────────────────────────────────────────────────────────

const blockId = z.string().min(1).max(255).optional();

const section = z
  .strictObject({
    type: z.literal("section"),
    block_id: blockId,
    text: anyText(3000).optional(),
    fields: z.array(anyText(2000)).min(1).max(10).optional(),
    accessory: sectionAccessory.optional(),
    expand: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.text === undefined && b.fields === undefined) issue(ctx, ["text"], "must define either `text` or `fields`");
  });

const header = z.strictObject({ type: z.literal("header"), block_id: blockId, text: plainText(150) });

const divider = z.strictObject({ type: z.literal("divider"), block_id: blockId });

const imageBlock = z
  .strictObject({
    type: z.literal("image"),
    block_id: blockId,
    alt_text: z.string().min(1).max(2000),
    image_url: z.string().min(1).max(3000).optional(),
    slack_file: slackFile.optional(),
    title: plainText(2000).optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.image_url === undefined) === (b.slack_file === undefined)) issue(ctx, ["image_url"], "must provide exactly one of image_url or slack_file");
  });

const context = z.strictObject({
  type: z.literal("context"),
  block_id: blockId,
  elements: z.array(z.discriminatedUnion("type", [imageElement, plainText(3000), mrkdwn(3000)])).min(1).max(10),
});

const actions = z
  .strictObject({ type: z.literal("actions"), block_id: blockId, elements: z.array(actionsElement).min(1).max(25) })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.elements.forEach((e, i) => {
      const id = "action_id" in e ? e.action_id : undefined;
      if (id === undefined) return;
      if (seen.has(id)) issue(ctx, ["elements", i, "action_id"], `duplicate action_id "${id}" in this block`);
      seen.add(id);
    });
  });

const input = z.strictObject({
  type: z.literal("input"),
  block_id: blockId,
  label: plainText(2000),
  element: inputElement,
  dispatch_action: z.boolean().optional(),
  hint: plainText(2000).optional(),
  optional: z.boolean().optional(),
});

export const block = z.discriminatedUnion("type", [section, header, divider, imageBlock, context, actions, input]);
export type Block = z.infer<typeof block>;

// ── surfaces ───────────────────────────────────────────────────────────────────────────────────

/** A modal view (docs.slack.dev/reference/views/modal-views); blocks are checked one by one. */
export const modalView = z.strictObject({
  type: z.literal("modal"),
  title: plainText(24),
  blocks: z.array(z.unknown()),
  close: plainText(24).optional(),
  submit: plainText(24).optional(),
  private_metadata: z.string().max(3000).optional(),
  callback_id: z.string().max(255).optional(),
  clear_on_close: z.boolean().optional(),
  notify_on_close: z.boolean().optional(),
  external_id: z.string().max(255).optional(),
  submit_disabled: z.boolean().optional(),
});

/** A Home tab view (docs.slack.dev/reference/views/home-tab-views). */
export const homeView = z.strictObject({
  type: z.literal("home"),
  blocks: z.array(z.unknown()),
  private_metadata: z.string().max(3000).optional(),
  callback_id: z.string().max(255).optional(),
  external_id: z.string().max(255).optional(),
});
