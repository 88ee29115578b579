import { randomUUID } from "node:crypto";
import { providerOfClient, type Db, type Tx } from "./database.js";
import { isUniqueViolation } from "./errors.js";
import type { OutgoingMessage } from "./outbox.js";
import { markReminded, parseBreaks, party, planPerson, type NewCheckin, type PersonRow, type PlanRow } from "./checkins.js";
import { effectiveCadence } from "../domain/cadence.js";
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
 * Inserts many rows with one statement and ONE bound parameter: the rows as a JSON array of arrays,
 * which the database expands itself (SQLite json_each, PostgreSQL jsonb_array_elements), each
 * value written the way Prisma itself stores its type (SQLite: ISO text dates with +00:00 and JSON
 * as text; PostgreSQL: timestamp(3), jsonb, enum types). Every bound parameter costs Prisma's query
 * compiler and driver adapter a few microseconds on its way to the database: a fan-out of 10,000
 * check-ins writes 36,000 rows with 290,000 values, which as one parameter each (the multi-row
 * VALUES this replaced) took about a second of the job's CPU time.
 */
async function insertRows(tx: Tx, table: string, columns: [string, Kind][], rows: Value[][]): Promise<void> {
  if (!rows.length) return;
  const pg = providerOfClient(tx) === "postgresql";
  const names = columns.map(([c]) => `"${c}"`).join(", ");
  const cells = columns.map(([, kind], i) => (pg ? pgCell(kind, i) : sqliteCell(kind, i))).join(", ");
  const sql = pg
    ? `INSERT INTO "${table}" (${names}) SELECT ${cells} FROM jsonb_array_elements($1::jsonb) AS r("v")`
    : `INSERT INTO "${table}" (${names}) SELECT ${cells} FROM json_each(?) AS r`;
  // The rows of a batch share a few instants (the job's now, the write time): each is written once.
  const dates = new Map<number, string>();
  const dateText = (d: Date) => {
    let text = dates.get(d.getTime());
    if (text === undefined) dates.set(d.getTime(), (text = pg ? d.toISOString() : sqliteDate(d)));
    return text;
  };
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const slice = rows.slice(from, from + ROWS_PER_STATEMENT);
    const json = JSON.stringify(slice.map((row) => row.map((value) => (value instanceof Date ? dateText(value) : value))));
    await tx.$executeRawUnsafe(sql, json);
  }
}

/** Rows a statement of insertRows: a few MB of JSON at most (an outbox row is about 1 kB). */
const ROWS_PER_STATEMENT = 5000;

/** Value i of the JSON row `r.value`, as SQLite stores the column: JSON as its text, everything else as the scalar (a string, a number; JSON null is NULL). */
const sqliteCell = (kind: Kind, i: number) => (kind === "json" ? `r."value" -> ${i}` : `r."value" ->> ${i}`);

/** Value i of the JSON row `r.v`, cast to the column's PostgreSQL type (JSON null is NULL). */
function pgCell(kind: Kind, i: number): string {
  if (kind === "json") return `r."v" -> ${i}`;
  const text = `(r."v" ->> ${i})`;
  if (kind === "date") return `${text}::timestamp(3)`;
  if (kind === "int") return `${text}::integer`;
  if (kind.startsWith("enum:")) return `${text}::"${kind.slice(5)}"`;
  return text;
}

/** The unique (matchId, periodKey, recipient) index. SQLite, without statistics, would otherwise pick the workspaceId index and read every check-in of the workspace. */
const CHECKIN_BY_MATCH = "Checkin_matchId_periodKey_recipient_key";

const PERSON_COLUMNS = ["id", "slackUserId", "name", "tz", "dmChannelId", "pausedAt", "pausedUntil", "erasedAt"] as const;
const PERSON_DATES = new Set<string>(["pausedAt", "pausedUntil", "erasedAt"]);
const HISTORY_COLUMNS = ["periodKey", "recipient", "sentAt", "answer", "answeredAt", "reminderSentAt"] as const;
const HISTORY_DATES = new Set<string>(["sentAt", "answeredAt", "reminderSentAt"]);

/**
 * One page of a workspace's active matches (by id, after `afterId`) with program settings, both
 * people and the whole check-in history: what activeMatchPage returns, in one query a page. Each
 * match comes back as ONE value, a JSON array built by the database (its history a nested array,
 * read through the (matchId, periodKey, recipient) index), parsed here with JSON.parse: Prisma and
 * the driver hand over each value of a result one by one, and 10,000 matches of 28 columns with
 * 75,000 past check-ins of 6 are almost a million values, against 10,000 here. Timestamps come as
 * epoch milliseconds (UTC).
 */
export async function activeMatchBatch(db: Db, workspaceId: string, afterId: string | null, take: number): Promise<PlanRow[]> {
  const pg = providerOfClient(db) === "postgresql";
  // Timestamps as epoch milliseconds, which JSON carries as numbers (new Date(ms) is far cheaper than parsing text).
  const ms = (x: string) => (pg ? `(extract(epoch from ${x}) * 1000)::bigint` : `CAST(round(unixepoch(${x}, 'subsec') * 1000) AS INTEGER)`);
  const col = (alias: string, c: string, date: boolean) => (date ? ms(`${alias}."${c}"`) : `${alias}."${c}"`);
  const person = (alias: string) => PERSON_COLUMNS.map((c) => col(alias, c, PERSON_DATES.has(c))).join(", ");
  const entry = HISTORY_COLUMNS.map((c) => col("c", c, HISTORY_DATES.has(c))).join(", ");
  const head = `m."id", m."programId", m."role", m."cadence", ${col("m", "startedAt", true)}, ${col("m", "endedAt", true)},
              p."name", p."checkinCadence", p."timezone", p."breaks", p."checkinAlsoTrainee",
              ${person("mentor")}, ${person("trainee")}`;
  const from = `FROM "Match" m
       JOIN "Program" p ON p."id" = m."programId"
       JOIN "Member" mentor ON mentor."id" = m."mentorId"
       JOIN "Member" trainee ON trainee."id" = m."traineeId"
      WHERE m."workspaceId" = ${pg ? "$1" : "?"} AND m."status" = 'ACTIVE'${afterId === null ? "" : ` AND m."id" > ${pg ? "$2" : "?"}`}
      ORDER BY m."id"
      LIMIT ${Math.max(1, Math.floor(take))}`; // a literal: SQLite refuses a bound LIMIT that arrives as a float
  const rows = pg
    ? // PostgreSQL: the page's history in one pass over its id range (a subquery per match may be
      // planned on the workspaceId index, reading every check-in of the workspace for each match).
      await db.$queryRawUnsafe<{ row: string }[]>(
        `WITH page AS MATERIALIZED (SELECT m."id", json_build_array(${head}) AS "head" ${from}),
              history AS (
                SELECT c."matchId", json_agg(json_build_array(${entry})) AS "h"
                  FROM "Checkin" c
                 WHERE c."workspaceId" = $1 AND c."matchId" >= (SELECT min("id") FROM page) AND c."matchId" <= (SELECT max("id") FROM page)
                 GROUP BY c."matchId")
         SELECT (page."head"::jsonb || jsonb_build_array(coalesce(history."h"::jsonb, '[]'::jsonb)))::text AS "row"
           FROM page LEFT JOIN history ON history."matchId" = page."id"
          ORDER BY page."id"`,
        ...(afterId === null ? [workspaceId] : [workspaceId, afterId]),
      )
    : // SQLite binds `?` in order of appearance: the history's workspace comes first.
      await db.$queryRawUnsafe<{ row: string }[]>(
        `SELECT json_array(${head},
                  json((SELECT json_group_array(json_array(${entry})) FROM "Checkin" c INDEXED BY "${CHECKIN_BY_MATCH}" WHERE c."workspaceId" = ? AND c."matchId" = m."id"))) AS "row"
           ${from}`,
        ...(afterId === null ? [workspaceId, workspaceId] : [workspaceId, workspaceId, afterId]),
      );
  // Every match of a program has the same breaks: parsed (JSON, then checked) once per program, not per match.
  const breaksOf = new Map<string, PlanRow["plan"]["programBreaks"]>();
  return rows.map(({ row }) => {
    const v = JSON.parse(row) as unknown[];
    const [id, programId, role, cadence, startedAt, endedAt, programName, checkinCadence, timezone, breaks, alsoTrainee] = v as [
      string, string, string, string | null, unknown, unknown, string, string, string, unknown, unknown,
    ];
    const mentor = personAt(v, 11);
    const trainee = personAt(v, 11 + PERSON_COLUMNS.length);
    let programBreaks = breaksOf.get(programId);
    if (!programBreaks) breaksOf.set(programId, (programBreaks = parseBreaks(typeof breaks === "string" ? JSON.parse(breaks) : breaks)));
    const checkins = (v[11 + 2 * PERSON_COLUMNS.length] as unknown[][] | null) ?? [];
    return {
      workspaceId,
      programId,
      programName,
      role,
      mentor: party(mentor),
      trainee: party(trainee),
      plan: {
        matchId: id,
        startedAt: asDate(startedAt)!,
        endedAt: asDate(endedAt),
        status: "ACTIVE",
        cadence: effectiveCadence(cadence, checkinCadence),
        alsoTrainee: Boolean(alsoTrainee),
        programTz: timezone,
        programBreaks,
        mentor: planPerson(mentor),
        trainee: planPerson(trainee),
        history: {
          checkins: checkins.map(
            ([periodKey, recipient, sentAt, answer, answeredAt, reminderSentAt]): CheckinRecord => ({
              periodKey: periodKey as string,
              recipient: recipient as Role,
              sentAt: asDate(sentAt),
              answer: answer as CheckinRecord["answer"],
              answeredAt: asDate(answeredAt),
              reminderSentAt: asDate(reminderSentAt),
            }),
          ),
        },
      },
    };
  });
}

/** The person whose columns start at `at` in a page row (in PERSON_COLUMNS order). */
function personAt(v: unknown[], at: number): PersonRow {
  return {
    id: v[at] as string,
    slackUserId: v[at + 1] as string,
    name: v[at + 2] as string,
    tz: v[at + 3] as string,
    dmChannelId: v[at + 4] as string | null,
    pausedAt: asDate(v[at + 5]),
    pausedUntil: asDate(v[at + 6]),
    erasedAt: asDate(v[at + 7]),
  };
}

/** A timestamp read as epoch milliseconds (null stays null). */
function asDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(value as number);
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
