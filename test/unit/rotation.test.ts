import { describe, expect, it } from "vitest";
import { PairHistory, circleRound, crossGroupRound, planRound, planRounds, roundStarts, speedMentoring } from "../../src/domain/rotation.js";

describe("rotating rounds", () => {
  it("four people meet everyone once over three rounds", () => {
    const plans = planRounds(["a", "b", "c", "d"], 3);
    const pairs = plans.flatMap((p) => p.groups.map((g) => [...g].sort().join("-"))).sort();
    expect(pairs).toEqual(["a-b", "a-c", "a-d", "b-c", "b-d", "c-d"]);
  });

  it("five people make two groups: one pair and one trio", () => {
    const plan = planRound(["a", "b", "c", "d", "e"]);
    expect(plan.groups.map((g) => g.length).sort()).toEqual([2, 3]);
    expect(plan.alone).toEqual([]);
  });

  it("a person alone is reported, not dropped", () => {
    expect(planRound(["solo"])).toEqual({ groups: [], repeats: 0, alone: ["solo"] });
  });

  it("when every pairing has been used, the round repeats as few pairs as possible", () => {
    const history = PairHistory.from([
      ["a", "b"],
      ["c", "d"],
      ["a", "c"],
      ["b", "d"],
      ["a", "d"],
      ["b", "c"],
    ]);
    const plan = planRound(["a", "b", "c", "d"], { history });
    expect(plan.repeats).toBe(2);
    expect(plan.groups.flat().sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("avoids the one pair that already met when re-pairing four people", () => {
    const history = PairHistory.from([["a", "b"]]);
    const plan = planRound(["a", "b", "c", "d"], { history });
    expect(plan.repeats).toBe(0);
    expect(plan.groups.some((g) => g.includes("a") && g.includes("b"))).toBe(false);
  });

  it("the trio of an odd round avoids people who already met when it can", () => {
    // Round 0 pairs b–e and c–d; a sits out and joins a pair. a already met b, so a joins c–d.
    expect(circleRound(["a", "b", "c", "d", "e"], 0)).toEqual([["b", "e", "a"], ["c", "d"]]);
    const history = PairHistory.from([["a", "b"]]);
    expect(circleRound(["a", "b", "c", "d", "e"], 0, history)).toEqual([["b", "e"], ["c", "d", "a"]]);
  });

  it("cross-group rounds give every trainee a mentor, spread evenly, and avoid past pairs", () => {
    const history = PairHistory.from([
      ["t1", "m1"],
      ["t2", "m1"],
    ]);
    const round = crossGroupRound(["m1", "m2"], ["t1", "t2", "t3", "t4"], history);
    expect(round.repeats).toBe(0);
    expect(round.groups.map((g) => g.trainees.length)).toEqual([2, 2]);
    const m1 = round.groups.find((g) => g.mentor === "m1")!;
    expect(m1.trainees.sort()).toEqual(["t3", "t4"]);
  });

  it("speed mentoring: each trainee meets a different mentor in every rotation, at the set times", () => {
    const plan = speedMentoring({
      mentors: ["m1", "m2", "m3"],
      trainees: ["t1", "t2", "t3", "t4"],
      rotations: 3,
      startsAt: new Date("2026-03-01T14:00:00Z"),
      minutesPerRotation: 8,
      breakMinutes: 2,
    });
    if (!plan.ok) throw new Error("expected a plan");
    expect(plan.rotations.map((r) => r.startsAt.toISOString())).toEqual([
      "2026-03-01T14:00:00.000Z",
      "2026-03-01T14:10:00.000Z",
      "2026-03-01T14:20:00.000Z",
    ]);
    expect(plan.rotations[0]!.endsAt.toISOString()).toBe("2026-03-01T14:08:00.000Z");
    for (const t of ["t1", "t2", "t3", "t4"]) {
      const met = plan.rotations.map((r) => r.tables.find((tb) => tb.trainees.includes(t))!.mentor);
      expect(new Set(met).size).toBe(3);
    }
  });

  it("speed mentoring refuses more rotations than there are mentors", () => {
    const plan = speedMentoring({ mentors: ["m1"], trainees: ["t1"], rotations: 2, startsAt: new Date(0), minutesPerRotation: 5 });
    expect(plan).toEqual({ ok: false, reason: "not_enough_mentors", mentors: 1, rotations: 2 });
  });

  it("monthly rounds fall on the same day of each month in the program's zone", () => {
    const starts = roundStarts(new Date("2026-01-15T15:00:00Z"), "MONTHLY", 3, "America/New_York");
    expect(starts.map((d) => d.toISOString())).toEqual([
      "2026-01-15T15:00:00.000Z",
      "2026-02-15T15:00:00.000Z",
      "2026-03-15T14:00:00.000Z",
    ]);
  });
});
