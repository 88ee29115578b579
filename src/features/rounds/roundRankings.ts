import type { Db, Tx } from "../../store/database.js";
import type { WithDirectory } from "../context.js";
import { enqueue } from "../../store/outbox.js";
import { hasRun } from "../../store/jobRuns.js";
import { findProfile } from "../../store/profiles.js";
import { findRound, moveRun, rankingOf, rankingsOf, runState, saveRanking, type RoundRecord, type RunState } from "../../store/rounds.js";
import { EMPTY_PROFILE } from "../../domain/profile.js";
import { rank } from "../../domain/ranking.js";
import { parseRoundOptions } from "../../domain/roundOptions.js";
import { RankingNotAllowed, RoundRunClosed, RoundRunNotFound } from "../../domain/errors.js";
import { cachedCandidatesFor } from "../findmentor/findMentor.js";
import { ensureMember } from "../profiles/members.js";
import type { RunTime, SlackDirectory } from "../ports.js";
import { cardFor, dmChannelOf, runParticipants, type RoundNoticeMessages } from "./roundNotices.js";

/**
 * Stable rounds collect rank lists before the proposal: from the run's start, trainees rank the
 * mentors suggested to them (the top N by the /findmentor fit); from halfway to the deadline,
 * mentors rank the trainees who ranked them. At the deadline the proposal is made (deferred
 * acceptance, src/domain/stable.ts); a side without a list is ranked by fit.
 */

export interface RankChoice {
  memberId: string;
  slackUserId: string;
  name: string;
  reasons: string[];
}

export interface RankForm {
  runId: string;
  side: "trainee" | "mentor";
  roundName: string;
  /** Until when this side may rank. */
  deadline: Date;
  tz: string;
  choices: RankChoice[];
  /** The list already saved (member ids, best first), if any. */
  current: string[];
}

/** The run key of "mentors were asked": from then on mentors rank and trainees' lists are final. */
export const mentorPhaseKey = (runId: string) => `round-rank-mentors:${runId}`;

/** Trainees rank in the first half of the window, mentors after. */
export function mentorPhaseStart(run: Pick<RunState, "scheduledFor" | "rankDeadline">): Date {
  const end = run.rankDeadline ?? run.scheduledFor;
  return new Date(run.scheduledFor.getTime() + Math.floor((end.getTime() - run.scheduledFor.getTime()) / 2));
}

/**
 * RANKING begins: the run moves from NOTICED and each trainee taking part at `at.now` gets the rank
 * button (in the caller's transaction), to go out from `at.sendFrom`. Returns how many were queued.
 */
export async function openRanking(tx: Tx, round: RoundRecord, run: RunState, at: RunTime, messages: RoundNoticeMessages): Promise<number> {
  if (!(await moveRun(tx, round.workspaceId, run.id, ["NOTICED"], "RANKING"))) return 0;
  let queued = 0;
  for (const p of (await runParticipants(tx, round, at.now)).filter((x) => x.side === "trainee")) {
    const card = cardFor(round, { ...run, rankDeadline: mentorPhaseStart(run) }, p);
    if (await enqueue(tx, { workspaceId: round.workspaceId, key: `round-rank:${run.id}:${p.memberId}`, channel: dmChannelOf(p), payload: { ...messages.rankTrainee(card) }, notBefore: at.sendFrom })) queued += 1;
  }
  return queued;
}

/** Halfway: each mentor whom at least one trainee ranked is asked to rank them back (from `at.sendFrom`). */
export async function askMentors(tx: Tx, round: RoundRecord, run: RunState, at: RunTime, messages: RoundNoticeMessages): Promise<number> {
  const lists = await rankingsOf(tx, round.workspaceId, run.id);
  const rankedBy = new Map<string, number>();
  for (const ranks of lists.values()) for (const id of ranks) rankedBy.set(id, (rankedBy.get(id) ?? 0) + 1);
  let queued = 0;
  for (const p of (await runParticipants(tx, round, at.now)).filter((x) => x.side === "mentor" && rankedBy.has(x.memberId))) {
    const card = { ...cardFor(round, run, p), rankedBy: rankedBy.get(p.memberId)! };
    if (await enqueue(tx, { workspaceId: round.workspaceId, key: `round-rank-mentor:${run.id}:${p.memberId}`, channel: dmChannelOf(p), payload: { ...messages.rankMentor(card) }, notBefore: at.sendFrom })) queued += 1;
  }
  return queued;
}

/** The top `limit` mentors for a trainee, by the same ranking and cached mentor pool /findmentor uses (paused, full and excluded mentors left out). */
async function suggestedMentors(db: Db, round: RoundRecord, traineeId: string, limit: number, now: Date): Promise<RankChoice[]> {
  const [{ candidates, mentors }, found] = await Promise.all([cachedCandidatesFor(db, round.workspaceId, traineeId, [round.programId], now), findProfile(db, round.workspaceId, traineeId)]);
  const profile = found ?? EMPTY_PROFILE;
  const options = parseRoundOptions(round.kind, round.options);
  const result = rank({ memberId: traineeId, profile }, candidates, {
    now,
    limit,
    role: options.kind === "STABLE" ? options.role : null,
  });
  return result.suggestions.map((s) => ({ memberId: s.memberId, slackUserId: mentors.get(s.memberId)?.slackUserId ?? "", name: s.name, reasons: s.reasons.map((r) => r.text) }));
}

async function rankingContext(db: Db, directory: SlackDirectory, workspaceId: string, slackUserId: string, runId: string, now: Date): Promise<RankForm> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const run = await runState(db, workspaceId, runId);
  const round = run ? await findRound(db, workspaceId, run.roundId) : null;
  if (!run || !round || round.kind !== "STABLE") throw new RoundRunNotFound(runId);
  if (round.status !== "ACTIVE" || run.status !== "RANKING") throw new RoundRunClosed(run.status);
  const people = await runParticipants(db, round, now);
  const me = people.filter((p) => p.memberId === member.id);
  const mentorStart = mentorPhaseStart(run);
  // The phase is what the job recorded, not this instance's clock: mentors rank once they were asked.
  const mentorPhase = await hasRun(db, mentorPhaseKey(run.id));
  const base = { runId, roundName: round.name, tz: member.tz, current: (await rankingOf(db, workspaceId, runId, member.id)) ?? [] };
  if (me.some((p) => p.side === "trainee") && !mentorPhase) {
    const options = parseRoundOptions(round.kind, round.options);
    const limit = options.kind === "STABLE" ? options.suggestions : 5;
    return { ...base, side: "trainee", deadline: mentorStart, choices: await suggestedMentors(db, round, member.id, limit, now) };
  }
  if (me.some((p) => p.side === "mentor")) {
    if (!mentorPhase) throw new RankingNotAllowed("mentor_phase_not_open");
    const lists = await rankingsOf(db, workspaceId, runId);
    // Best first: those who put this mentor highest on their own list (the rank modal shows the first 100).
    const placeOf = (traineeId: string) => lists.get(traineeId)?.indexOf(member.id) ?? -1;
    const trainees = people.filter((p) => p.side === "trainee" && placeOf(p.memberId) >= 0).sort((a, b) => placeOf(a.memberId) - placeOf(b.memberId));
    return {
      ...base,
      side: "mentor",
      deadline: run.rankDeadline ?? run.scheduledFor,
      choices: trainees.map((t) => ({ memberId: t.memberId, slackUserId: t.slackUserId, name: t.name, reasons: [] })),
    };
  }
  if (me.some((p) => p.side === "trainee")) throw new RoundRunClosed("RANKING");
  throw new RankingNotAllowed("not_participant");
}

/** What the rank modal offers this person now (trainee: suggested mentors; mentor: trainees who ranked them). */
export function rankForm(ctx: WithDirectory, slackUserId: string, runId: string): Promise<RankForm> {
  return rankingContext(ctx.db, ctx.directory, ctx.workspaceId, slackUserId, runId, ctx.now);
}

/** Saves a rank list (best first); every entry must be one of the choices offered now. Replaces an earlier list. */
export async function submitRanking(ctx: WithDirectory, slackUserId: string, runId: string, ranks: string[]): Promise<RankForm> {
  const { db, directory, workspaceId, now } = ctx;
  const form = await rankingContext(db, directory, workspaceId, slackUserId, runId, now);
  const offered = new Set(form.choices.map((c) => c.memberId));
  if (ranks.some((id) => !offered.has(id))) throw new RankingNotAllowed("unknown_choice");
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  await saveRanking(db, workspaceId, runId, member.id, [...new Set(ranks)]);
  return { ...form, current: [...new Set(ranks)] };
}
