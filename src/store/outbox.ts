import type { Db, Tx } from "./database.js";
import { isUniqueViolation } from "./errors.js";
import type { Prisma } from "../generated/sqlite/client.js";

export interface OutgoingMessage {
  workspaceId: string;
  /** Idempotency key, unique per workspace: enqueuing the same key twice queues one message. */
  key: string;
  /** A user id (the message goes to the bot's DM with them) or a channel id. */
  channel: string;
  /** chat.postMessage arguments other than channel and metadata (text, blocks, …). */
  payload: Record<string, unknown>;
  notBefore: Date;
}

export interface OutboxRow {
  id: string;
  workspaceId: string;
  key: string;
  channel: string;
  payload: Record<string, unknown>;
  attempts: number;
  claimedAt: Date | null;
}

/** Queues a message; returns false if one with the same key was already queued. */
export async function enqueue(db: Db | Tx, message: OutgoingMessage): Promise<boolean> {
  const existing = await db.outboxMessage.findUnique({
    where: { workspaceId_key: { workspaceId: message.workspaceId, key: message.key } },
    select: { id: true },
  });
  if (existing) return false;
  try {
    await db.outboxMessage.create({
      data: { ...message, payload: message.payload as Prisma.InputJsonValue },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

const toRow = (r: {
  id: string;
  workspaceId: string;
  key: string;
  channel: string;
  payload: unknown;
  attempts: number;
  claimedAt: Date | null;
}): OutboxRow => ({ ...r, payload: r.payload as Record<string, unknown> });

/**
 * Claims up to `limit` messages for this worker: pending ones that are due, and ones another worker
 * claimed before `staleBefore` and never finished (it crashed mid-send). Each claim is a conditional
 * update, so two workers never own the same row. Stale rows come back with their old claimedAt, so
 * the caller knows to check Slack before sending again.
 */
export async function claimDue(
  db: Db,
  worker: string,
  now: Date,
  staleBefore: Date,
  limit: number,
): Promise<{ row: OutboxRow; wasInFlight: boolean }[]> {
  const candidates = await db.outboxMessage.findMany({
    where: {
      OR: [
        { status: "PENDING", notBefore: { lte: now } },
        { status: "SENDING", claimedAt: { lt: staleBefore } },
      ],
    },
    orderBy: [{ notBefore: "asc" }, { createdAt: "asc" }],
    take: limit,
  });
  const claimed: { row: OutboxRow; wasInFlight: boolean }[] = [];
  for (const c of candidates) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id: c.id, status: c.status, claimedAt: c.claimedAt },
      data: { status: "SENDING", claimedAt: now, claimedBy: worker, attempts: { increment: 1 } },
    });
    if (count === 1) {
      claimed.push({ row: toRow({ ...c, attempts: c.attempts + 1 }), wasInFlight: c.status === "SENDING" });
    }
  }
  return claimed;
}

export async function markSent(db: Db, id: string, postedChannel: string, postedTs: string, now: Date): Promise<void> {
  await db.outboxMessage.update({
    where: { id },
    data: { status: "SENT", sentAt: now, postedChannel, postedTs, lastError: null },
  });
}

/** Puts a row back to wait. A rate-limit wait is not a failed attempt, so it does not count. */
export async function reschedule(
  db: Db,
  id: string,
  notBefore: Date,
  error: string,
  { countAttempt = true }: { countAttempt?: boolean } = {},
): Promise<void> {
  await db.outboxMessage.update({
    where: { id },
    data: {
      status: "PENDING",
      notBefore,
      claimedAt: null,
      claimedBy: null,
      lastError: error,
      ...(countAttempt ? {} : { attempts: { decrement: 1 } }),
    },
  });
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status: "FAILED", lastError: error } });
}

export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const groups = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}
