import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildProblem, solveOptimal, type MatchProblem } from "../../src/domain/assignment.js";
import { solveGreedy } from "../../src/domain/greedy.js";
import { parseInstance, prepareInstance } from "../../src/domain/matchInstance.js";
import { unmatchedReasons } from "../../src/domain/matchMetrics.js";

/** A tiny random instance: ≤ 6 trainees, ≤ 4 mentors with capacity ≤ 2, some edges, some negative scores. */
const tinyProblem = fc
  .record({
    trainees: fc.integer({ min: 0, max: 6 }),
    capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 0, maxLength: 4 }),
    edgeSeeds: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -5000, max: 20000 })), { maxLength: 24 }),
  })
  .map(({ trainees, capacities, edgeSeeds }): MatchProblem => {
    const traineeIds = Array.from({ length: trainees }, (_, i) => `t${i}`);
    const mentors = capacities.map((capacity, i) => ({ id: `m${i}`, capacity }));
    const edges =
      trainees === 0 || mentors.length === 0
        ? []
        : edgeSeeds.map(([a, b, score]) => ({ trainee: `t${a % trainees}`, mentor: `m${b % mentors.length}`, score }));
    return buildProblem(traineeIds, mentors, edges);
  });

/** Every assignment, enumerated: the best (matched, total) pair, compared lexicographically. */
function bruteForce(p: MatchProblem): { matched: number; total: number } {
  const n = p.traineeIds.length;
  const load = new Int32Array(p.capacity.length);
  let best = { matched: -1, total: -Infinity };
  const go = (t: number, matched: number, total: number): void => {
    if (t === n) {
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    go(t + 1, matched, total);
    for (let e = p.edgeStart[t]!; e < p.edgeStart[t + 1]!; e++) {
      const m = p.edgeMentor[e]!;
      if (load[m]! >= p.capacity[m]!) continue;
      load[m]!++;
      go(t + 1, matched + 1, total + p.edgeScore[e]!);
      load[m]!--;
    }
  };
  go(0, 0, 0);
  return best.matched < 0 ? { matched: 0, total: 0 } : best;
}

function respectsCapacityAndEdges(p: MatchProblem, mentorOf: Int32Array, edgeOf: Int32Array): boolean {
  const load = new Int32Array(p.capacity.length);
  for (let t = 0; t < mentorOf.length; t++) {
    const m = mentorOf[t]!;
    if (m < 0) continue;
    const e = edgeOf[t]!;
    if (e < p.edgeStart[t]! || e >= p.edgeStart[t + 1]! || p.edgeMentor[e] !== m) return false;
    load[m]!++;
  }
  return load.every((l, m) => l <= p.capacity[m]!);
}

describe("optimal assignment, checked against brute force", () => {
  it("matches as many trainees as brute force and reaches the same best total", () => {
    fc.assert(
      fc.property(tinyProblem, (p) => {
        const got = solveOptimal(p);
        const want = bruteForce(p);
        expect({ matched: got.matched, total: got.totalScaled }).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it("never scores below the greedy baseline (in matches, then total fit)", () => {
    fc.assert(
      fc.property(tinyProblem, (p) => {
        const opt = solveOptimal(p);
        const greedy = solveGreedy(p);
        expect(opt.matched).toBeGreaterThanOrEqual(greedy.matched);
        if (opt.matched === greedy.matched) expect(opt.totalScaled).toBeGreaterThanOrEqual(greedy.totalScaled);
      }),
      { numRuns: 300 },
    );
  });

  it("only uses listed edges and never exceeds a mentor's capacity", () => {
    fc.assert(
      fc.property(tinyProblem, (p) => {
        const opt = solveOptimal(p);
        expect(respectsCapacityAndEdges(p, opt.mentorOf, opt.edgeOf)).toBe(true);
        const greedy = solveGreedy(p);
        expect(respectsCapacityAndEdges(p, greedy.mentorOf, greedy.edgeOf)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("instance rules hold in every solved round", () => {
  const instance = fc
    .record({
      trainees: fc.integer({ min: 1, max: 7 }),
      mentors: fc.integer({ min: 1, max: 4 }),
      caps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 100 })), { maxLength: 25 }),
      exclusions: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
      paused: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    })
    .map((r) => ({
      mode: "optimal" as const,
      trainees: Array.from({ length: r.trainees }, (_, i) => ({ id: `t${i}` })),
      mentors: Array.from({ length: r.mentors }, (_, i) => ({ id: `m${i}`, capacity: r.caps[i]!, paused: r.paused[i]! })),
      edges: r.edges.map(([a, b, score]) => ({ trainee: `t${a % r.trainees}`, mentor: `m${b % r.mentors}`, score })),
      exclusions: r.exclusions.map(([a, b]) => [`m${b % r.mentors}`, `t${a % r.trainees}`] as [string, string]),
    }));

  it("never pairs an excluded pair or a paused mentor, never exceeds capacity, and explains every unmatched trainee", () => {
    fc.assert(
      fc.property(instance, (raw) => {
        const parsed = parseInstance(raw);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        const prepared = prepareInstance(parsed.instance);
        const { edgeOf } = solveOptimal(prepared.problem);
        const p = prepared.problem;
        const excluded = new Set(raw.exclusions.map(([m, t]) => `${t}|${m}`));
        const load = new Map<string, number>();
        edgeOf.forEach((e, t) => {
          if (e < 0) return;
          const mentor = raw.mentors[p.edgeMentor[e]!]!;
          const trainee = p.traineeIds[t]!;
          expect(excluded.has(`${trainee}|${mentor.id}`)).toBe(false);
          expect(mentor.paused).toBe(false);
          expect(raw.edges.some((x) => x.trainee === trainee && x.mentor === mentor.id)).toBe(true);
          load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
        });
        for (const m of raw.mentors) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(m.capacity);
        const unmatched = unmatchedReasons(p, edgeOf, prepared);
        expect(unmatched.length + [...edgeOf].filter((e) => e >= 0).length).toBe(raw.trainees.length);
        for (const u of unmatched) {
          if (u.reason !== "mentors_full") continue;
          // every eligible mentor of this trainee is really full
          const t = p.traineeIds.indexOf(u.trainee);
          for (let e = p.edgeStart[t]!; e < p.edgeStart[t + 1]!; e++) {
            const m = p.edgeMentor[e]!;
            expect(load.get(raw.mentors[m]!.id) ?? 0).toBe(p.capacity[m]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
