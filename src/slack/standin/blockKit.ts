import type { z } from "zod";
import { block, homeView, modalView } from "./blocks.js";
import { MODAL_ONLY_ELEMENTS } from "./elements.js";
import { located, slackLines } from "./slackMessages.js";

/**
 * Checks a message or a view the way Slack checks it before showing it, and answers as Slack does:
 * null when Slack would take it, else the error code and the lines Slack puts in
 * response_metadata.messages (each with a json-pointer to the offending field).
 *
 * Pure (no Node APIs, no test framework): the test stand-in for Slack runs it on every message and
 * view the app sends, and a browser Playground can run it on Rounds' views.
 *
 * Limits: docs.slack.dev/reference/block-kit/blocks ("up to 50 blocks in each message, and 100 blocks
 * in modals or Home tabs"), docs.slack.dev/reference/views/modal-views, and the chat.postMessage text
 * limit of 40,000 characters (Slack truncates longer text with a warning; the stand-in refuses it,
 * since a cut message is a defect too).
 */

/** Where a payload is shown: a channel or DM message, an ephemeral message, a response_url reply, a modal, the App Home. */
export type BlockKitSurface = "message" | "ephemeral" | "response_url" | "modal" | "home";

export type BlockKitErrorCode = "invalid_arguments" | "invalid_blocks" | "invalid_blocks_format" | "msg_too_long";

/** Slack's refusal: `error` as in `{ ok: false, error }`, `messages` as in response_metadata.messages (without the "[ERROR] " prefix). */
export interface BlockKitRefusal {
  error: BlockKitErrorCode;
  messages: string[];
}

export const BLOCK_LIMITS = { message: 50, view: 100 } as const;
export const MESSAGE_TEXT_LIMIT = 40_000;

const isView = (surface: BlockKitSurface): surface is "modal" | "home" => surface === "modal" || surface === "home";

/** null when Slack would show `payload` on `surface`; else how Slack refuses it. For views, `payload` is the view object. */
export function checkBlockKit(surface: BlockKitSurface, payload: unknown): BlockKitRefusal | null {
  return isView(surface) ? checkView(surface, payload) : checkMessage(surface, payload);
}

function checkMessage(surface: BlockKitSurface, payload: unknown): BlockKitRefusal | null {
  const message = (payload ?? {}) as { text?: unknown; blocks?: unknown };
  if (typeof message.text === "string" && message.text.length > MESSAGE_TEXT_LIMIT) {
    return { error: "msg_too_long", messages: [located(`must be less than ${MESSAGE_TEXT_LIMIT + 1} characters`, "", ["text"])] };
  }
  if (message.blocks === undefined) return null;
  if (!Array.isArray(message.blocks)) return { error: "invalid_blocks_format", messages: [located("must provide an array", "", ["blocks"])] };
  const lines = blockLines(surface, message.blocks, "");
  return lines.length ? { error: "invalid_blocks", messages: lines } : null;
}

function checkView(surface: "modal" | "home", view: unknown): BlockKitRefusal | null {
  if (view === null || typeof view !== "object" || Array.isArray(view)) return { error: "invalid_arguments", messages: [located("must provide an object", "", ["view"])] };
  const schema = surface === "modal" ? modalView : homeView;
  const lines = issueLines(schema.safeParse(view), view, "/view");
  const blocks = (view as { blocks?: unknown }).blocks;
  if (Array.isArray(blocks)) {
    lines.push(...blockLines(surface, blocks, "/view"));
    const firstInput = blocks.findIndex((b) => (b as { type?: unknown } | null)?.type === "input");
    if (surface === "modal" && firstInput >= 0 && (view as { submit?: unknown }).submit === undefined) {
      // Slack's own words and pointer for this refusal
      lines.push(located("must define `submit` to use an `input` block in modals", "/view", ["blocks", firstInput, "input"]));
    }
  }
  return lines.length ? { error: "invalid_arguments", messages: lines } : null;
}

function issueLines(result: z.ZodSafeParseResult<unknown>, root: unknown, base: string, prefix: readonly PropertyKey[] = []): string[] {
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => slackLines({ ...issue, path: [...prefix, ...issue.path] } as typeof issue, root, base));
}

/** Everything Slack would say about a list of blocks on a surface. */
function blockLines(surface: BlockKitSurface, blocks: readonly unknown[], base: string): string[] {
  const root = { blocks };
  const lines: string[] = [];
  const limit = isView(surface) ? BLOCK_LIMITS.view : BLOCK_LIMITS.message;
  if (blocks.length > limit) lines.push(located(`no more than ${limit} items allowed`, base, ["blocks"]));
  const blockIds = new Map<string, number>();
  let focused = 0;
  blocks.forEach((raw, i) => {
    lines.push(...issueLines(block.safeParse(raw), root, base, ["blocks", i]));
    const b = (raw ?? {}) as { block_id?: unknown };
    if (typeof b.block_id === "string") {
      if (blockIds.has(b.block_id)) lines.push(located(`duplicate block_id: ${b.block_id}`, base, ["blocks", i, "block_id"]));
      else blockIds.set(b.block_id, i);
    }
    for (const [where, element] of elementsOf(raw)) {
      const type = element.type;
      if (typeof type === "string" && MODAL_ONLY_ELEMENTS.has(type) && surface !== "modal") {
        lines.push(located(`unsupported type: ${type}`, base, ["blocks", i, ...where, "type"]));
      }
      if (element.focus_on_load === true && ++focused === 2) {
        lines.push(located("only one element can set focus_on_load", base, ["blocks", i, ...where, "focus_on_load"]));
      }
    }
  });
  return lines;
}

type Element = { type?: unknown; focus_on_load?: unknown };

/** The interactive elements of a block, with their path inside it. */
function elementsOf(raw: unknown): [PropertyKey[], Element][] {
  if (raw === null || typeof raw !== "object") return [];
  const b = raw as { accessory?: unknown; element?: unknown; elements?: unknown };
  const out: [PropertyKey[], Element][] = [];
  const add = (where: PropertyKey[], e: unknown) => {
    if (e !== null && typeof e === "object") out.push([where, e as Element]);
  };
  add(["accessory"], b.accessory);
  add(["element"], b.element);
  if (Array.isArray(b.elements)) b.elements.forEach((e, i) => add(["elements", i], e));
  return out;
}
