import type { Db } from "../../store/database.js";
import { enqueue } from "../../store/outbox.js";
import { ensureWorkspace } from "../../store/workspaces.js";
import { dmHelpMessage } from "./views/dmHelp.js";

export interface TypedDm {
  workspaceId: string;
  /** The DM channel (D…) the person typed in. */
  channel: string;
  /** The message's ts: one answer per message, however often Slack delivers it. */
  ts: string;
}

/** Queues the short "what Rounds can do" answer to a message typed to Rounds; false if that message was already answered. */
export async function answerTypedDm(db: Db, dm: TypedDm, now: Date): Promise<boolean> {
  await ensureWorkspace(db, dm.workspaceId);
  return enqueue(db, { workspaceId: dm.workspaceId, key: `dm-help:${dm.channel}:${dm.ts}`, channel: dm.channel, payload: { ...dmHelpMessage() }, notBefore: now });
}
