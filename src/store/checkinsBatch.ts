import { randomUUID } from "node:crypto";
import { providerOfClient, type Db, type Tx } from "./database.js";
import { isUniqueViolation } from "./errors.js";
import type { OutgoingMessage } from "./outbox.js";
import { markReminded, parseBreaks, party, planPerson, type NewCheckin, type PersonRow, type PlanRow } from "./checkins.js";
import { effectiveCadence } from "../domain/cadence.js";
import type { Cadence } from "../domain/cadence.js";
import type { CheckinRecord, Role } from "../domain/checkinPlan.js";
import { runKeysDone } from "./jobRuns.js";
import { periodsChanged } from "./dashboardPeriods.js";

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
        if (value instanceof Date) v = pg ? value.toISOString() : sqliteDate(value);
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

/** The unique (matchId, periodKey, recipient) index. SQLite, without statistics, would otherwise pick the workspaceId index and read every check-in of the workspace. */
const CHECKIN_BY_MATCH = "Checkin_matchId_periodKey_recipient_key";

const PERSON_COLUMNS = ["id", "slackUserId", "name", "tz", "dmChannelId", "pausedAt", "pausedUntil", "erasedAt"] as const;
const personColumns = (alias: string) => PERSON_COLUMNS.map((c) => `${alias}."${c}" AS "${alias}_${c}"`).join(", ");
const personOf = (row: Record<string, unknown>, alias: string) => Object.fromEntries(PERSON_COLUMNS.map((c) => [c, row[`${alias}_${c}`]])) as PersonRow;

/**
 * One page of a workspace's active matches (by id, after `afterId`) with program settings, both
 * people and the whole check-in history: what activeMatchPage returns, in two queries a page (the
 * matches joined with their program and people; the history of the page's id range) instead of
 * Prisma's five with IN lists of every id, and without its per-row object mapping. The check-in
 * job reads 10,000 matches and 75,000 past check-ins this way.
 */
export async function activeMatchBatch(db: Db, workspaceId: string, afterId: string | null, take: number): Promise<PlanRow[]> {
  const pg = providerOfClient(db) === "postgresql";
  const p = (i: number) => (pg ? `$${i}` : "?");
  const matches = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT m."id", m."workspaceId", m."programId", m."role", m."cadence", m."startedAt", m."endedAt",
            p."name" AS "programName", p."checkinCadence", p."timezone", p."breaks", p."checkinAlsoTrainee",
            ${personColumns("mentor")}, ${personColumns("trainee")}
       FROM "Match" m
       JOIN "Program" p ON p."id" = m."programId"
       JOIN "Member" mentor ON mentor."id" = m."mentorId"
       JOIN "Member" trainee ON trainee."id" = m."traineeId"
      WHERE m."workspaceId" = ${p(1)} AND m."status" = 'ACTIVE'${afterId === null ? "" : ` AND m."id" > ${p(2)}`}
      ORDER BY m."id"
      LIMIT ${Math.max(1, Math.floor(take))}`, // a literal: SQLite refuses a bound LIMIT that arrives as a float
    ...(afterId === null ? [workspaceId] : [workspaceId, afterId]),
  );
  if (!matches.length) return [];
  const history = new Map<string, CheckinRecord[]>(matches.map((m) => [m.id as string, []]));
  const checkins = await db.$queryRawUnsafe<{ matchId: string; periodKey: string; recipient: string; sentAt: Date | null; answer: CheckinRecord["answer"]; answeredAt: Date | null; reminderSentAt: Date | null }[]>(
    `SELECT c."matchId", c."periodKey", c."recipient", c."sentAt", c."answer", c."answeredAt", c."reminderSentAt"
       FROM "Checkin" c${pg ? "" : ` INDEXED BY "${CHECKIN_BY_MATCH}"`}
      WHERE c."workspaceId" = ${p(1)} AND c."matchId" >= ${p(2)} AND c."matchId" <= ${p(3)}`,
    workspaceId,
    matches[0]!.id,
    matches[matches.length - 1]!.id,
  );
  for (const c of checkins) {
    // The id range also holds matches that are not active (not in the page): their history is skipped.
    history.get(c.matchId)?.push({ periodKey: c.periodKey, recipient: c.recipient as Role, sentAt: asDate(c.sentAt), answer: c.answer, answeredAt: asDate(c.answeredAt), reminderSentAt: asDate(c.reminderSentAt) });
  }
  return matches.map((r) => {
    const mentor = personOf(r, "mentor");
    const trainee = personOf(r, "trainee");
    return {
      workspaceId: r.workspaceId as string,
      programId: r.programId as string,
      programName: r.programName as string,
      role: r.role as string,
      mentor: party(mentor),
      trainee: party(trainee),
      plan: {
        matchId: r.id as string,
        startedAt: asDate(r.startedAt)!,
        endedAt: asDate(r.endedAt),
        status: "ACTIVE",
        cadence: effectiveCadence(r.cadence as Cadence | null, r.checkinCadence as Cadence),
        alsoTrainee: Boolean(r.checkinAlsoTrainee),
        programTz: r.timezone as string,
        programBreaks: parseBreaks(typeof r.breaks === "string" ? JSON.parse(r.breaks) : r.breaks),
        mentor: planPerson({ ...mentor, pausedAt: asDate(mentor.pausedAt), pausedUntil: asDate(mentor.pausedUntil), erasedAt: asDate(mentor.erasedAt) }),
        trainee: planPerson({ ...trainee, pausedAt: asDate(trainee.pausedAt), pausedUntil: asDate(trainee.pausedUntil), erasedAt: asDate(trainee.erasedAt) }),
        history: { checkins: history.get(r.id as string)! },
      },
    };
  });
}

/** A raw query's timestamp: Prisma gives Date objects on both databases; text is parsed just in case. */
function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}

/**
 * Stamps escalatedAt on the check-ins of the given (match, period) pairs not yet escalated, in one
 * statement through the (matchId, periodKey, recipient) index. (Prisma's updateMany with an OR of
 * the pairs made SQLite test every check-in of the workspace against each pair: about 50 ms a page.)
 */
export async function markPeriodsEscalated(tx: Db | Tx, workspaceId: string, periods: { matchId: string; periodKey: string }[], now: Date): Promise<void> {
  if (!periods.length) return;
  const pg = providerOfClient(tx) === "postgresql";
  const params: unknown[] = [pg ? now.toISOString() : sqliteDate(now), workspaceId];
  const p = (value: unknown) => (params.push(value), pg ? `$${params.length}` : "?");
  const stamp = pg ? "$1::timestamp(3)" : "?";
  const matchIds = [...new Set(periods.map((x) => x.matchId))].map(p).join(", ");
  const pairs = periods.map((x) => `(${p(x.matchId)}, ${p(x.periodKey)})`).join(", ");
  await tx.$executeRawUnsafe(
    `UPDATE "Checkin"${pg ? "" : ` INDEXED BY "${CHECKIN_BY_MATCH}"`}
        SET "escalatedAt" = ${stamp}, "updatedAt" = ${pg ? stamp : "?"}
      WHERE "workspaceId" = ${pg ? "$2" : "?"} AND "escalatedAt" IS NULL
        AND "matchId" IN (${matchIds}) AND ("matchId", "periodKey") IN (VALUES ${pairs})`,
    ...(pg ? params : [params[0], params[0], ...params.slice(1)]),
  );
}

/** How Prisma stores a DateTime in SQLite: ISO text with +00:00. */
const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

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
      const sent = todo.flatMap((i) => (i.newCheckin ? [i.newCheckin.sentAt] : []));
      if (sent.length) await periodsChanged(tx, workspaceId, { instants: sent });
      await markReminded(tx, workspaceId, todo.flatMap((i) => (i.remindCheckinId ? [i.remindCheckinId] : [])), now);
      await markPeriodsEscalated(tx, workspaceId, todo.flatMap((i) => (i.escalated ? [i.escalated] : [])), now);
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
