import { randomUUID } from "node:crypto";
import { providerOfClient, type Db, type Tx } from "./database.js";
import { isUniqueViolation } from "./errors.js";
import type { OutgoingMessage } from "./outbox.js";
import { markManyEscalated, markReminded, type NewCheckin } from "./checkins.js";
import { runKeysDone } from "./jobRuns.js";

/** One piece of check-in work: its run key, the row it writes and the messages it queues. */
export interface BatchItem {
  runKey: string;
  /** A check-in being sent: the row to create. */
  newCheckin?: NewCheckin;
  /** A reminder: the check-in row to stamp reminderSentAt on. */
  remindCheckinId?: string;
  /** An escalation: the period whose check-ins get escalatedAt. */
  escalated?: { matchId: string; periodKey: string };
  messages: OutgoingMessage[];
}

const LIMITS = { timeout: 120_000, maxWait: 30_000 };


type Kind = "text" | "date" | "json" | "int" | `enum:${string}`;
type Value = string | number | Date | null | Record<string, unknown>;

/** A raw multi-row INSERT failing on a unique index (Prisma reports raw failures as P2010). */
function isRawUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: unknown; message?: string };
  if (e?.code !== "P2010") return false;
  const text = `${JSON.stringify(e.meta ?? {})} ${e.message ?? ""}`;
  return /23505|UNIQUE constraint|unique constraint|SQLITE_CONSTRAINT_UNIQUE|2067|1555/i.test(text);
}

/**
 * Multi-row INSERT, written the way Prisma itself stores each type (SQLite: ISO text dates with
 * +00:00 and JSON as text; PostgreSQL: timestamp(3), jsonb, enum types), a few hundred rows a statement. Prisma's createMany costs about half a millisecond a row here; a fan-out of
 * 10,000 check-ins writes 30,000 rows, so the job writes them this way.
 */
async function insertRows(tx: Tx, table: string, columns: [string, Kind][], rows: Value[][]): Promise<void> {
  if (!rows.length) return;
  const pg = providerOfClient(tx) === "postgresql";
  // SQLite builds may cap a statement at 999 parameters; PostgreSQL takes 65,535, and each
  // statement there is a network round trip, so it gets far bigger ones.
  const perStatement = Math.max(1, Math.floor((pg ? 20_000 : 900) / columns.length));
  const names = columns.map(([c]) => `"${c}"`).join(", ");
  for (let from = 0; from < rows.length; from += perStatement) {
    const slice = rows.slice(from, from + perStatement);
    const params: unknown[] = [];
    const tuples = slice.map((row) => {
      const cells = row.map((value, i) => {
        const kind = columns[i]![1];
        let v: unknown = value;
        if (value instanceof Date) v = pg ? value.toISOString() : value.toISOString().replace("Z", "+00:00");
        else if (kind === "json") v = JSON.stringify(value);
        params.push(v);
        const p = pg ? `$${params.length}` : "?";
        if (!pg || value === null) return p;
        if (kind === "date") return `${p}::timestamp(3)`;
        if (kind === "json") return `${p}::jsonb`;
        if (kind === "int") return `${p}::integer`;
        if (kind.startsWith("enum:")) return `${p}::"${kind.slice(5)}"`;
        return p;
      });
      return `(${cells.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}`, ...params);
  }
}

/**
 * runOnce for many keys in one transaction: the JobRun rows, the Checkin rows and the outbox
 * messages of every item not yet run commit together. Keys already taken are left out. If another
 * instance takes one of the keys at the same moment, the insert of its key fails, the whole batch
 * rolls back (nothing written) and this returns null: the caller then does the items one by one
 * with runOnce. Returns the run keys this call did.
 */
export async function runBatchOnce(db: Db, job: string, workspaceId: string, items: BatchItem[], now: Date): Promise<string[] | null> {
  if (!items.length) return [];
  try {
    return await db.$transaction(async (tx) => {
      const taken = await runKeysDone(tx, items.map((i) => i.runKey));
      const todo = items.filter((i) => !taken.has(i.runKey));
      if (!todo.length) return [];
      // Row timestamps are the real time, as Prisma's @default(now()) would write them (the outbox
      // looks for a crashed send in the channel's history from its row's createdAt), not the job's `now`.
      const written = new Date();
      await insertRows(
        tx,
        "JobRun",
        [["id", "text"], ["key", "text"], ["job", "text"], ["workspaceId", "text"], ["status", "enum:JobRunStatus"], ["startedAt", "date"], ["finishedAt", "date"]],
        todo.map((i) => [randomUUID(), i.runKey, job, workspaceId, "DONE", now, now]),
      );
      await insertRows(
        tx,
        "Checkin",
        [["id", "text"], ["workspaceId", "text"], ["matchId", "text"], ["periodKey", "text"], ["recipient", "text"], ["sentAt", "date"], ["createdAt", "date"], ["updatedAt", "date"]],
        todo.flatMap((i) => (i.newCheckin ? [[i.newCheckin.id, i.newCheckin.workspaceId, i.newCheckin.matchId, i.newCheckin.periodKey, i.newCheckin.recipient, i.newCheckin.sentAt, written, written]] : [])),
      );
      await markReminded(tx, workspaceId, todo.flatMap((i) => (i.remindCheckinId ? [i.remindCheckinId] : [])), now);
      await markManyEscalated(tx, workspaceId, todo.flatMap((i) => (i.escalated ? [i.escalated] : [])), now);
      await insertRows(
        tx,
        "OutboxMessage",
        [["id", "text"], ["workspaceId", "text"], ["key", "text"], ["channel", "text"], ["payload", "json"], ["status", "enum:OutboxStatus"], ["attempts", "int"], ["notBefore", "date"], ["createdAt", "date"], ["updatedAt", "date"]],
        todo.flatMap((i) => i.messages.map((m) => [randomUUID(), m.workspaceId, m.key, m.channel, m.payload, "PENDING", 0, m.notBefore, written, written])),
      );
      return todo.map((i) => i.runKey);
    }, LIMITS);
  } catch (error) {
    if (isUniqueViolation(error) || isRawUniqueViolation(error)) return null;
    throw error;
  }
}
