import type { WebClient } from "@slack/web-api";
import type { Db } from "../store/database.js";
import type { OutboxRow } from "../store/outbox.js";
import { recordIntroChannel, type IntroPayload } from "../store/introductions.js";

/**
 * The first half of sending an introduction (an INTRO row): opens the group DM with the people in
 * the row's `channel` and records it on the match or round group. Slack answers with the same
 * conversation for the same people, so doing this again after a crash, a retry or on another
 * instance is harmless; the outbox then posts the message there once, like any other.
 */
export async function openIntroduction(db: Db, client: WebClient, row: OutboxRow): Promise<string> {
  const opened = await client.conversations.open({ users: row.channel });
  const channel = opened.channel?.id;
  if (!channel) throw new Error("conversations.open gave no channel");
  await recordIntroChannel(db, row.workspaceId, row.payload as unknown as IntroPayload, channel);
  return channel;
}

/** The message an introduction posts, once its group DM is open. */
export const introMessage = (row: OutboxRow): Record<string, unknown> => (row.payload as unknown as IntroPayload).message;
