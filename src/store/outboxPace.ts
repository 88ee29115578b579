import type { Db } from "./database.js";
import { isUniqueViolation } from "./errors.js";

/** The pacing lane of a workspace's overall rate; any other lane is one conversation. */
export const WORKSPACE_LANE = "*";

/**
 * A reservation further ahead than this is not believed: it comes from a clock that was wrong (or
 * a test's clock that moved on); the lane is taken to be free. Real reservations lie a few seconds
 * ahead at most (the senders waiting, divided by the rate).
 */
const TRUST_AHEAD_MS = 60_000;

/** How many times a reservation retries when another instance moved the same lane at once. */
const RACE_RETRIES = 20;

const believable = (nextAt: Date, now: Date) => (nextAt.getTime() - now.getTime() > TRUST_AHEAD_MS ? now : nextAt);

/**
 * Reserves the workspace's next send moment, shared by every instance on this database: returns
 * when this send may start (now, or later when others reserved the moments before it) and moves
 * the lane on by `intervalMs` (1000 / the rate). Each move is a conditional update of the lane's
 * one row, so two instances never get the same moment.
 */
export async function reserveWorkspaceMoment(db: Db, workspaceId: string, now: Date, intervalMs: number): Promise<Date> {
  for (let i = 0; i < RACE_RETRIES; i++) {
    const lane = await db.outboxPace.findUnique({ where: { workspaceId_lane: { workspaceId, lane: WORKSPACE_LANE } } });
    if (!lane) {
      if (await createLane(db, workspaceId, WORKSPACE_LANE, new Date(now.getTime() + intervalMs), null)) return now;
      continue;
    }
    const at = new Date(Math.max(now.getTime(), believable(lane.nextAt, now).getTime()));
    const { count } = await db.outboxPace.updateMany({
      where: { workspaceId, lane: WORKSPACE_LANE, nextAt: lane.nextAt },
      data: { nextAt: new Date(at.getTime() + intervalMs) },
    });
    if (count === 1) return at;
  }
  throw new Error("outbox pacing: could not reserve a moment (the lane kept moving)");
}

/**
 * Workspaces whose next paced moment is later than `after`: their senders are already booked ahead,
 * so a worker looks at other workspaces' rows meanwhile (one busy workspace never holds up the rest).
 */
export async function workspacesBookedBeyond(db: Db, after: Date): Promise<string[]> {
  const lanes = await db.outboxPace.findMany({ where: { lane: WORKSPACE_LANE, nextAt: { gt: after } }, select: { workspaceId: true } });
  return lanes.map((l) => l.workspaceId);
}

export type ConversationMoment = { ok: true } | { ok: false; freeAt: Date; heldFor: string | null };

/**
 * Reserves a conversation for one send at `at` on behalf of row `rowId` (one message a second per
 * conversation, across instances): on success the conversation is busy until `at` + 1 s. When it is
 * busy, says until when and for which row, so a worker can tell a row another instance is about to
 * send (leave it) from one that must wait its turn.
 */
export async function reserveConversation(db: Db, workspaceId: string, conversation: string, at: Date, rowId: string): Promise<ConversationMoment> {
  const until = new Date(at.getTime() + 1000);
  for (let i = 0; i < RACE_RETRIES; i++) {
    const lane = await db.outboxPace.findUnique({ where: { workspaceId_lane: { workspaceId, lane: conversation } } });
    if (!lane) {
      if (await createLane(db, workspaceId, conversation, until, rowId)) return { ok: true };
      continue;
    }
    const free = believable(lane.nextAt, at);
    if (free > at) return { ok: false, freeAt: free, heldFor: lane.heldFor };
    const { count } = await db.outboxPace.updateMany({
      where: { workspaceId, lane: conversation, nextAt: lane.nextAt },
      data: { nextAt: until, heldFor: rowId },
    });
    if (count === 1) return { ok: true };
  }
  throw new Error("outbox pacing: could not reserve a conversation (it kept moving)");
}

/** When a conversation is busy at `now`: until when, and for which row; null when it is free. A read only. */
export async function conversationBusy(db: Db, workspaceId: string, conversation: string, now: Date): Promise<{ freeAt: Date; heldFor: string | null } | null> {
  const lane = await db.outboxPace.findUnique({ where: { workspaceId_lane: { workspaceId, lane: conversation } } });
  if (!lane) return null;
  const free = believable(lane.nextAt, now);
  return free > now ? { freeAt: free, heldFor: lane.heldFor } : null;
}

async function createLane(db: Db, workspaceId: string, lane: string, nextAt: Date, heldFor: string | null): Promise<boolean> {
  try {
    await db.outboxPace.create({ data: { workspaceId, lane, nextAt, heldFor } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
