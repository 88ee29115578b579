import { z } from "zod";

/**
 * Block Kit's text and composition objects as zod schemas (docs.slack.dev/reference/block-kit/
 * composition-objects): text objects, confirm dialogs, options and option groups, dispatch and
 * conversation filters, with Slack's length limits.
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

export const mrkdwn = (max: number) => z.strictObject({ type: z.literal("mrkdwn"), text: text(max), verbatim: z.boolean().optional() });

/** A text object of either kind. */
export const anyText = (max: number) => z.discriminatedUnion("type", [plainText(max), mrkdwn(max)]);

// ── composition objects ────────────────────────────────────────────────────────────────────────

export const confirm = z.strictObject({
  title: plainText(100),
  text: anyText(300),
  confirm: plainText(30),
  deny: plainText(30),
  style: z.enum(["primary", "danger"]).optional(),
});

/** An option of a select, multi-select or overflow menu (plain_text only; url only in overflow menus). */
export const menuOption = z.strictObject({ text: plainText(75), value: z.string().max(150), description: plainText(75).optional() });
export const overflowOption = menuOption.extend({ url: z.string().max(3000).optional() });
/** An option of checkboxes or radio buttons (mrkdwn allowed). */
export const choiceOption = z.strictObject({ text: anyText(75), value: z.string().max(150), description: anyText(75).optional() });
export const optionGroup = z.strictObject({ label: plainText(75), options: z.array(menuOption).min(1).max(100) });

export const dispatchActionConfig = z.strictObject({
  trigger_actions_on: z.array(z.enum(["on_enter_pressed", "on_character_entered"])).min(1).optional(),
});

export const conversationFilter = z
  .strictObject({
    include: z.array(z.enum(["im", "mpim", "private", "public"])).min(1).optional(),
    exclude_external_shared_channels: z.boolean().optional(),
    exclude_bot_users: z.boolean().optional(),
  })
  .refine((f) => Object.values(f).some((v) => v !== undefined), { message: "must provide at least one of include, exclude_external_shared_channels, exclude_bot_users" });

/** A refusal found by a refinement, at `path` inside the checked object. */
export const issue = (ctx: z.core.$RefinementCtx, path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
