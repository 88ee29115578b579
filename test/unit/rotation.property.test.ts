import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PairHistory, planRounds } from "../../src/domain/rotation.js";

const people = (n: number) => Array.from({ length: n }, (_, i) => `U${String(i).padStart(3, "0")}`);

describe("rotating rounds", () => {
  it("with an even number of people, no pair meets twice within n − 1 rounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }).map((h) => h * 2), (n) => {
        const plans = planRounds(people(n), n - 1);
        const seen = new PairHistory();
        for (const plan of plans) {
          expect(plan.repeats).toBe(0);
          for (const [a, b] of plan.groups) expect(seen.count(a!, b!)).toBe(0);
          seen.addGroups(plan.groups);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("puts every person in exactly one group each round, odd counts in one trio", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 41 }), fc.integer({ min: 1, max: 6 }), (n, rounds) => {
        const everyone = people(n);
        for (const plan of planRounds(everyone, rounds)) {
          expect(plan.groups.flat().sort()).toEqual(everyone);
          const trios = plan.groups.filter((g) => g.length === 3).length;
          expect(trios).toBe(n % 2);
          expect(plan.groups.every((g) => g.length === 2 || g.length === 3)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("groups of N never drop anyone and are N or N + 1 people", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 3, max: 5 }), (n, size) => {
        const everyone = people(n);
        for (const plan of planRounds(everyone, 3, { groupSize: size })) {
          expect(plan.groups.flat().sort()).toEqual(everyone);
          if (n >= size) expect(plan.groups.every((g) => g.length >= size && g.length <= 2 * size - 1)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("after people join mid-way, rounds still cover everyone and avoid repeats when a repeat-free round exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }).map((h) => h * 2), (n) => {
        const first = people(n);
        const history = new PairHistory();
        for (const plan of planRounds(first, 2)) history.addGroups(plan.groups);
        const joined = [...first, "NEW1", "NEW2"];
        const [next] = planRounds(joined, 1, { history });
        expect(next!.groups.flat().sort()).toEqual([...joined].sort());
        // with 2 rounds used out of n + 1 possible, a repeat-free round exists and is found
        expect(next!.repeats).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});
