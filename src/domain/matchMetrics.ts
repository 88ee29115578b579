/**
 * What a director sees in a round's preview (and what `rounds match` prints): how many were matched,
 * how good the fits are, how the load spreads over mentors, repeats, and why anyone is unmatched.
 * Codes only; the words are chosen by whoever renders them.
 */
import { unscaleScore, type MatchProblem } from "./assignment.js";
import type { ExclusionCounts } from "./matchInstance.js";
import type { StableProblem } from "./stable.js";

export interface MentorLoad {
  mentors: number;
  capacity: number;
  used: number;
  full: number;
  idle: number;
  /** number of mentors by how many trainees they got: {"0": 12, "1": 30, …} */
  histogram: Record<string, number>;
}

export interface MatchMetrics {
  trainees: number;
  matched: number;
  matchedPercent: number;
  totalFit: number;
  averageFit: number | null;
  minFit: number | null;
  /** Share (0–1) of all trainees matched to one of their top 3 choices (by score, or by their own rank list). */
  top3Share: number;
  mentorLoad: MentorLoad;
  /** Matched pairs that had been paired before. */
  repeats: number;
}

/** The edge index of each trainee's mentor (−1 when unmatched). */
export function edgesOf(p: MatchProblem, mentorOf: Int32Array): Int32Array {
  const edgeOf = new Int32Array(mentorOf.length).fill(-1);
  for (let t = 0; t < mentorOf.length; t++) {
    const m = mentorOf[t]!;
    if (m < 0) continue;
    for (let e = p.edgeStart[t]!; e < p.edgeStart[t + 1]!; e++) if (p.edgeMentor[e] === m) edgeOf[t] = e;
  }
  return edgeOf;
}

/** 0-based choice rank of an edge for its trainee: how many of the trainee's edges score strictly higher. */
function scoreRank(p: MatchProblem, t: number, e: number): number {
  let r = 0;
  const s = p.edgeScore[e]!;
  for (let f = p.edgeStart[t]!; f < p.edgeStart[t + 1]!; f++) if (p.edgeScore[f]! > s) r++;
  return r;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export function matchMetrics(
  p: MatchProblem,
  edgeOf: Int32Array,
  options: { repeatEdge?: Uint8Array; stable?: StableProblem } = {},
): MatchMetrics {
  const n = p.traineeIds.length;
  const load = new Int32Array(p.mentorIds.length);
  let matched = 0;
  let total = 0;
  let min = Infinity;
  let top3 = 0;
  let repeats = 0;
  for (let t = 0; t < n; t++) {
    const e = edgeOf[t]!;
    if (e < 0) continue;
    const m = p.edgeMentor[e]!;
    matched++;
    load[m]!++;
    total += p.edgeScore[e]!;
    min = Math.min(min, p.edgeScore[e]!);
    const rank = options.stable ? options.stable.traineePrefs[t]!.indexOf(m) : scoreRank(p, t, e);
    if (rank >= 0 && rank < 3) top3++;
    if (options.repeatEdge?.[e]) repeats++;
  }
  const histogram: Record<string, number> = {};
  let full = 0;
  let idle = 0;
  let capacity = 0;
  load.forEach((l, m) => {
    histogram[l] = (histogram[l] ?? 0) + 1;
    if (l >= p.capacity[m]!) full++;
    if (l === 0) idle++;
    capacity += p.capacity[m]!;
  });
  return {
    trainees: n,
    matched,
    matchedPercent: n ? round((100 * matched) / n, 2) : 0,
    totalFit: round(unscaleScore(total)),
    averageFit: matched ? round(unscaleScore(total / matched)) : null,
    minFit: matched ? unscaleScore(min) : null,
    top3Share: n ? round(top3 / n, 4) : 0,
    mentorLoad: { mentors: p.mentorIds.length, capacity, used: matched, full, idle, histogram },
    repeats,
  };
}

export type UnmatchedReason =
  | "paused"
  | "no_candidates"
  | "all_excluded"
  | "mentors_full"
  | "not_ranked_back";

export interface UnmatchedTrainee {
  trainee: string;
  reason: UnmatchedReason;
  /** Mentors this trainee could have been paired with. */
  eligibleMentors: number;
  /** Candidate pairs left out, by cause (only causes that occurred). */
  excluded: Partial<ExclusionCounts>;
}

export interface UnmatchedContext {
  candidates: Int32Array;
  excluded: readonly ExclusionCounts[];
  pausedTrainee: Uint8Array;
  stable?: StableProblem;
}

/**
 * Why each unmatched trainee is unmatched. `mentors_full` is exact for the optimal solver: an
 * unmatched trainee with an eligible mentor who still had room would contradict maximum matching.
 */
export function unmatchedReasons(p: MatchProblem, edgeOf: Int32Array, ctx: UnmatchedContext): UnmatchedTrainee[] {
  const out: UnmatchedTrainee[] = [];
  let mentorRanks: Map<number, Set<number>> | undefined;
  for (let t = 0; t < p.traineeIds.length; t++) {
    if (edgeOf[t]! >= 0) continue;
    const eligible = p.edgeStart[t + 1]! - p.edgeStart[t]!;
    const excluded = Object.fromEntries(
      Object.entries(ctx.excluded[t] ?? {}).filter(([, v]) => v > 0),
    ) as Partial<ExclusionCounts>;
    let reason: UnmatchedReason;
    if (ctx.pausedTrainee[t]) reason = "paused";
    else if (ctx.candidates[t] === 0) reason = "no_candidates";
    else if (eligible === 0) reason = "all_excluded";
    else if (ctx.stable) {
      mentorRanks ??= new Map(ctx.stable.mentorPrefs.map((list, m) => [m, new Set(list)] as const));
      const rankedBack = [...ctx.stable.traineePrefs[t]!].some((m) => mentorRanks!.get(m)?.has(t));
      reason = rankedBack ? "mentors_full" : "not_ranked_back";
    } else reason = "mentors_full";
    out.push({ trainee: p.traineeIds[t]!, reason, eligibleMentors: eligible, excluded });
  }
  return out;
}
