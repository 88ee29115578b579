import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockingPairs, deferredAcceptance, rankProfile, type StableProblem } from "../../src/domain/stable.js";

const stableProblem = fc
  .record({
    trainees: fc.integer({ min: 1, max: 12 }),
    mentors: fc.integer({ min: 1, max: 6 }),
    capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
    seedT: fc.array(fc.array(fc.nat(), { maxLength: 6 }), { minLength: 12, maxLength: 12 }),
    seedM: fc.array(fc.array(fc.nat(), { maxLength: 14 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ trainees, mentors, capacities, seedT, seedM }): StableProblem => {
    const uniq = (xs: number[], mod: number) => Int32Array.from(new Set(xs.map((x) => x % mod)));
    return {
      traineeIds: Array.from({ length: trainees }, (_, i) => `t${i}`),
      mentorIds: Array.from({ length: mentors }, (_, i) => `m${i}`),
      capacity: Int32Array.from(capacities.slice(0, mentors)),
      traineePrefs: seedT.slice(0, trainees).map((xs) => uniq(xs, mentors)),
      mentorPrefs: seedM.slice(0, mentors).map((xs) => uniq(xs, trainees)),
    };
  });

describe("stable matching (trainee-proposing deferred acceptance)", () => {
  it("leaves no blocking pair", () => {
    fc.assert(
      fc.property(stableProblem, (p) => {
        const { mentorOf } = deferredAcceptance(p);
        expect(blockingPairs(p, mentorOf)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("only pairs people who listed each other and never exceeds capacity", () => {
    fc.assert(
      fc.property(stableProblem, (p) => {
        const { mentorOf } = deferredAcceptance(p);
        const load = new Int32Array(p.mentorIds.length);
        mentorOf.forEach((m, t) => {
          if (m < 0) return;
          load[m]!++;
          expect([...p.traineePrefs[t]!]).toContain(m);
          expect([...p.mentorPrefs[m]!]).toContain(t);
        });
        load.forEach((l, m) => expect(l).toBeLessThanOrEqual(p.capacity[m]!));
      }),
      { numRuns: 300 },
    );
  });

  it("the rank profile accounts for every trainee", () => {
    fc.assert(
      fc.property(stableProblem, (p) => {
        const { mentorOf } = deferredAcceptance(p);
        const profile = rankProfile(p, mentorOf);
        expect(profile.byRank.reduce((a, b) => a + b, 0) + profile.unmatched).toBe(p.traineeIds.length);
      }),
      { numRuns: 200 },
    );
  });
});
