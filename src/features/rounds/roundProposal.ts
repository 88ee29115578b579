import type { Db } from "../../store/database.js";
import type { ServiceContext } from "../context.js";
import { findRun, loadRoundData, replaceProposal, saveProposal, type RunRecord } from "../../store/roundRuns.js";
import { mentorCapacity } from "../../domain/capacity.js";
import { EMPTY_PROFILE, isAvailable } from "../../domain/profile.js";
import { readStoredOptions } from "../../domain/roundOptions.js";
import type { RoundProposal } from "../../domain/roundProposal.js";
import type { RoundInputs, RoundPerson } from "../../domain/roundInputs.js";
import { buildProposal } from "../../domain/roundProposalBuild.js";
import { applyEdit, checkEdit, type Edit, type EditResult } from "../../domain/roundSwap.js";
import { parseVocabularyExtension, vocabularyWith } from "../../domain/vocabulary.js";
import { RoundProposalChanged, RoundRunNotFound, RoundRunNotInPreview } from "../../domain/errors.js";

/**
 * Pairing-round proposals (issue 6, part A). `proposeRun` is the seam the round scheduler (part B)
 * calls when a run is due: it loads the run's people and history, computes the proposal with the
 * pure algorithms (domain/roundProposal*.ts), stores it in RoundRun.proposal and sets PREVIEW.
 * The director's edits (swap, reassign, drop) re-load the same inputs, so every rule is checked
 * against the data as it is now, not as it was when the proposal was made.
 */

/** The run's inputs as the domain wants them (skips removed, paused people flagged). */
export async function roundInputs(db: Db, run: RunRecord, now: Date): Promise<RoundInputs> {
  const data = await loadRoundData(db, run);
  const skipped = new Set(data.skipped);
  const options = readStoredOptions(run.round.options);
  const person = (r: (typeof data.trainees)[number]): RoundPerson => ({
    memberId: r.memberId,
    slackUserId: r.slackUserId,
    name: r.name,
    profile: r.profile ?? EMPTY_PROFILE,
    paused: !isAvailable(r, now),
    group: r.cohortId,
  });
  const active = data.matches.filter((m) => m.status === "ACTIVE");
  const load = new Map<string, number>();
  for (const m of active) load.set(m.mentorId, (load.get(m.mentorId) ?? 0) + 1);
  // MENTOR_MATCH and STABLE find a mentor for those who have none in this role in this program yet.
  const pairKind = run.round.kind === "MENTOR_MATCH" || run.round.kind === "STABLE";
  const hasMentor = new Set(active.filter((m) => pairKind && m.role === options.role && m.programId === run.round.programId).map((m) => m.traineeId));
  const trainees = data.trainees.filter((t) => !skipped.has(t.memberId));
  return {
    kind: run.round.kind,
    options,
    scheduledFor: run.scheduledFor,
    timezone: run.round.programTimezone,
    trainees: trainees.filter((t) => !hasMentor.has(t.memberId)).map(person),
    mentors: data.mentors
      .filter((m) => !skipped.has(m.memberId))
      .map((m) => ({
        ...person(m),
        capacity: mentorCapacity(m.profile?.capacity, [run.round.programDefaultCapacity]),
        activeMentees: load.get(m.memberId) ?? 0,
        responsiveness: null,
      })),
    exclusions: data.exclusions,
    activePairs: active.map((m) => ({ trainee: m.traineeId, mentor: m.mentorId, role: m.role })),
    pastPairs: data.matches.map((m) => [m.traineeId, m.mentorId] as [string, string]),
    pastGroups: data.pastGroups,
    rankings: data.rankings,
    roundIndex: data.approvedBefore,
    vocabulary: vocabularyWith(parseVocabularyExtension(run.round.programVocabulary)),
    alreadyMatched: trainees.filter((t) => hasMentor.has(t.memberId)).map((t) => t.memberId),
  };
}

async function runOf(db: Db, workspaceId: string, runId: string): Promise<RunRecord> {
  const run = await findRun(db, workspaceId, runId);
  if (!run) throw new RoundRunNotFound(runId);
  return run;
}

/**
 * Computes the run's proposal, stores it and sets the run to PREVIEW. Also the director's Re-run
 * (it starts again from the data, forgetting earlier swaps and drops). A run already approved or
 * discarded is left alone (RoundRunNotInPreview).
 */
export async function proposeRun(db: Db, workspaceId: string, runId: string, now: Date): Promise<RoundProposal> {
  const run = await runOf(db, workspaceId, runId);
  if (run.status === "APPROVED" || run.status === "DISCARDED") throw new RoundRunNotInPreview(run.status);
  const proposal = buildProposal(await roundInputs(db, run, now), now);
  if (!(await saveProposal(db, workspaceId, runId, proposal))) throw new RoundRunNotInPreview((await runOf(db, workspaceId, runId)).status);
  return proposal;
}

/** The run and its stored proposal, for showing the preview. */
export async function previewOf(db: Db, workspaceId: string, runId: string): Promise<{ run: RunRecord; proposal: RoundProposal | null }> {
  const run = await runOf(db, workspaceId, runId);
  return { run, proposal: (run.proposal as RoundProposal | null) ?? null };
}

export type ProposalEdit = Edit;

/** An edit whose rules hold now: what applying it needs (the run as read, and its inputs). */
export interface AllowedEdit {
  run: RunRecord;
  current: RoundProposal;
  inputs: RoundInputs;
  edit: ProposalEdit;
}

/**
 * Checks a director's edit of a run in PREVIEW against the current data (cheap): the refusal with its
 * problem and the run (for an inline error; nothing is stored), or the edit, allowed.
 */
export async function checkProposalEdit(
  ctx: ServiceContext,
  runId: string,
  edit: ProposalEdit,
): Promise<{ allowed: null; refused: Extract<EditResult, { ok: false }>; run: RunRecord } | { allowed: AllowedEdit }> {
  const run = await runOf(ctx.db, ctx.workspaceId, runId);
  if (run.status !== "PREVIEW" || !run.proposal) throw new RoundRunNotInPreview(run.status);
  const current = run.proposal as RoundProposal;
  const inputs = await roundInputs(ctx.db, run, ctx.now);
  const refused = checkEdit(current, inputs, edit);
  return refused ? { allowed: null, refused, run } : { allowed: { run, current, inputs, edit } };
}

/**
 * Applies an allowed edit: the proposal is re-described (which may take a few seconds for a large
 * round) and stored, unless another edit got there first (RoundProposalChanged). Returns the result
 * and the run as it is now (its label's version is the stored proposal's).
 */
export async function applyProposalEdit(ctx: ServiceContext, allowed: AllowedEdit): Promise<{ result: EditResult; run: RunRecord }> {
  const { run, current, inputs, edit } = allowed;
  const result = applyEdit(current, inputs, edit, ctx.now);
  if (!result.ok) return { result, run };
  if (!(await replaceProposal(ctx.db, ctx.workspaceId, run.id, run.updatedAt, result.proposal))) throw new RoundProposalChanged();
  return { result, run: await runOf(ctx.db, ctx.workspaceId, run.id) };
}

/**
 * Applies a director's edit to a run in PREVIEW: the rules are checked first against the current
 * data; a refused edit returns its problem and stores nothing; otherwise the proposal is
 * re-described and stored (checkProposalEdit, then applyProposalEdit).
 */
export async function editProposal(ctx: ServiceContext, runId: string, edit: ProposalEdit): Promise<EditResult> {
  const checked = await checkProposalEdit(ctx, runId, edit);
  if (!checked.allowed) return checked.refused;
  return (await applyProposalEdit(ctx, checked.allowed)).result;
}
