/**
 * Proposals for the pair kinds (MENTOR_MATCH, STABLE): solve, then describe the result — each pair's
 * fit and reasons, the unmatched and why, the metrics. `describePairs` is also what a director's swap
 * or drop goes through, so an edited proposal is measured exactly like a computed one.
 */
import { solveOptimal, unscaleScore } from "./assignment.js";
import { prepareInstance, type PreparedInstance } from "./matchInstance.js";
import { edgesOf, matchMetrics, unmatchedReasons } from "./matchMetrics.js";
import { blockingPairs, deferredAcceptance, rankProfile } from "./stable.js";
import { openPlaces, pairFit, pairInstance, type RoundInputs } from "./roundInputs.js";
import type { ProposalUnmatched, ProposedPair, RoundProposal } from "./roundProposal.js";

const peopleOf = (inputs: RoundInputs): RoundProposal["people"] =>
  Object.fromEntries(
    [...inputs.trainees, ...inputs.mentors].map((p) => [p.memberId, { slackUserId: p.slackUserId, name: p.name }] as const),
  );

/** A trainee's n-th choice (1-based) for edge e: their own rank list in stable rounds, else by score. */
function choiceOf(prep: PreparedInstance, t: number, e: number): number | null {
  const p = prep.problem;
  const m = p.edgeMentor[e]!;
  if (prep.stable) {
    const r = prep.stable.traineePrefs[t]!.indexOf(m);
    return r >= 0 ? r + 1 : null;
  }
  let higher = 0;
  for (let f = p.edgeStart[t]!; f < p.edgeStart[t + 1]!; f++) if (p.edgeScore[f]! > p.edgeScore[e]!) higher++;
  return higher + 1;
}

/**
 * The proposal for a given assignment (mentor member id per trainee member id). Pairs that are no
 * longer allowed by the fresh inputs are not kept: their trainee shows as unmatched with the reason.
 */
export function describePairs(
  inputs: RoundInputs,
  assignment: ReadonlyMap<string, string>,
  dropped: readonly { trainee: string; mentor: string }[],
  computedAt: Date,
  prep: PreparedInstance = prepareInstance(pairInstance(inputs)),
): RoundProposal {
  const p = prep.problem;
  const mIndex = new Map(p.mentorIds.map((id, i) => [id, i] as const));
  const mentorOf = Int32Array.from(p.traineeIds, (t) => mIndex.get(assignment.get(t) ?? "") ?? -1);
  const edgeOf = edgesOf(p, mentorOf);
  const metrics = matchMetrics(p, edgeOf, { repeatEdge: prep.repeatEdge, ...(prep.stable ? { stable: prep.stable } : {}) });
  const droppedTrainees = new Set(dropped.map((d) => d.trainee));

  const pairs: ProposedPair[] = [];
  edgeOf.forEach((e, t) => {
    if (e < 0) return;
    const trainee = p.traineeIds[t]!;
    const mentor = p.mentorIds[p.edgeMentor[e]!]!;
    pairs.push({
      trainee,
      mentor,
      fit: unscaleScore(p.edgeScore[e]!),
      reasons: pairFit(inputs, trainee, mentor).reasons,
      repeat: prep.repeatEdge[e] === 1,
      choice: choiceOf(prep, t, e),
    });
  });
  const unmatched: ProposalUnmatched[] = unmatchedReasons(p, edgeOf, {
    candidates: prep.candidates,
    excluded: prep.excluded,
    pausedTrainee: prep.pausedTrainee,
    ...(prep.stable ? { stable: prep.stable } : {}),
  }).map((u) =>
    droppedTrainees.has(u.trainee)
      ? { memberId: u.trainee, reason: "dropped" as const }
      : { memberId: u.trainee, reason: u.reason, eligibleMentors: u.eligibleMentors, excluded: u.excluded },
  );
  if (p.mentorIds.length === 0) for (const u of unmatched) if (u.reason !== "paused" && u.reason !== "dropped") u.reason = "no_mentors";
  // "mentors_full" is exact for a solver's result; after an edit a trainee may be left out while an
  // eligible mentor still has room: say so, so the director can reassign them.
  const load = new Int32Array(p.mentorIds.length);
  for (let t = 0; t < edgeOf.length; t++) if (edgeOf[t]! >= 0) load[p.edgeMentor[edgeOf[t]!]!]!++;
  const tIndex = new Map(p.traineeIds.map((id, i) => [id, i] as const));
  for (const u of unmatched) {
    if (u.reason !== "mentors_full") continue;
    const t = tIndex.get(u.memberId)!;
    for (let e = p.edgeStart[t]!; e < p.edgeStart[t + 1]!; e++) if (load[p.edgeMentor[e]!]! < p.capacity[p.edgeMentor[e]!]!) u.reason = "unassigned";
  }

  const proposal: RoundProposal = {
    version: 1,
    kind: inputs.kind,
    computedAt: computedAt.toISOString(),
    role: inputs.options.role,
    people: peopleOf(inputs),
    pairs,
    groups: [],
    unmatched,
    metrics: {
      participants: metrics.trainees,
      matched: metrics.matched,
      matchedPercent: metrics.matchedPercent,
      averageFit: metrics.averageFit,
      minFit: metrics.minFit,
      top3Share: metrics.top3Share,
      mentorLoad: metrics.mentorLoad,
      repeats: metrics.repeats,
    },
    mentors: inputs.mentors.map((m) => ({ mentor: m.memberId, places: m.paused ? 0 : openPlaces(m) })),
    alreadyMatched: inputs.alreadyMatched,
    dropped: [...dropped],
  };
  if (prep.stable) {
    const rp = rankProfile(prep.stable, mentorOf.map((m, t) => (edgeOf[t]! >= 0 ? m : -1)));
    proposal.stable = { blockingPairs: blockingPairs(prep.stable, mentorOf.map((m, t) => (edgeOf[t]! >= 0 ? m : -1))).length, byChoice: rp.byRank, unmatched: rp.unmatched };
  }
  return proposal;
}

/** Solves a pair round: optimal assignment, or deferred acceptance for stable rounds. */
export function proposePairs(inputs: RoundInputs, computedAt: Date): RoundProposal {
  const prep = prepareInstance(pairInstance(inputs));
  const p = prep.problem;
  const mentorOf = prep.stable ? deferredAcceptance(prep.stable).mentorOf : solveOptimal(p).mentorOf;
  const assignment = new Map<string, string>();
  mentorOf.forEach((m, t) => {
    if (m >= 0) assignment.set(p.traineeIds[t]!, p.mentorIds[m]!);
  });
  return describePairs(inputs, assignment, [], computedAt, prep);
}
