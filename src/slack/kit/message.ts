import { Blocks, Elements, Message } from "slack-block-builder";
import type { types } from "@slack/bolt";
import type { NextStep } from "./doneModal.js";

/** A message as chat.postMessage, respond() and the fake Slack take it: notification text and blocks. */
export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

/** A plain message: notification text plus one section per paragraph. */
export function message(text: string, ...paragraphs: string[]): SlackMessage {
  const built = Message()
    .text(text)
    .blocks(paragraphs.map((p) => Blocks.Section({ text: p })))
    .buildToObject();
  return { text, blocks: built.blocks ?? [] };
}

/** One paragraph of plain words. */
export function plainMessage(text: string): SlackMessage {
  return { text, blocks: Message().blocks(Blocks.Section({ text })).buildToObject().blocks ?? [] };
}

/** A short message with its next steps as buttons (none: just the words). */
export function noteMessage(text: string, next: readonly NextStep[] = []): SlackMessage {
  if (next.length === 0) return plainMessage(text);
  const buttons = next.map((n) => Elements.Button({ text: n.text, actionId: n.actionId, ...(n.value ? { value: n.value } : {}) }));
  return { text, blocks: Message().blocks(Blocks.Section({ text }), Blocks.Actions().elements(buttons)).buildToObject().blocks ?? [] };
}

/** The callback id of every small information modal (it has only Close, so nothing listens for it). */
export const INFO_MODAL = "profile_info";

/** A message shown as a small modal (for buttons on the App Home, which have no conversation to reply in). */
export function infoModal(title: string, m: SlackMessage): types.ModalView {
  return {
    type: "modal",
    callback_id: INFO_MODAL,
    title: { type: "plain_text", text: title.slice(0, 24) },
    close: { type: "plain_text", text: "Close" },
    // Built by slack-block-builder (help.ts and message() above), so already Block Kit.
    blocks: m.blocks as types.AnyBlock[],
  };
}
