import type { Db, Tx } from "./database.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { RoundKind, RoundRunStatus } from "../generated/sqlite/enums.js";
import type { LiveWorkspaces } from "./workspaces.js";

/**
 * Pairing rounds as the scheduler sees them: rounds, their runs' life up to the preview, who takes
 * part, skips and rank lists. (The preview and approval's own reads are in roundRuns.ts.) Every
 * query is scoped by workspace, except the job's sweeps, which return each row's workspace.
 */

export interface RoundRecord {
  id: string;
  workspaceId: string;
  programId: string;
  programName: string;
  timezone: string;
  cohortId: string | null;
  cohortName: string | null;
  name: string;
  kind: RoundKind;
  options: unknown;
  schedule: string | null;
  nextRunAt: Date | null;
  status: "ACTIVE" | "CANCELLED";
  createdById: string;
  createdAt: Date;
}

const ROUND_SELECT = {
  id: true,
  workspaceId: true,
  programId: true,
  cohortId: true,
  name: true,
  kind: true,
  options: true,
  schedule: true,
  nextRunAt: true,
  status: true,
  createdById: true,
  createdAt: true,
  program: { select: { name: true, timezone: true, cohorts: { select: { id: true, name: true } } } },
} as const;

type RoundRow = Prisma.RoundGetPayload<{ select: typeof ROUND_SELECT }>;

function toRound(r: RoundRow): RoundRecord {
  const { program, ...rest } = r;
  return { ...rest, programName: program.name, timezone: program.timezone, cohortName: program.cohorts.find((c) => c.id === r.cohortId)?.name ?? null };
}

export interface NewRound {
  workspaceId: string;
  programId: string;
  cohortId: string | null;
  name: string;
  kind: RoundKind;
  options: Record<string, unknown>;
  schedule: string | null;
  nextRunAt: Date;
  createdById: string;
}

export async function createRound(tx: Db | Tx, data: NewRound): Promise<RoundRecord> {
  const r = await tx.round.create({ data: { ...data, options: data.options as Prisma.InputJsonValue }, select: ROUND_SELECT });
  return toRound(r);
}

export async function findRound(db: Db | Tx, workspaceId: string, roundId: string): Promise<RoundRecord | null> {
  const r = await db.round.findFirst({ where: { workspaceId, id: roundId }, select: ROUND_SELECT });
  return r ? toRound(r) : null;
}

export async function activeRounds(db: Db, workspaceId: string): Promise<RoundRecord[]> {
  const rows = await db.round.findMany({ where: { workspaceId, status: "ACTIVE" }, select: ROUND_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toRound);
}

/** ACTIVE → CANCELLED with nothing planned; runs not yet previewed are discarded. False if it was not active. */
export async function cancelRound(tx: Tx, workspaceId: string, roundId: string): Promise<boolean> {
  const { count } = await tx.round.updateMany({ where: { workspaceId, id: roundId, status: "ACTIVE" }, data: { status: "CANCELLED", nextRunAt: null } });
  if (count === 1) await tx.roundRun.updateMany({ where: { workspaceId, roundId, status: { in: ["NOTICED", "RANKING"] } }, data: { status: "DISCARDED" } });
  return count === 1;
}

/** Active rounds whose next occurrence is at or before `until` (all workspaces: the job's sweep). */
export async function roundsDueBy(db: Db, until: Date, live: LiveWorkspaces, take = 200): Promise<RoundRecord[]> {
  const rows = await db.round.findMany({
    where: { status: "ACTIVE", nextRunAt: { lte: until }, ...live },
    select: ROUND_SELECT,
    orderBy: [{ nextRunAt: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map(toRound);
}

/**
 * Moves a round's next occurrence on, only if it still is `from` (a second instance that fired the
 * same occurrence finds it moved and changes nothing). `to` null: nothing more planned.
 */
export async function advanceRound(db: Db | Tx, workspaceId: string, roundId: string, from: Date, to: Date | null): Promise<boolean> {
  const { count } = await db.round.updateMany({ where: { workspaceId, id: roundId, status: "ACTIVE", nextRunAt: from }, data: { nextRunAt: to } });
  return count === 1;
}

export interface RunState {
  id: string;
  workspaceId: string;
  roundId: string;
  scheduledFor: Date;
  status: RoundRunStatus;
  rankDeadline: Date | null;
}

const RUN_SELECT = { id: true, workspaceId: true, roundId: true, scheduledFor: true, status: true, rankDeadline: true } as const;

export async function runAt(db: Db | Tx, workspaceId: string, roundId: string, scheduledFor: Date): Promise<RunState | null> {
  return db.roundRun.findFirst({ where: { workspaceId, roundId, scheduledFor }, select: RUN_SELECT });
}

export async function createRun(tx: Tx, data: { workspaceId: string; roundId: string; scheduledFor: Date; status: RoundRunStatus; rankDeadline: Date | null }): Promise<RunState> {
  return tx.roundRun.create({ data, select: RUN_SELECT });
}

export async function runState(db: Db | Tx, workspaceId: string, runId: string): Promise<RunState | null> {
  return db.roundRun.findFirst({ where: { workspaceId, id: runId }, select: RUN_SELECT });
}

/** Runs of active rounds still before their preview (all workspaces: the job's sweep). */
export async function openRuns(db: Db, live: LiveWorkspaces, take = 200): Promise<RunState[]> {
  return db.roundRun.findMany({
    where: { status: { in: ["NOTICED", "RANKING"] }, round: { status: "ACTIVE" }, ...live },
    select: RUN_SELECT,
    orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
    take,
  });
}

/**
 * Runs waiting for the director (all workspaces), newest first: the job checks each has had its
 * first preview. Old previews nobody approved stay PREVIEW; newest first keeps them from crowding out new ones.
 */
export async function runsInPreview(db: Db, live: LiveWorkspaces, take = 200): Promise<RunState[]> {
  return db.roundRun.findMany({ where: { status: "PREVIEW", ...live }, select: RUN_SELECT, orderBy: [{ scheduledFor: "desc" }, { id: "desc" }], take });
}

/** Conditional status change; false when the run was not in `from` any more. */
export async function moveRun(db: Db | Tx, workspaceId: string, runId: string, from: RoundRunStatus[], to: RoundRunStatus): Promise<boolean> {
  const { count } = await db.roundRun.updateMany({ where: { workspaceId, id: runId, status: { in: from } }, data: { status: to } });
  return count === 1;
}

/** The latest run of each round (for the director's list). */
export async function latestRuns(db: Db, workspaceId: string, roundIds: string[]): Promise<Map<string, RunState>> {
  if (roundIds.length === 0) return new Map();
  const runs = await db.roundRun.findMany({ where: { workspaceId, round: { workspaceId, status: "ACTIVE" } }, select: RUN_SELECT, orderBy: { scheduledFor: "asc" } });
  const out = new Map<string, RunState>();
  for (const r of runs) if (roundIds.includes(r.roundId)) out.set(r.roundId, r);
  return out;
}

export interface Participant {
  memberId: string;
  slackUserId: string;
  name: string;
  tz: string;
  /** Where the bot's DM with them is, when known (else their user id is used). */
  dmChannelId: string | null;
  side: "trainee" | "mentor";
}

/**
 * Who a round's run is for, the people the day-before notice goes to: trainees of the round's
 * cohort (or the whole program) and — for every kind but peer rotations — the program's mentors.
 * Mentor-match and stable rounds leave out trainees who already have an active mentor in the round's
 * role in this program. Paused (at `at`) and erased people are left out.
 */
export async function participants(
  db: Db | Tx,
  round: Pick<RoundRecord, "workspaceId" | "programId" | "cohortId" | "kind">,
  options: { role: string | null; withMentors: boolean },
  at: Date,
): Promise<Participant[]> {
  const { workspaceId, programId, cohortId } = round;
  const available = { erasedAt: null, OR: [{ pausedAt: null }, { pausedUntil: { lte: at } }] };
  const rows = await db.enrollment.findMany({
    where: {
      workspaceId,
      programId,
      member: available,
      OR: [{ role: "TRAINEE", ...(cohortId ? { cohortId } : {}) }, ...(options.withMentors ? [{ role: "MENTOR" as const }] : [])],
    },
    select: { role: true, member: { select: { id: true, slackUserId: true, name: true, tz: true, dmChannelId: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const matched = options.role
    ? new Set(
        (
          await db.match.findMany({
            where: { workspaceId, programId, status: "ACTIVE", role: options.role },
            select: { traineeId: true },
          })
        ).map((m) => m.traineeId),
      )
    : new Set<string>();
  const seen = new Set<string>();
  const out: Participant[] = [];
  for (const r of rows) {
    const side = r.role === "TRAINEE" ? "trainee" : "mentor";
    if (side === "trainee" && matched.has(r.member.id)) continue;
    const key = `${side}:${r.member.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ memberId: r.member.id, slackUserId: r.member.slackUserId, name: r.member.name, tz: r.member.tz, dmChannelId: r.member.dmChannelId, side });
  }
  return out;
}

/** "Skip this one": idempotent (a second click changes nothing). */
export async function addSkip(db: Db, workspaceId: string, runId: string, memberId: string, now: Date): Promise<void> {
  await db.roundSkip.upsert({
    where: { runId_memberId: { runId, memberId } },
    create: { workspaceId, runId, memberId, createdAt: now },
    update: {},
  });
}

export async function hasSkip(db: Db, workspaceId: string, runId: string, memberId: string): Promise<boolean> {
  return (await db.roundSkip.count({ where: { workspaceId, runId, memberId } })) > 0;
}

export async function removeSkip(db: Db, workspaceId: string, runId: string, memberId: string): Promise<void> {
  await db.roundSkip.deleteMany({ where: { workspaceId, runId, memberId } });
}

export async function saveRanking(db: Db, workspaceId: string, runId: string, memberId: string, ranks: string[]): Promise<void> {
  await db.roundRanking.upsert({
    where: { runId_memberId: { runId, memberId } },
    create: { workspaceId, runId, memberId, ranks },
    update: { ranks },
  });
}

export async function rankingOf(db: Db, workspaceId: string, runId: string, memberId: string): Promise<string[] | null> {
  const r = await db.roundRanking.findFirst({ where: { workspaceId, runId, memberId }, select: { ranks: true } });
  return r && Array.isArray(r.ranks) ? (r.ranks as unknown[]).filter((x): x is string => typeof x === "string") : null;
}

/** Every rank list of a run, by member id. */
export async function rankingsOf(db: Db | Tx, workspaceId: string, runId: string): Promise<Map<string, string[]>> {
  const rows = await db.roundRanking.findMany({ where: { workspaceId, runId }, select: { memberId: true, ranks: true } });
  return new Map(rows.map((r) => [r.memberId, Array.isArray(r.ranks) ? (r.ranks as unknown[]).filter((x): x is string => typeof x === "string") : []]));
}

/** Slack ids of the director who created the run's round and of the program's DIRECTOR enrollments. */
export async function previewRecipients(db: Db, workspaceId: string, runId: string): Promise<string[]> {
  const run = await db.roundRun.findFirst({ where: { workspaceId, id: runId }, select: { round: { select: { createdById: true, programId: true } } } });
  if (!run) return [];
  const directors = await db.enrollment.findMany({
    where: { workspaceId, programId: run.round.programId, role: "DIRECTOR", member: { erasedAt: null } },
    select: { member: { select: { slackUserId: true } } },
  });
  const ids = [run.round.createdById, ...directors.map((d) => d.member.slackUserId)].filter((id) => /^[UW][A-Z0-9]+$/.test(id));
  return [...new Set(ids)];
}
