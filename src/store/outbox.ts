import { providerOfClient, type Db, type Tx } from "./database.js";
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
  /** MESSAGE (default); HOME: publish the App Home of the user in `channel`, rendered at send time; INTRO: see store/introductions.ts. */
  kind?: "MESSAGE" | "HOME" | "INTRO";
}

export interface OutboxRow {
  id: string;
  workspaceId: string;
  key: string;
  channel: string;
  payload: Record<string, unknown>;
  kind: "MESSAGE" | "HOME" | "INTRO";
  attempts: number;
  claimedAt: Date | null;
  createdAt: Date;
}

/** Which database a client (or transaction client) talks to; the generated clients record it. */

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
  if (providerOfClient(db) === "postgresql") {
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

type StoredRow = {
  id: string;
  workspaceId: string;
  key: string;
  channel: string;
  payload: unknown;
  kind: "MESSAGE" | "HOME" | "INTRO";
  attempts: number;
  claimedAt: Date | null;
  createdAt: Date;
};

const toRow = (r: StoredRow): OutboxRow => ({
  id: r.id,
  workspaceId: r.workspaceId,
  key: r.key,
  channel: r.channel,
  payload: r.payload as Record<string, unknown>,
  kind: r.kind,
  attempts: r.attempts,
  claimedAt: r.claimedAt,
  createdAt: r.createdAt,
});

/**
 * A row a worker may try to take, as it was read: the claim is taken only if the row is still
 * exactly so (no one claimed, sent or rescheduled it meanwhile).
 */
export interface Candidate {
  row: OutboxRow;
  status: "PENDING" | "SENDING";
  claimedBy: string | null;
  notBefore: Date;
}

/** A row this worker holds: taken at `claimedAt`; `wasInFlight` when an earlier send may have reached Slack. */
export interface Claim {
  row: OutboxRow;
  wasInFlight: boolean;
  claimedAt: Date;
}

/**
 * Up to `limit` rows a worker may take now, oldest first: pending ones that are due; ones whose
 * last send ended without knowing whether Slack posted it (a timeout, a 5xx: SENDING, held by no
 * one), now due for another try; and ones a worker claimed before `staleBefore` and never
 * finished (it stopped mid-send). A row is claimed only at the moment its send starts, so a held
 * claim always means a send may be under way: rows merely waiting their turn are never held, and
 * a stopped instance leaves behind only the few it was sending.
 *
 * Row states: PENDING (not sent; wait for notBefore) · SENDING with claimedBy (a worker is sending
 * it) · SENDING without claimedBy (maybe posted; look before re-sending at notBefore) · SENT · FAILED.
 */
export async function dueCandidates(db: Db, now: Date, staleBefore: Date, limit: number, skipWorkspaces: string[] = []): Promise<Candidate[]> {
  const rows = await db.outboxMessage.findMany({
    where: {
      heldAt: null,
      ...(skipWorkspaces.length ? { workspaceId: { notIn: skipWorkspaces } } : {}),
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
    // Not the payload: most candidates are looked at and passed over; the one taken reads it (claim).
    select: { id: true, workspaceId: true, key: true, channel: true, kind: true, attempts: true, claimedAt: true, createdAt: true, status: true, claimedBy: true, notBefore: true },
  });
  return rows.map((r) => ({ row: toRow({ ...r, payload: {} }), status: r.status as "PENDING" | "SENDING", claimedBy: r.claimedBy, notBefore: r.notBefore }));
}

/**
 * Takes a candidate for `worker`, atomically, if it is still as it was read; null if another
 * worker took, sent or moved it meanwhile. The caller starts its send right after.
 */
export async function claim(db: Db, c: Candidate, worker: string, now: Date): Promise<Claim | null> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id: c.row.id, status: c.status, claimedBy: c.claimedBy, claimedAt: c.row.claimedAt, notBefore: c.notBefore },
    data: { status: "SENDING", claimedAt: now, claimedBy: worker, attempts: { increment: 1 } },
  });
  if (count !== 1) return null;
  const { payload } = await db.outboxMessage.findUniqueOrThrow({ where: { id: c.row.id }, select: { payload: true } });
  return { row: { ...c.row, payload: payload as Record<string, unknown>, attempts: c.row.attempts + 1, claimedAt: now }, wasInFlight: c.status === "SENDING", claimedAt: now };
}

/**
 * Before a send that follows slow work (looking in the conversation, rendering a Home): checks,
 * atomically, that the claim is still this worker's, and renews it from `now`. False when another
 * worker took the row over: the caller leaves it to them.
 */
export async function confirmClaim(db: Db, held: Claim, worker: string, now: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id: held.row.id, status: "SENDING", claimedBy: worker, claimedAt: held.claimedAt },
    data: { claimedAt: now },
  });
  if (count !== 1) return false;
  held.claimedAt = now;
  return true;
}

/** Only the holder of a claim records the outcome; false when the row was taken over (or re-armed) meanwhile. */
const held = (h: Claim, worker: string) => ({ id: h.row.id, status: "SENDING" as const, claimedBy: worker, claimedAt: h.claimedAt });

export async function markSent(db: Db, h: Claim, worker: string, posted: { channel: string; ts: string } | null, now: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: held(h, worker),
    data: { status: "SENT", sentAt: now, postedChannel: posted?.channel ?? null, postedTs: posted?.ts ?? null, lastError: null },
  });
  return count === 1;
}

/**
 * Puts a held row back to wait. A rate-limit wait is not a failed attempt, so it does not count.
 * `maybePosted`: the send may have reached Slack (a timeout, a 5xx, or an unchecked crash), so the
 * next try must look in the channel first; the row stays SENDING, held by no one.
 */
export async function reschedule(
  db: Db,
  h: Claim,
  worker: string,
  notBefore: Date,
  error: string,
  { countAttempt = true, maybePosted = false }: { countAttempt?: boolean; maybePosted?: boolean } = {},
): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: held(h, worker),
    data: {
      status: maybePosted ? "SENDING" : "PENDING",
      notBefore,
      ...(maybePosted ? {} : { claimedAt: null }),
      claimedBy: null,
      lastError: error,
      ...(countAttempt ? {} : { attempts: { decrement: 1 } }),
    },
  });
  return count === 1;
}

export async function markFailed(db: Db, h: Claim, worker: string, error: string): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({ where: held(h, worker), data: { status: "FAILED", lastError: error } });
  return count === 1;
}

/**
 * Moves a candidate no one holds to wait for its conversation's next free moment (one message a
 * second per conversation); false if it changed meanwhile. Not an attempt.
 */
export async function defer(db: Db, c: Candidate, until: Date): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: { id: c.row.id, status: c.status, claimedBy: null, notBefore: c.notBefore },
    data: { notBefore: until },
  });
  return count === 1;
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

/** The key of a person's Home refresh: one row per person, re-armed each time their state changes. */
export const homeRefreshKey = (slackUserId: string) => `home:${slackUserId}`;

/**
 * Asks for a person's App Home to be published again (their state changed). One pending refresh
 * per person is enough: it is rendered when it is sent, so it shows the state of that moment. A
 * refresh already sent (or being sent, possibly from a render taken before this change) is
 * re-armed; a worker still holding it then finds its claim gone and the row goes out again.
 * Safe inside a transaction on both databases, like enqueue.
 */
export async function queueHomeRefresh(db: Db | Tx, workspaceId: string, slackUserId: string, now: Date): Promise<void> {
  if (!/^[UW]/.test(slackUserId)) return; // an erased member has no Home
  const key = homeRefreshKey(slackUserId);
  const created = await enqueue(db, { workspaceId, key, channel: slackUserId, payload: {}, notBefore: now, kind: "HOME" });
  if (created) return;
  await db.outboxMessage.updateMany({
    where: { workspaceId, key, status: { in: ["SENT", "FAILED", "SENDING"] } },
    data: { status: "PENDING", notBefore: now, attempts: 0, claimedAt: null, claimedBy: null, lastError: null },
  });
}

/** queueHomeRefresh for several people (each once). */
export async function queueHomeRefreshes(db: Db | Tx, workspaceId: string, slackUserIds: Iterable<string>, now: Date): Promise<void> {
  for (const id of new Set(slackUserIds)) await queueHomeRefresh(db, workspaceId, id, now);
}

/**
 * A workspace lost its installation: its unsent rows wait, as they are (a row that may have been
 * posted stays "look first"), until a re-install releases them. Returns how many were held.
 */
export async function holdWorkspaceOutbox(db: Db | Tx, workspaceId: string, now: Date): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({ where: { workspaceId, status: { in: ["PENDING", "SENDING"] }, heldAt: null }, data: { heldAt: now } });
  return count;
}

/** A re-install: the held rows go out again, at once. Returns how many. */
export async function releaseWorkspaceOutbox(db: Db | Tx, workspaceId: string): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({ where: { workspaceId, heldAt: { not: null } }, data: { heldAt: null } });
  return count;
}

/** A claimed row whose workspace has no live token: put back unsent and held (not an attempt). */
export async function holdClaimed(db: Db, h: Claim, worker: string, now: Date, error: string): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: held(h, worker),
    data: { status: h.wasInFlight ? "SENDING" : "PENDING", claimedBy: null, ...(h.wasInFlight ? {} : { claimedAt: null }), heldAt: now, lastError: error, attempts: { decrement: 1 } },
  });
  return count === 1;
}
