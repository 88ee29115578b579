import { z } from "zod";
import { anyText, issue, mrkdwn, plainText } from "./compositionObjects.js";
import { actionsElement, imageElement, inputElement, sectionAccessory, slackFile } from "./elements.js";

/**
 * Slack's Block Kit blocks and views, as zod schemas: every block type Rounds emits (and a few
 * neighbours), with the fields Slack requires, the fields it allows (any other field is refused, as
 * Slack refuses "invalid additional property"), and the documented limits; elements are in
 * elements.ts, text and composition objects in compositionObjects.ts. Rules that span a whole
 * surface (block counts, block_ids, submit) live in blockKit.ts.
 *
 * Source: Slack's Block Kit reference, docs.slack.dev/reference/block-kit/… (blocks, block-elements,
 * composition-objects) and docs.slack.dev/reference/views/modal-views. A block or element type not
 * listed here is refused as "unsupported type" — Slack knows more types than this stand-in; add a
 * schema before Rounds uses one.
 */

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
