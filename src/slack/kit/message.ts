import { Blocks, Message } from "slack-block-builder";
import type { types } from "@slack/bolt";
import type { SlackMessage } from "../../features/home/views/help.js";
import { PROFILE_CALLBACKS } from "../../features/profiles/ids.js";

/** A plain message: notification text plus one section per paragraph. */
export function message(text: string, ...paragraphs: string[]): SlackMessage {
  const built = Message()
    .text(text)
    .blocks(paragraphs.map((p) => Blocks.Section({ text: p })))
    .buildToObject();
  return { text, blocks: built.blocks ?? [] };
}

/** A message shown as a small modal (for buttons on the App Home, which have no conversation to reply in). */
export function infoModal(title: string, m: SlackMessage): types.ModalView {
  return {
    type: "modal",
    callback_id: PROFILE_CALLBACKS.info,
    title: { type: "plain_text", text: title.slice(0, 24) },
    close: { type: "plain_text", text: "Close" },
    // Built by slack-block-builder (help.ts and message() above), so already Block Kit.
    blocks: m.blocks as types.AnyBlock[],
  };
}
