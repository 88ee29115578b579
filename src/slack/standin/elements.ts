import { z } from "zod";
import { anyText, choiceOption, confirm, conversationFilter, dispatchActionConfig, issue, menuOption, optionGroup, overflowOption, plainText } from "./compositionObjects.js";

/**
 * Block Kit's block elements as zod schemas (docs.slack.dev/reference/block-kit/block-elements): the
 * fields Slack requires and allows and their limits, with the rules that span fields (initial
 * options among the options, min ≤ max) as refinements; and which elements each block holds.
 */

const actionId = z.string().min(1).max(255).optional();
const placeholder = plainText(150).optional();
const focusOnLoad = z.boolean().optional();
const maxSelected = z.number().int().min(1).optional();
/** Fields every select menu, picker and choice element has. */
const interactive = { action_id: actionId, confirm: confirm.optional(), focus_on_load: focusOnLoad };
/** …and the select menus and pickers also have a placeholder. */
const menu = { ...interactive, placeholder };
/** Fields of the inputs one types into (no confirm dialog). */
const textInput = { action_id: actionId, dispatch_action_config: dispatchActionConfig.optional(), focus_on_load: focusOnLoad, placeholder };

type Option = { text: { type: string; text: string }; value: string; description?: { type: string; text: string } };

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
    ...menu,
    options: z.array(menuOption).min(1).max(100).optional(),
    option_groups: z.array(optionGroup).min(1).max(100).optional(),
    initial_option: menuOption.optional(),
  })
  .superRefine((e, ctx) => {
    oneOptionSource(ctx, e);
    initialAmong(ctx, allOptions(e), e.initial_option, "initial_option");
  });

const multiStaticSelect = z
  .strictObject({
    type: z.literal("multi_static_select"),
    ...menu,
    options: z.array(menuOption).min(1).max(100).optional(),
    option_groups: z.array(optionGroup).min(1).max(100).optional(),
    initial_options: z.array(menuOption).optional(),
    max_selected_items: maxSelected,
  })
  .superRefine((e, ctx) => {
    oneOptionSource(ctx, e);
    initialAmong(ctx, allOptions(e), e.initial_options, "initial_options");
  });

const minQueryLength = z.number().int().min(0).optional();
const ids = z.array(z.string().min(1)).optional();
const id = z.string().min(1).optional();
const conversations = { default_to_current_conversation: z.boolean().optional(), filter: conversationFilter.optional() };

const externalSelect = z.strictObject({ type: z.literal("external_select"), ...menu, initial_option: menuOption.optional(), min_query_length: minQueryLength });
const multiExternalSelect = z.strictObject({
  type: z.literal("multi_external_select"),
  ...menu,
  initial_options: z.array(menuOption).optional(),
  min_query_length: minQueryLength,
  max_selected_items: maxSelected,
});
const usersSelect = z.strictObject({ type: z.literal("users_select"), ...menu, initial_user: id });
const multiUsersSelect = z.strictObject({ type: z.literal("multi_users_select"), ...menu, initial_users: ids, max_selected_items: maxSelected });
const conversationsSelect = z.strictObject({
  type: z.literal("conversations_select"),
  ...menu,
  ...conversations,
  initial_conversation: id,
  response_url_enabled: z.boolean().optional(),
});
const multiConversationsSelect = z.strictObject({ type: z.literal("multi_conversations_select"), ...menu, ...conversations, initial_conversations: ids, max_selected_items: maxSelected });
const channelsSelect = z.strictObject({ type: z.literal("channels_select"), ...menu, initial_channel: id, response_url_enabled: z.boolean().optional() });
const multiChannelsSelect = z.strictObject({ type: z.literal("multi_channels_select"), ...menu, initial_channels: ids, max_selected_items: maxSelected });

/** YYYY-MM-DD naming a day that exists. */
const calendarDate = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, "must be a date in the format YYYY-MM-DD");

const datepicker = z.strictObject({ type: z.literal("datepicker"), ...menu, initial_date: calendarDate.optional() });

const timepicker = z.strictObject({
  type: z.literal("timepicker"),
  ...menu,
  initial_time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time in the format HH:mm").optional(),
  timezone: z.string().min(1).optional(),
});

const datetimepicker = z.strictObject({ type: z.literal("datetimepicker"), ...interactive, initial_date_time: z.number().int().min(0).optional() });

const checkboxes = z
  .strictObject({
    type: z.literal("checkboxes"),
    ...interactive,
    options: z.array(choiceOption).min(1).max(10),
    initial_options: z.array(choiceOption).optional(),
  })
  .superRefine((e, ctx) => initialAmong(ctx, e.options, e.initial_options, "initial_options"));

const radioButtons = z
  .strictObject({
    type: z.literal("radio_buttons"),
    ...interactive,
    options: z.array(choiceOption).min(1).max(10),
    initial_option: choiceOption.optional(),
  })
  .superRefine((e, ctx) => initialAmong(ctx, e.options, e.initial_option, "initial_option"));

const plainTextInput = z
  .strictObject({
    type: z.literal("plain_text_input"),
    ...textInput,
    initial_value: z.string().optional(),
    multiline: z.boolean().optional(),
    min_length: z.number().int().min(0).max(3000).optional(),
    max_length: z.number().int().min(1).max(3000).optional(),
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
    ...textInput,
    initial_value: numeric.optional(),
    min_value: numeric.optional(),
    max_value: numeric.optional(),
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

const emailInput = z.strictObject({ type: z.literal("email_text_input"), ...textInput, initial_value: z.string().optional() });

const urlInput = emailInput.extend({ type: z.literal("url_text_input") });

export const slackFile = z.strictObject({ url: z.string().min(1).optional(), id: z.string().min(1).optional() });
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
