import { Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { ListedAnnouncement } from "../announcements.js";
import type { AnnouncementState } from "../../../domain/announcement.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { AnnouncementPayload } from "../announcements.js";
import { dayTime } from "../../../slack/kit/dates.js";
import { ANN, ANNOUNCE } from "../ids.js";
import { cancelButton } from "./messages.js";

const STATE_WORDS: Record<AnnouncementState, string> = {
  scheduled: ":calendar: Scheduled",
  sending: ":outbox_tray: Posting",
  waiting_for_invite: ":warning: Waiting — Rounds isn't in the channel yet: invite it there (the DM I sent says how), then press Try again",
  failed: ":x: Slack refused it",
  posted: ":white_check_mark: Posted",
  cancelled: ":no_entry_sign: Cancelled",
};

/** Slack's limit on blocks in one message. */
export const MESSAGE_MAX_BLOCKS = 50;

const snippet = (text: string) => escapeMrkdwn(text.replace(/\s+/g, " ").slice(0, 120)) + (text.length > 120 ? "…" : "");

function item({ announcement: a, state }: ListedAnnouncement): BlockBuilder[] {
  const when = dayTime(a.postedAt ?? a.postAt, a.timezone);
  const line = `${STATE_WORDS[state]} · ${escapeMrkdwn(a.programName)} · <#${a.channelId}> · ${when}${a.editedAt ? " · edited" : ""}\n>${snippet(a.text)}`;
  const buttons = [];
  if (state === "scheduled" || state === "posted") buttons.push(Elements.Button({ text: "Edit", actionId: ANNOUNCE.actions.edit, value: ANN.edit.codec.encode(a.id) }));
  if (state === "waiting_for_invite" || state === "failed") buttons.push(Elements.Button({ text: "Try again", actionId: ANNOUNCE.actions.retry, value: ANN.retry.codec.encode(a.id) }));
  if (state === "scheduled" || state === "waiting_for_invite" || state === "failed") buttons.push(cancelButton("Cancel", ANNOUNCE.actions.cancel, ANN.cancel.codec.encode(a.id)));
  return buttons.length ? [Blocks.Section({ text: line }), Blocks.Actions().elements(buttons)] : [Blocks.Section({ text: line })];
}

/**
 * `/mentoring-admin announcements`: scheduled and waiting ones (with Edit / Cancel), then recent ones.
 * `notice` is a line on top saying what the last button did (the list is shown again in its place).
 */
export function announcementList(items: ListedAnnouncement[], notice?: string): AnnouncementPayload {
  const text = notice ?? "Announcements";
  const blocks: BlockBuilder[] = [
    ...(notice ? [Blocks.Section({ text: notice })] : []),
    Blocks.Section({ text: `${Md.bold("Announcements")} — scheduled, waiting and the 10 most recent.` }).accessory(
      Elements.Button({ text: "New announcement", actionId: ANNOUNCE.actions.compose, value: ANN.compose.codec.encode(null) }).primary(),
    ),
  ];
  if (items.length === 0) blocks.push(Blocks.Section({ text: "No announcements yet." }));
  // The list is a message, and Slack takes at most 50 blocks in one: items fill up to that (one
  // block kept for the count of those left out); scheduled and waiting ones come first, so they stay.
  let shown = 0;
  for (const i of items) {
    const next = [Blocks.Divider(), ...item(i)];
    if (blocks.length + next.length > MESSAGE_MAX_BLOCKS - 1) break;
    blocks.push(...next);
    shown += 1;
  }
  if (shown < items.length) blocks.push(Blocks.Context().elements(`…and ${items.length - shown} more not shown.`));
  return { text, blocks: Message().blocks(blocks).buildToObject().blocks ?? [] };
}
