import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seatRoundTables, tableCapacity } from "../../src/domain/roundTableSeating.js";

const PATHS = ["clinical_practice", "academic_research", "medical_education", "private_practice", "industry", "government", "phd_research"];

const instance = fc
  .record({
    tables: fc.array(fc.constantFrom(...PATHS), { minLength: 1, maxLength: 8 }),
    trainees: fc.array(fc.shuffledSubarray(PATHS, { minLength: 2, maxLength: 3 }), { minLength: 0, maxLength: 40 }),
    rotations: fc.integer({ min: 1, max: 5 }),
    tableSize: fc.integer({ min: 1, max: 10 }),
  })
  .map((r) => ({
    tables: r.tables.map((path, i) => ({ id: `H${i}`, path })),
    trainees: r.trainees.map((choices, i) => ({ id: `T${i}`, choices })),
    rotations: r.rotations,
    tableSize: r.tableSize,
  }));

describe("round-table seating (property)", () => {
  it("never seats a trainee at the same table twice, never exceeds the table size, seats each trainee at most once per rotation", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const seating = seatRoundTables(input);
        expect(seating.rotations).toHaveLength(input.rotations);
        const visited = new Map<string, Set<string>>();
        for (const rotation of seating.rotations) {
          const seatedNow = new Set<string>();
          for (const table of rotation.tables) {
            expect(table.trainees.length).toBeLessThanOrEqual(input.tableSize);
            for (const t of table.trainees) {
              const seen = visited.get(t) ?? new Set<string>();
              expect(seen.has(table.tableId)).toBe(false);
              seen.add(table.tableId);
              visited.set(t, seen);
              expect(seatedNow.has(t)).toBe(false);
              seatedNow.add(t);
            }
          }
          for (const t of rotation.unseated) expect(seatedNow.has(t)).toBe(false);
          expect(seatedNow.size + rotation.unseated.length).toBe(input.trainees.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps tables balanced: no table holds more than its share, ⌈trainees ÷ tables⌉", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const share = tableCapacity(input.trainees.length, input.tables.length, input.tableSize);
        for (const rotation of seatRoundTables(input).rotations) for (const table of rotation.tables) expect(table.trainees.length).toBeLessThanOrEqual(share);
      }),
      { numRuns: 100 },
    );
  });

  it("seats everyone in every rotation while there are enough places and unvisited tables", () => {
    fc.assert(
      fc.property(instance, (input) => {
        fc.pre(input.rotations <= input.tables.length && input.trainees.length <= input.tables.length * input.tableSize);
        for (const rotation of seatRoundTables(input).rotations) expect(rotation.unseated).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
