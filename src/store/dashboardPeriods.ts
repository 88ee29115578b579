import type { Db, Tx } from "./database.js";
import { providerOfClient } from "./database.js";
import type { Cadence } from "../domain/cadence.js";
import { checkinResponses, meetingsReported, type Window } from "./dashboard.js";

/**
 * The per-period summary behind the director's dashboard and chart (model DashboardPeriod): for a
 * complete period of a program (or of the whole workspace), the meetings reported and the check-ins
 * sent and answered, so opening the Home reads one row instead of recounting the period.
 *
 * Kept exact this way:
 * - a period is counted (the same queries as without the summary) the first time it is asked for,
 *   and stored;
 * - every change to check-ins or meetings (a check-in sent or answered, a meeting logged) calls
 *   `periodsChanged` in the transaction that makes it: the stored periods the change falls in are
 *   deleted, so the next read counts just those again;
 * - a count is stored only if no such change was made while it was being counted: each change bumps
 *   the workspace's DashboardVersion, and the count is stored under a lock on that row only if the
 *   version is still the one read before counting.
 * Periods are keyed by cadence and time zone, so a program that changes either simply reads (and
 * stores) the periods of its new calendar.
 */

export interface PeriodCounts {
  meetings: number;
  sent: number;
  answered: number;
}

/** What a change touched: instants (a check-in's sentAt, an answer's old and new answeredAt) and meeting days. */
export interface PeriodChange {
  instants?: readonly (Date | null | undefined)[];
  days?: readonly (Date | null | undefined)[];
}

const WHOLE_WORKSPACE = "";
const dayKey = (d: Date) => d.toISOString().slice(0, 10);

async function versionOf(db: Db, workspaceId: string): Promise<number> {
  const row = await db.dashboardVersion.findUnique({ where: { workspaceId }, select: { version: true } });
  return row?.version ?? 0;
}

/**
 * Call inside the transaction that changes check-ins or meetings of the workspace: forgets the
 * stored periods (of every program and cadence) the change falls in, and marks the workspace changed.
 */
export async function periodsChanged(tx: Db | Tx, workspaceId: string, change: PeriodChange): Promise<void> {
  // Bumped first: the row lock it takes (PostgreSQL) makes a count being stored wait for this transaction.
  await tx.$executeRaw`INSERT INTO "DashboardVersion" ("workspaceId", "version") VALUES (${workspaceId}, 1)
    ON CONFLICT ("workspaceId") DO UPDATE SET "version" = "DashboardVersion"."version" + 1`;
  const instants = [...new Set((change.instants ?? []).filter((d): d is Date => d instanceof Date).map((d) => d.getTime()))].map((t) => new Date(t));
  const days = [...new Set((change.days ?? []).filter((d): d is Date => d instanceof Date).map(dayKey))];
  const within = [
    ...instants.map((t) => ({ start: { lte: t }, end: { gt: t } })),
    ...days.map((d) => ({ key: { lte: d }, endKey: { gt: d } })),
  ];
  if (within.length) await tx.dashboardPeriod.deleteMany({ where: { workspaceId, OR: within } });
}

async function count(db: Db, workspaceId: string, programId: string | null, w: Window): Promise<PeriodCounts> {
  const [meetings, checkins] = await Promise.all([meetingsReported(db, workspaceId, programId, w), checkinResponses(db, workspaceId, programId, w)]);
  return { meetings, ...checkins };
}

/** Stores a period counted under `version`, unless the workspace changed since (then the next read counts it again). */
async function store(db: Db, workspaceId: string, programId: string, cadence: Cadence, timezone: string, w: Window, counts: PeriodCounts, version: number, now: Date): Promise<void> {
  const pg = providerOfClient(db) === "postgresql";
  await db.$transaction(async (tx) => {
    const rows = pg
      ? await tx.$queryRaw<{ version: number }[]>`SELECT "version" FROM "DashboardVersion" WHERE "workspaceId" = ${workspaceId} FOR SHARE`
      : await tx.$queryRaw<{ version: number }[]>`SELECT "version" FROM "DashboardVersion" WHERE "workspaceId" = ${workspaceId}`;
    if (Number(rows[0]?.version ?? 0) !== version) return;
    const data = { meetingsReported: counts.meetings, checkinsSent: counts.sent, checkinsAnswered: counts.answered, endKey: w.endKey, start: w.start, end: w.end, computedAt: now };
    await tx.dashboardPeriod.upsert({
      where: { workspaceId_programId_cadence_timezone_key: { workspaceId, programId, cadence, timezone, key: w.key } },
      create: { workspaceId, programId, cadence, timezone, key: w.key, ...data },
      update: data,
    });
  });
}

/**
 * Meetings reported and check-ins sent / answered in each of the given complete windows of a program
 * (programId null: the whole workspace) with that cadence and time zone, keyed by window key. Reads
 * the stored periods; counts (and stores) the ones missing.
 */
export async function periodCounts(
  db: Db,
  workspaceId: string,
  programId: string | null,
  calendar: { cadence: Cadence; timezone: string },
  windows: readonly Window[],
  now: Date,
): Promise<Map<string, PeriodCounts>> {
  const scope = programId ?? WHOLE_WORKSPACE;
  const { cadence, timezone } = calendar;
  const stored = await db.dashboardPeriod.findMany({
    where: { workspaceId, programId: scope, cadence, timezone, key: { in: windows.map((w) => w.key) } },
    select: { key: true, endKey: true, meetingsReported: true, checkinsSent: true, checkinsAnswered: true },
  });
  const found = new Map<string, PeriodCounts>();
  for (const r of stored) found.set(`${r.key}/${r.endKey}`, { meetings: r.meetingsReported, sent: r.checkinsSent, answered: r.checkinsAnswered });
  const result = new Map<string, PeriodCounts>();
  const missing = windows.filter((w) => !found.has(`${w.key}/${w.endKey}`));
  const version = missing.length ? await versionOf(db, workspaceId) : 0;
  for (const w of windows) {
    let counts = found.get(`${w.key}/${w.endKey}`);
    if (!counts) {
      counts = await count(db, workspaceId, programId, w);
      // Only complete periods are stored: one still running changes with every check-in sent.
      if (w.end.getTime() <= now.getTime()) await store(db, workspaceId, scope, cadence, timezone, w, counts, version, now);
    }
    result.set(w.key, counts);
  }
  return result;
}
