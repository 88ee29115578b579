import { describe, expect, it } from "vitest";
import { buildProblem, scaleScore, solveOptimal } from "../../src/domain/assignment.js";
import { solveGreedy } from "../../src/domain/greedy.js";
import { matchMetrics } from "../../src/domain/matchMetrics.js";

const mentors = (...caps: number[]) => caps.map((capacity, i) => ({ id: `m${i + 1}`, capacity }));
const pairsOf = (p: ReturnType<typeof buildProblem>, mentorOf: Int32Array) =>
  [...mentorOf].map((m, t) => `${p.traineeIds[t]}-${m < 0 ? "none" : p.mentorIds[m]}`);

describe("optimal mentor assignment", () => {
  it("matches more trainees rather than giving the best mentor to one (greedy does not)", () => {
    // t1 loves m1 but could also take m2; t2 can only take m1.
    const p = buildProblem(["t1", "t2"], mentors(1, 1), [
      { trainee: "t1", mentor: "m1", score: 90 },
      { trainee: "t1", mentor: "m2", score: 10 },
      { trainee: "t2", mentor: "m1", score: 50 },
    ]);
    const opt = solveOptimal(p);
    expect(pairsOf(p, opt.mentorOf)).toEqual(["t1-m2", "t2-m1"]);
    expect(opt.totalScaled).toBe(60);
    const greedy = solveGreedy(p);
    expect(pairsOf(p, greedy.mentorOf)).toEqual(["t1-m1", "t2-none"]);
  });

  it("among assignments of the same size it picks the highest total fit", () => {
    const p = buildProblem(["t1", "t2"], mentors(1, 1), [
      { trainee: "t1", mentor: "m1", score: 10 },
      { trainee: "t1", mentor: "m2", score: 9 },
      { trainee: "t2", mentor: "m1", score: 9 },
      { trainee: "t2", mentor: "m2", score: 1 },
    ]);
    const opt = solveOptimal(p);
    expect(pairsOf(p, opt.mentorOf)).toEqual(["t1-m2", "t2-m1"]);
    expect(opt.totalScaled).toBe(18);
  });

  it("gives a single place to the trainee who fits it best when only one can be matched", () => {
    const p = buildProblem(["a", "b"], mentors(1), [
      { trainee: "a", mentor: "m1", score: 1 },
      { trainee: "b", mentor: "m1", score: 10 },
    ]);
    expect(pairsOf(p, solveOptimal(p).mentorOf)).toEqual(["a-none", "b-m1"]);
  });

  it("fills a mentor up to capacity and no further", () => {
    const p = buildProblem(["a", "b", "c"], mentors(2), ["a", "b", "c"].map((t, i) => ({ trainee: t, mentor: "m1", score: i })));
    const opt = solveOptimal(p);
    expect(opt.matched).toBe(2);
    expect(pairsOf(p, opt.mentorOf)).toEqual(["a-none", "b-m1", "c-m1"]);
  });

  it("still matches through negative scores (a penalised repeat beats no mentor)", () => {
    const p = buildProblem(["a"], mentors(1), [{ trainee: "a", mentor: "m1", score: scaleScore(-2.5) }]);
    const opt = solveOptimal(p);
    expect(opt.matched).toBe(1);
    expect(opt.totalScaled).toBe(-2500);
  });

  it("keeps the higher score when an edge is listed twice", () => {
    const p = buildProblem(["a"], mentors(1), [
      { trainee: "a", mentor: "m1", score: 3 },
      { trainee: "a", mentor: "m1", score: 7 },
    ]);
    expect(p.edgeScore.length).toBe(1);
    expect(solveOptimal(p).totalScaled).toBe(7);
  });

  it("reports matched share, fit, top-3 share and mentor load", () => {
    const p = buildProblem(["a", "b", "c"], mentors(2, 1), [
      { trainee: "a", mentor: "m1", score: scaleScore(8) },
      { trainee: "b", mentor: "m1", score: scaleScore(6) },
      { trainee: "b", mentor: "m2", score: scaleScore(4) },
    ]);
    const opt = solveOptimal(p);
    expect(matchMetrics(p, opt.edgeOf)).toEqual({
      trainees: 3,
      matched: 2,
      matchedPercent: 66.67,
      totalFit: 14,
      averageFit: 7,
      minFit: 6,
      top3Share: 0.6667,
      mentorLoad: { mentors: 2, capacity: 3, used: 2, full: 1, idle: 1, histogram: { "0": 1, "2": 1 } },
      repeats: 0,
    });
  });
});
