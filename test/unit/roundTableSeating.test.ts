import { describe, expect, it } from "vitest";
import { seatRoundTables, tableCapacity } from "../../src/domain/roundTableSeating.js";

const tables = [
  { id: "clin", path: "clinical_practice" },
  { id: "edu", path: "medical_education" },
  { id: "ind", path: "industry" },
];

describe("round-table seating", () => {
  it("gives every trainee their first choice in the first rotation when the tables have room", () => {
    const seating = seatRoundTables({
      tables,
      trainees: [
        { id: "a", choices: ["industry", "medical_education"] },
        { id: "b", choices: ["clinical_practice", "industry"] },
        { id: "c", choices: ["medical_education", "clinical_practice", "industry"] },
      ],
      rotations: 2,
      tableSize: 4,
    });
    expect(seating.rotations[0]!.tables).toEqual([
      { tableId: "clin", trainees: ["b"] },
      { tableId: "edu", trainees: ["c"] },
      { tableId: "ind", trainees: ["a"] },
    ]);
    // second rotation: each goes to their second choice
    expect(seating.rotations[1]!.tables).toEqual([
      { tableId: "clin", trainees: ["c"] },
      { tableId: "edu", trainees: ["a"] },
      { tableId: "ind", trainees: ["b"] },
    ]);
    expect(seating.firstChoicesMet).toBe(3);
  });

  it("balances a popular table: those who miss their first choice get it in the next rotation", () => {
    const trainees = ["a", "b", "c", "d", "e", "f"].map((id) => ({ id, choices: ["industry", "clinical_practice"] }));
    const seating = seatRoundTables({ tables, trainees, rotations: 3, tableSize: 5 });
    // share = ⌈6 ÷ 3⌉ = 2 per table, so industry takes 2 per rotation: 6 first choices over 3 rotations
    for (const r of seating.rotations) for (const t of r.tables) expect(t.trainees).toHaveLength(2);
    expect(seating.firstChoicesMet).toBe(6);
  });

  it("never exceeds the table size: the trainees who do not fit are listed as without a seat", () => {
    const trainees = ["a", "b", "c", "d", "e"].map((id) => ({ id, choices: ["industry", "clinical_practice"] }));
    const seating = seatRoundTables({ tables: tables.slice(0, 2), trainees, rotations: 1, tableSize: 2 });
    expect(seating.rotations[0]!.tables.map((t) => t.trainees.length)).toEqual([2, 2]);
    expect(seating.rotations[0]!.unseated).toHaveLength(1);
    expect(seating.largestTable).toBe(2);
  });

  it("a table's share is the smaller of the table size and ⌈trainees ÷ tables⌉", () => {
    expect(tableCapacity(7, 3, 8)).toBe(3);
    expect(tableCapacity(30, 3, 8)).toBe(8);
    expect(tableCapacity(5, 0, 8)).toBe(0);
  });
});
