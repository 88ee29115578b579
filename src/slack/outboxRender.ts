import type { OutboxRow } from "../store/outbox.js";
import { renderQueuedCheckin } from "../features/checkins/queuedMessages.js";
import { checkinMessages } from "../features/checkins/views/messages.js";
import { introMessage } from "./outboxIntro.js";

/**
 * The chat.postMessage arguments (other than channel and metadata) of a row about to be sent. An
 * introduction carries its message; a row queued as data (a check-in job's card, see
 * features/checkins/queuedMessages.ts) is rendered now; any other row is its message as queued,
 * which includes check-ins queued as Block Kit by earlier releases.
 */
export function messageOf(row: OutboxRow): Record<string, unknown> {
  if (row.kind === "INTRO") return introMessage(row);
  const rendered = renderQueuedCheckin(row.payload, checkinMessages);
  return rendered ? { ...rendered } : row.payload;
}
