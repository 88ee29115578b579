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
  createdAt: Date;
}

/** Which database a client (or transaction client) talks to; the generated clients record it. */
const providerOf = (db: Db | Tx): string | undefined => (db as unknown as { _activeProvider?: string })._activeProvider;

/** The PostgreSQL client's createMany, which (unlike SQLite's) takes skipDuplicates. */
type CreateManySkippingDuplicates = {
  createMany(args: { data: Prisma.OutboxMessageCreateManyInput[]; skipDuplicates: boolean }): Promise<{ count: number }>;
};

/**
 * Queues a message; returns false if one with the same key was already queued. Safe inside a job's
 * transaction: on PostgreSQL a duplicate is skipped by INSERT … ON CONFLICT DO NOTHING, because a
 * raised unique violation would abort the caller's whole transaction (and its COMMIT would then
 * quietly roll everything back). SQLite undoes only the failed statement, so catching it is enough.
 */
export async function enqueue(db: Db | Tx, message: OutgoingMessage): Promise<boolean> {
  if (providerOf(db) === "postgresql") {
    const delegate = db.outboxMessage as unknown as CreateManySkippingDuplicates;
    const { count } = await delegate.createMany({
      data: [{ ...message, payload: message.payload as Prisma.InputJsonValue }],
      skipDuplicates: true,
    });
    return count === 1;
  }
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
  createdAt: Date;
}): OutboxRow => ({
  id: r.id,
  workspaceId: r.workspaceId,
  key: r.key,
  channel: r.channel,
  payload: r.payload as Record<string, unknown>,
  attempts: r.attempts,
  claimedAt: r.claimedAt,
  createdAt: r.createdAt,
});

/**
 * Claims up to `limit` messages for this worker: pending ones that are due; ones another worker
 * claimed before `staleBefore` and never finished (it crashed mid-send); and ones whose last send
 * ended without knowing whether Slack posted it (a timeout, a 5xx), now due for another try. The
 * last two come back with `wasInFlight`, so the caller checks Slack before sending again. Each
 * claim is a conditional update, so two workers never own the same row.
 *
 * Row states: PENDING (not sent; wait for notBefore) · SENDING with claimedBy (a worker is on it) ·
 * SENDING without claimedBy (maybe posted; look before re-sending at notBefore) · SENT · FAILED.
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
        { status: "SENDING", claimedBy: null, notBefore: { lte: now } },
        { status: "SENDING", claimedBy: { not: null }, claimedAt: { lt: staleBefore } },
      ],
    },
    // Oldest first among those due: a message that waited out a 429 or a busy conversation keeps
    // its place instead of going behind everything queued meanwhile.
    orderBy: [{ createdAt: "asc" }],
    take: limit,
  });
  const claimed: { row: OutboxRow; wasInFlight: boolean }[] = [];
  for (const c of candidates) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id: c.id, status: c.status, claimedAt: c.claimedAt, claimedBy: c.claimedBy },
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

/**
 * Puts a row back to wait. A rate-limit wait is not a failed attempt, so it does not count.
 * `maybePosted`: the send may have reached Slack (a timeout, a 5xx, or an unchecked crash), so the
 * next try must look in the channel first; the row stays SENDING, held by no one.
 */
export async function reschedule(
  db: Db,
  id: string,
  notBefore: Date,
  error: string,
  { countAttempt = true, maybePosted = false }: { countAttempt?: boolean; maybePosted?: boolean } = {},
): Promise<void> {
  await db.outboxMessage.update({
    where: { id },
    data: {
      status: maybePosted ? "SENDING" : "PENDING",
      notBefore,
      ...(maybePosted ? {} : { claimedAt: null }),
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

/**
 * Puts a message Slack refused (FAILED) back in the queue, e.g. once Rounds has been invited to
 * the channel; the attempt count starts again. False if there is no such failed message. It goes
 * back as "maybe posted" (SENDING, held by no one): a row that gave up after timeouts or 5xx may
 * have reached Slack, so the worker looks in the channel before sending it again.
 */
export async function requeueFailed(db: Db | Tx, workspaceId: string, key: string, now: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { workspaceId, key, status: "FAILED" },
    data: { status: "SENDING", notBefore: now, attempts: 0, claimedAt: null, claimedBy: null, lastError: null },
  });
  return count === 1;
}
