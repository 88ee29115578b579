import { describe, expect, it } from "vitest";
import { blockingPairs, deferredAcceptance, rankProfile, type StableProblem } from "../../src/domain/stable.js";

const ids = (xs: number[]) => Int32Array.from(xs);

describe("stable matching", () => {
  // Trainees 0,1,2 all want mentor 0 first; mentor 0 (capacity 1) likes trainee 2 best.
  const p: StableProblem = {
    traineeIds: ["ana", "ben", "cat"],
    mentorIds: ["dr_x", "dr_y"],
    capacity: ids([1, 2]),
    traineePrefs: [ids([0, 1]), ids([0, 1]), ids([0])],
    mentorPrefs: [ids([2, 0, 1]), ids([1, 0])],
  };

  it("gives a popular mentor's place to the trainee that mentor ranks highest, the rest go to their next choice", () => {
    const { mentorOf } = deferredAcceptance(p);
    expect([...mentorOf]).toEqual([1, 1, 0]);
    expect(rankProfile(p, mentorOf)).toEqual({ byRank: [1, 2], unmatched: 0 });
    expect(blockingPairs(p, mentorOf)).toEqual([]);
  });

  it("reports a blocking pair in a hand-made unstable matching", () => {
    // ana with dr_x, cat unmatched: cat and dr_x prefer each other.
    const unstable = ids([0, 1, -1]);
    expect(blockingPairs(p, unstable)).toEqual([[2, 0]]);
  });

  it("leaves a trainee unmatched when no mentor who ranked them has room", () => {
    const q: StableProblem = { ...p, capacity: ids([1, 0]) };
    const { mentorOf } = deferredAcceptance(q);
    expect([...mentorOf]).toEqual([-1, -1, 0]);
    expect(rankProfile(q, mentorOf)).toEqual({ byRank: [1], unmatched: 2 });
  });

  it("never pairs a trainee with a mentor who did not rank them", () => {
    const q: StableProblem = { ...p, mentorPrefs: [ids([2]), ids([])] };
    const { mentorOf } = deferredAcceptance(q);
    expect([...mentorOf]).toEqual([-1, -1, 0]);
  });
});
