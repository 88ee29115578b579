import type { Assignment, MatchProblem } from "./assignment.js";

/**
 * The baseline a person would do by hand: take the highest-scoring remaining edge whose trainee is
 * still free and whose mentor still has room, until none is left. Fast, not optimal (neither in
 * matches nor in total fit); the benchmark and the property tests compare the optimal solver to it.
 * Ties are broken by trainee index, then mentor index, so the result is deterministic.
 */
export function solveGreedy(problem: MatchProblem): Assignment {
  const { capacity, edgeStart, edgeMentor, edgeScore } = problem;
  const n = problem.traineeIds.length;
  const edgeTrainee = new Int32Array(edgeMentor.length);
  for (let t = 0; t < n; t++) edgeTrainee.fill(t, edgeStart[t]!, edgeStart[t + 1]!);
  const order = new Int32Array(edgeMentor.length);
  for (let e = 0; e < order.length; e++) order[e] = e;
  order.sort(
    (a, b) =>
      edgeScore[b]! - edgeScore[a]! || edgeTrainee[a]! - edgeTrainee[b]! || edgeMentor[a]! - edgeMentor[b]!,
  );
  const mentorOf = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n).fill(-1);
  const load = new Int32Array(capacity.length);
  let matched = 0;
  let totalScaled = 0;
  for (const e of order) {
    const t = edgeTrainee[e]!;
    const m = edgeMentor[e]!;
    if (mentorOf[t] !== -1 || load[m]! >= capacity[m]!) continue;
    mentorOf[t] = m;
    edgeOf[t] = e;
    load[m]!++;
    matched++;
    totalScaled += edgeScore[e]!;
  }
  return { mentorOf, edgeOf, matched, totalScaled };
}
