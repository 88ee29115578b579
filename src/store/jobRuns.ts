import { randomUUID } from "node:crypto";
import { providerOfClient, type Db, type Tx } from "./database.js";
import { isUniqueViolation } from "./errors.js";

/** A job's transaction may run long (a fan-out queues many messages); Prisma's default is 5 s. */
const RUN_TRANSACTION_LIMITS = { timeout: 120_000, maxWait: 30_000 };

export interface RunKey {
  /** Names one occurrence of a job, e.g. `checkin:<match>:<period>`; unique across all time. */
  key: string;
  job: string;
  workspaceId?: string | null;
}

/**
 * Runs `work` once per key, ever. The JobRun row and everything `work` writes (domain rows, outbox
 * messages) commit together, so a second trigger, a second instance or a restart after a crash
 * finds the key taken and does nothing — and a crash before commit leaves the key free to retry.
 * Returns false when the key had already run.
 */
export async function runOnce(
  db: Db,
  run: RunKey,
  now: Date,
  work: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await tx.jobRun.create({
        data: { key: run.key, job: run.job, workspaceId: run.workspaceId ?? null, status: "DONE", startedAt: now, finishedAt: now },
      });
      await work(tx);
    }, RUN_TRANSACTION_LIMITS);
    return true;
  } catch (error) {
    if (isUniqueViolation(error) && (await hasRun(db, run.key))) return false;
    throw error;
  }
}

/**
 * Claims a key with a single insert, for callers that only need "first time?" (e.g. a Slack
 * delivery): true if this call took it, false if it was already taken. One raw
 * `INSERT … ON CONFLICT DO NOTHING` (dates written as Prisma stores them: SQLite ISO text with
 * +00:00, PostgreSQL timestamp(3)): every accepted slash command claims its delivery on the thread
 * that acknowledges Slack, where Prisma's query compiler cost more than the insert itself, and a
 * taken key is no error to catch (nor, on PostgreSQL, an aborted transaction).
 */
export async function claimKey(db: Db, run: RunKey, now: Date): Promise<boolean> {
  const pg = providerOfClient(db) === "postgresql";
  const at = pg ? now.toISOString() : now.toISOString().replace("Z", "+00:00");
  const sql = pg
    ? `INSERT INTO "JobRun" ("id", "key", "job", "workspaceId", "status", "startedAt", "finishedAt")
       VALUES ($1, $2, $3, $4, 'DONE', $5::timestamptz AT TIME ZONE 'UTC', $5::timestamptz AT TIME ZONE 'UTC') ON CONFLICT ("key") DO NOTHING`
    : `INSERT INTO "JobRun" ("id", "key", "job", "workspaceId", "status", "startedAt", "finishedAt")
       VALUES (?, ?, ?, ?, 'DONE', ?, ?) ON CONFLICT ("key") DO NOTHING`;
  const params = pg ? [randomUUID(), run.key, run.job, run.workspaceId ?? null, at] : [randomUUID(), run.key, run.job, run.workspaceId ?? null, at, at];
  return (await db.$executeRawUnsafe(sql, ...params)) === 1;
}

export async function hasRun(db: Db | Tx, key: string): Promise<boolean> {
  return (await db.jobRun.count({ where: { key } })) > 0;
}

/**
 * Of `keys`, those already run. The keys go to the database as one JSON parameter, expanded there
 * (SQLite json_each, PostgreSQL jsonb_array_elements_text) and looked up through the unique key
 * index: the check-in job asks about thousands of keys a page, which as an IN list cost Prisma a
 * bound parameter each.
 */
export async function runKeysDone(db: Db | Tx, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows =
    providerOfClient(db) === "postgresql"
      ? await db.$queryRawUnsafe<{ key: string }[]>(`SELECT "key" FROM "JobRun" WHERE "key" IN (SELECT jsonb_array_elements_text($1::jsonb))`, JSON.stringify(keys))
      : await db.$queryRawUnsafe<{ key: string }[]>(`SELECT "key" FROM "JobRun" WHERE "key" IN (SELECT "value" FROM json_each(?))`, JSON.stringify(keys));
  return new Set(rows.map((r) => r.key));
}

/** Deletes finished run keys of one job started before `before` (for keys that only matter briefly). */
export async function pruneRuns(db: Db, job: string, before: Date): Promise<number> {
  const { count } = await db.jobRun.deleteMany({ where: { job, startedAt: { lt: before } } });
  return count;
}
