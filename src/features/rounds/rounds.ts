import type { Db, Tx } from "../../store/database.js";
import type { ServiceContext } from "../context.js";
import { claimKey, hasRun, runOnce } from "../../store/jobRuns.js";
import * as store from "../../store/rounds.js";
import { liveWorkspacesOnly } from "../../store/workspaces.js";
import { findCohort, findProgram } from "../../store/programs.js";
import { optionsFromForm, parseRoundOptions, planWhen, targetOf, weekFilterOf, type RoundForm, type WhenField } from "../../domain/roundOptions.js";
import { nextOccurrence, plusLocalDays } from "../../domain/roundSchedule.js";
import { CohortNotFound, ProgramNotFound, RoundNotFound, RoundRunNotInPreview } from "../../domain/errors.js";
import { audit, type Actor } from "../programs/audit.js";
import type { RunTime } from "../ports.js";
import { queueNotices, type RoundNoticeMessages } from "./roundNotices.js";
import { askMentors, mentorPhaseKey, mentorPhaseStart, openRanking } from "./roundRankings.js";

export type { RoundRecord, RunState } from "../../store/rounds.js";

/**
 * Pairing rounds: a director sets one up (now, once at a time, or recurring); the rounds job then
 * walks each run through its steps, each exactly once however often or wherever it runs:
 *
 *   ~24 h before: the run is created and each participant is told (Skip this one / Pause me)
 *   at the run time: the proposal is made and the director gets the preview (part A's seam)
 *   stable rounds instead: at the run time trainees rank; halfway, mentors rank; at the deadline, the preview
 *
 * A recurring round's nextRunAt moves to the following occurrence when a run fires.
 */

export const JOB = "rounds";
/** How long before a run its participants are told. */
export const NOTICE_LEAD_MS = 24 * 3_600_000;
/** A run created later than this before its time (e.g. "now") sends no notice: there is no time to skip. */
export const NOTICE_MIN_LEAD_MS = 15 * 60_000;

/** Who gets a run's preview: the director who set the round up, and the program's directors. */
export async function previewRecipients(db: Db, workspaceId: string, runId: string): Promise<string[]> {
  return store.previewRecipients(db, workspaceId, runId);
}

/** What firing a run does beyond the scheduler: compute the proposal and show the director (part A). */
export interface PreviewPort {
  propose(db: Db, workspaceId: string, runId: string, now: Date): Promise<unknown>;
  /** Queues the preview to go out from `sendFrom`; returns how many previews it queued. */
  sendPreview(db: Db, workspaceId: string, runId: string, sendFrom: Date): Promise<number>;
}

export interface RoundPorts {
  messages: RoundNoticeMessages;
  preview: PreviewPort;
}

export type CreateOutcome = { ok: true; round: store.RoundRecord } | { ok: false; field: WhenField; message: string };

/** Sets up a round from the director's form. Timing problems come back for the form; bad program/cohort throw. */
export async function createRound(db: Db, by: Actor, form: RoundForm, now: Date): Promise<CreateOutcome> {
  const { programId, cohortId } = targetOf(form);
  const program = await findProgram(db, by.workspaceId, programId);
  if (!program) throw new ProgramNotFound(programId);
  if (cohortId && (await findCohort(db, by.workspaceId, cohortId))?.programId !== programId) throw new CohortNotFound(cohortId);
  const plan = planWhen(form, program.timezone, now);
  if (!plan.ok) return plan;
  const options = {
    ...optionsFromForm(form),
    ...(plan.everyWeeks ? { everyWeeks: plan.everyWeeks, anchor: plan.anchor } : {}),
    ...(plan.startsAt ? { startsAt: plan.startsAt } : {}),
    ...(plan.startTime ? { startTime: plan.startTime } : {}),
  };
  const { kind: _kind, ...stored } = options;
  const round = await db.$transaction(async (tx) => {
    const created = await store.createRound(tx, {
      workspaceId: by.workspaceId,
      programId,
      cohortId,
      name: form.name,
      kind: form.kind,
      options: stored,
      schedule: plan.schedule,
      nextRunAt: plan.nextRunAt,
      createdById: by.actor,
    });
    await audit(tx, by, "round.create", created.id, { name: form.name, kind: form.kind, programId, cohortId, schedule: plan.schedule, nextRunAt: plan.nextRunAt.toISOString(), options: stored }, now);
    return created;
  });
  return { ok: true, round };
}

export interface RoundSummary extends store.RoundRecord {
  latestRun: store.RunState | null;
}

export async function listRounds(db: Db, workspaceId: string): Promise<RoundSummary[]> {
  const rounds = await store.activeRounds(db, workspaceId);
  const latest = await store.latestRuns(db, workspaceId, rounds.map((r) => r.id));
  return rounds.map((r) => ({ ...r, latestRun: latest.get(r.id) ?? null }));
}

/** Calls a round off: nothing more is planned, runs not yet previewed are discarded. */
export async function cancelRound(db: Db, by: Actor, roundId: string, now: Date): Promise<store.RoundRecord> {
  const round = await store.findRound(db, by.workspaceId, roundId);
  if (!round) throw new RoundNotFound(roundId);
  await db.$transaction(async (tx) => {
    if (await store.cancelRound(tx, by.workspaceId, roundId)) await audit(tx, by, "round.cancel", roundId, { name: round.name }, now);
  });
  return { ...round, status: "CANCELLED", nextRunAt: null };
}

/** The occurrence after `fired`, or null for a one-off. Missed occurrences (the job was down) are not run late. */
export function followingRun(round: store.RoundRecord, fired: Date, now: Date): Date | null {
  if (!round.schedule) return null;
  const after = new Date(Math.max(fired.getTime(), now.getTime()));
  return nextOccurrence(round.schedule, round.timezone, after, weekFilterOf(parseRoundOptions(round.kind, round.options)));
}

export interface RoundsPass {
  started: number;
  rankingOpened: number;
  mentorsAsked: number;
  fired: number;
  previewed: number;
  /** Outbox messages queued: notices, rank invitations, previews. */
  messages: number;
}

const emptyPass = (): RoundsPass => ({ started: 0, rankingOpened: 0, mentorsAsked: 0, fired: 0, previewed: 0, messages: 0 });

/**
 * runOnce for a step that queues messages: `work` returns how many it queued, counted only if this
 * call ran the key (a rolled-back or repeated step queued nothing). False when the key had run.
 */
async function queuedOnce(db: Db, key: string, run: { workspaceId: string }, now: Date, tally: RoundsPass, work: (tx: Tx) => Promise<number>): Promise<boolean> {
  let queued = 0;
  const ran = await runOnce(db, { key, job: JOB, workspaceId: run.workspaceId }, now, async (tx) => void (queued = await work(tx)));
  if (ran) tally.messages += queued;
  return ran;
}

/** Step 1, once per occurrence: the run row, and the notices when there is time to skip. */
async function startRun(db: Db, round: store.RoundRecord, at: RunTime, ports: RoundPorts, tally: RoundsPass): Promise<void> {
  const scheduledFor = round.nextRunAt!;
  if (await store.runAt(db, round.workspaceId, round.id, scheduledFor)) return;
  const options = parseRoundOptions(round.kind, round.options);
  const rankDeadline = options.kind === "STABLE" ? plusLocalDays(scheduledFor, options.rankDays, round.timezone) : null;
  const started = await queuedOnce(db, `round-run:${round.id}:${scheduledFor.toISOString()}`, round, at.now, tally, async (tx) => {
    const run = await store.createRun(tx, { workspaceId: round.workspaceId, roundId: round.id, scheduledFor, status: "NOTICED", rankDeadline });
    return scheduledFor.getTime() - at.now.getTime() >= NOTICE_MIN_LEAD_MS ? queueNotices(tx, round, run, at.sendFrom, ports.messages) : 0;
  });
  if (started) tally.started += 1;
}

/**
 * Step 3, once per run: the run is marked fired (PREVIEW) and the round moved on, in one
 * transaction under the run key; then the proposal is made and the preview sent (see previewPending).
 */
async function fire(db: Db, round: store.RoundRecord, run: store.RunState, now: Date, tally: RoundsPass): Promise<void> {
  const fired = await runOnce(db, { key: `round-fire:${run.id}`, job: JOB, workspaceId: run.workspaceId }, now, async (tx) => {
    if (!(await store.moveRun(tx, run.workspaceId, run.id, ["NOTICED", "RANKING"], "PREVIEW"))) return;
    await store.advanceRound(tx, run.workspaceId, round.id, run.scheduledFor, followingRun(round, run.scheduledFor, now));
  });
  if (fired) tally.fired += 1;
}

/**
 * Step 4: a fired run whose preview has not gone out yet (also after a crash between the two) gets
 * its proposal and its preview. The key is claimed after the preview is queued: a repeat computes
 * the same proposal again and the preview's own outbox key keeps it to one message.
 */
async function previewPending(db: Db, run: store.RunState, at: RunTime, ports: RoundPorts, tally: RoundsPass): Promise<void> {
  const key = `round-preview:${run.id}`;
  if (await hasRun(db, key)) return;
  try {
    await ports.preview.propose(db, run.workspaceId, run.id, at.now);
  } catch (error) {
    if (error instanceof RoundRunNotInPreview) return;
    throw error;
  }
  try {
    tally.messages += await ports.preview.sendPreview(db, run.workspaceId, run.id, at.sendFrom);
  } catch (error) {
    if (!(error instanceof RoundRunNotInPreview)) throw error;
  }
  if (await claimKey(db, { key, job: JOB, workspaceId: run.workspaceId }, at.now)) tally.previewed += 1;
}

/** Walks one run through whatever steps are due at `at.now`. */
async function stepRun(db: Db, run: store.RunState, at: RunTime, ports: RoundPorts, tally: RoundsPass): Promise<void> {
  const round = await store.findRound(db, run.workspaceId, run.roundId);
  if (!round || round.status !== "ACTIVE") return;
  const t = at.now.getTime();
  if (round.kind === "STABLE") {
    if (run.status === "NOTICED" && t >= run.scheduledFor.getTime()) {
      if (await queuedOnce(db, `round-ranking:${run.id}`, run, at.now, tally, (tx) => openRanking(tx, round, run, at, ports.messages))) tally.rankingOpened += 1;
      run = (await store.runState(db, run.workspaceId, run.id)) ?? run;
    }
    if (run.status !== "RANKING") return;
    if (t >= mentorPhaseStart(run).getTime() && (await queuedOnce(db, mentorPhaseKey(run.id), run, at.now, tally, (tx) => askMentors(tx, round, run, at, ports.messages)))) {
      tally.mentorsAsked += 1;
    }
    if (run.rankDeadline && t >= run.rankDeadline.getTime()) await fire(db, round, run, at.now, tally);
    return;
  }
  if (run.status === "NOTICED" && t >= run.scheduledFor.getTime()) await fire(db, round, run, at.now, tally);
}

/** One pass of the rounds job: start runs due within a day of `at.now`, step open runs, preview fired ones. */
export async function advanceRounds(db: Db, at: RunTime, ports: RoundPorts, onError: (error: unknown, where: { roundId?: string; runId?: string }) => void): Promise<RoundsPass> {
  const tally = emptyPass();
  // One broken round must not hold up the others: each step's failure is reported and retried next pass.
  const guarded = async (where: { roundId?: string; runId?: string }, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      onError(error, where);
    }
  };
  // Suspended workspaces are left out of all three sweeps, read once for the pass.
  const live = await liveWorkspacesOnly(db);
  for (const round of await store.roundsDueBy(db, new Date(at.now.getTime() + NOTICE_LEAD_MS), live)) {
    await guarded({ roundId: round.id }, () => startRun(db, round, at, ports, tally));
  }
  for (const run of await store.openRuns(db, live)) await guarded({ runId: run.id }, () => stepRun(db, run, at, ports, tally));
  for (const run of await store.runsInPreview(db, live)) await guarded({ runId: run.id }, () => previewPending(db, run, at, ports, tally));
  return tally;
}

/** A round set to run "now": its run is started and fired at once, without waiting for the job's next tick. */
export async function runRoundNow(ctx: ServiceContext, roundId: string, ports: RoundPorts): Promise<RoundsPass> {
  const { db, workspaceId, now } = ctx;
  const tally = emptyPass();
  const at = { now, sendFrom: now };
  const round = await store.findRound(db, workspaceId, roundId);
  if (!round || round.status !== "ACTIVE" || !round.nextRunAt) return tally;
  const scheduledFor = round.nextRunAt;
  await startRun(db, round, at, ports, tally);
  const run = await store.runAt(db, workspaceId, roundId, scheduledFor);
  if (!run) return tally;
  await stepRun(db, run, at, ports, tally);
  const fired = await store.runState(db, workspaceId, run.id);
  if (fired?.status === "PREVIEW") await previewPending(db, fired, at, ports, tally);
  return tally;
}
