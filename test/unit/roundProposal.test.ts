import { describe, expect, it } from "vitest";
import { buildProposal } from "../../src/domain/roundProposalBuild.js";
import { AT, hemeCohort, inputs, mentorOf, person } from "./roundProposalFixtures.js";

const pairsOf = (p: { pairs: { trainee: string; mentor: string }[] }) => Object.fromEntries(p.pairs.map((x) => [x.trainee, x.mentor]));

describe("mentor-match proposals", () => {
  it("pairs each trainee with the best-fitting mentor who has room, with fit reasons and metrics", () => {
    const p = buildProposal(inputs("MENTOR_MATCH", hemeCohort()), AT);
    expect(pairsOf(p)).toEqual({ t1: "m1", t2: "m2", t3: "m1" });
    const t2 = p.pairs.find((x) => x.trainee === "t2")!;
    expect(t2.fit).toBeGreaterThan(0);
    expect(t2.reasons.join(" ")).toMatch(/leukemia/i);
    expect(t2.choice).toBe(1);
    expect(p.metrics).toMatchObject({ participants: 3, matched: 3, matchedPercent: 100, top3Share: 1, repeats: 0 });
    expect(p.metrics.minFit).toBeLessThanOrEqual(p.metrics.averageFit!);
    expect(p.metrics.mentorLoad).toMatchObject({ mentors: 2, capacity: 4, used: 3, full: 1, idle: 0 });
    expect(p.unmatched).toEqual([]);
  });

  it("never gives a mentor more trainees than their open places (capacity minus active matches), and says who is left and why", () => {
    const { trainees, mentors } = hemeCohort();
    mentors[0]!.activeMentees = 1; // m1: 2 places, 1 taken
    mentors[1]!.capacity = 1;
    const p = buildProposal(inputs("MENTOR_MATCH", { trainees, mentors }), AT);
    const load = p.pairs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.mentor]: (acc[x.mentor] ?? 0) + 1 }), {});
    expect(load).toEqual({ m1: 1, m2: 1 });
    expect(p.unmatched).toEqual([expect.objectContaining({ reason: "mentors_full" })]);
    expect(p.metrics.matched).toBe(2);
    expect(p.mentors).toEqual([{ mentor: "m1", places: 1 }, { mentor: "m2", places: 1 }]);
  });

  it("never pairs confidential exclusions, the same group (cohort) when asked, people already paired, paused mentors or someone with themself", () => {
    const t1 = person("t1", { interests: ["thrombosis"] }, { group: "lab-a" });
    const both = mentorOf("t1", 3, { expertise: ["thrombosis"] }, { group: "lab-a" }); // junior faculty who is trainee and mentor
    const same = mentorOf("m-same", 3, { expertise: ["thrombosis"] }, { group: "lab-a" });
    const excluded = mentorOf("m-x", 3, { expertise: ["thrombosis"] });
    const active = mentorOf("m-active", 3, { expertise: ["thrombosis"] });
    const paused = mentorOf("m-paused", 3, { expertise: ["thrombosis"] }, { paused: true });
    const p = buildProposal(
      inputs("MENTOR_MATCH", {
        trainees: [t1],
        mentors: [both, same, excluded, active, paused],
        exclusions: [["m-x", "t1"]],
        activePairs: [{ trainee: "t1", mentor: "m-active", role: "coach" }],
        options: { excludeSameGroup: true },
      }),
      AT,
    );
    expect(p.pairs).toEqual([]);
    expect(p.unmatched).toEqual([
      { memberId: "t1", reason: "all_excluded", eligibleMentors: 0, excluded: { self: 1, sameGroup: 1, exclusion: 1, activePair: 1, mentorPaused: 1 } },
    ]);
  });

  it("a past pairing costs the repeat penalty: a fresh mentor of equal fit wins, and a forced repeat is counted", () => {
    const mentors = [mentorOf("m1", 1, { expertise: ["thrombosis"] }), mentorOf("m2", 1, { expertise: ["thrombosis"] })];
    const trainees = [person("t1", { interests: ["thrombosis"] })];
    const fresh = buildProposal(inputs("MENTOR_MATCH", { trainees, mentors, pastPairs: [["t1", "m1"]] }), AT);
    expect(pairsOf(fresh)).toEqual({ t1: "m2" });
    const forced = buildProposal(inputs("MENTOR_MATCH", { trainees, mentors: [mentors[0]!], pastPairs: [["t1", "m1"]], options: { repeatPenalty: 10 } }), AT);
    expect(forced.pairs[0]).toMatchObject({ mentor: "m1", repeat: true });
    expect(forced.metrics.repeats).toBe(1);
    expect(forced.pairs[0]!.fit).toBeCloseTo(fresh.pairs[0]!.fit - 10, 5);
  });

  it("a paused trainee is listed as paused, not matched; trainees who already have a mentor are reported apart", () => {
    const { trainees, mentors } = hemeCohort();
    trainees[1]!.paused = true;
    const p = buildProposal(inputs("MENTOR_MATCH", { trainees, mentors, alreadyMatched: ["t9"] }), AT);
    expect(p.unmatched).toEqual([expect.objectContaining({ memberId: "t2", reason: "paused" })]);
    expect(p.alreadyMatched).toEqual(["t9"]);
  });
});

describe("stable proposals", () => {
  it("follows the rank lists with no blocking pair and reports the rank profile", () => {
    const trainees = [person("a"), person("b"), person("c")];
    const mentors = [mentorOf("x", 1), mentorOf("y", 1), mentorOf("z", 1)];
    const rankings = { a: ["x", "y"], b: ["x", "z"], c: ["x", "y", "z"], x: ["c", "a", "b"], y: ["a", "c"], z: ["b"] };
    const p = buildProposal(inputs("STABLE", { trainees, mentors, rankings }), AT);
    expect(pairsOf(p)).toEqual({ c: "x", a: "y", b: "z" });
    expect(p.stable).toEqual({ blockingPairs: 0, byChoice: [1, 2], unmatched: 0 });
    expect(p.pairs.find((x) => x.trainee === "b")!.choice).toBe(2);
    expect(p.metrics.top3Share).toBe(1);
  });

  it("a trainee no listed mentor ranked back is unmatched with that reason", () => {
    const p = buildProposal(inputs("STABLE", { trainees: [person("a"), person("b")], mentors: [mentorOf("x", 1)], rankings: { a: ["x"], b: ["x"], x: ["a"] } }), AT);
    expect(pairsOf(p)).toEqual({ a: "x" });
    expect(p.unmatched).toEqual([expect.objectContaining({ memberId: "b", reason: "not_ranked_back" })]);
  });
});

describe("rotation proposals", () => {
  const five = ["p1", "p2", "p3", "p4", "p5"].map((id) => person(id));

  it("an odd cohort makes pairs and one trio; nobody is left out", () => {
    const p = buildProposal(inputs("ROTATION", { trainees: five }), AT);
    expect(p.groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
    expect(p.groups.flatMap((g) => g.members).sort()).toEqual(["p1", "p2", "p3", "p4", "p5"]);
    expect(p.metrics).toMatchObject({ participants: 5, matched: 5, matchedPercent: 100, repeats: 0, averageFit: null });
  });

  it("does not repeat an earlier pairing of the round while a new one exists", () => {
    const four = five.slice(0, 4);
    const p = buildProposal(inputs("ROTATION", { trainees: four, pastGroups: [["p1", "p2"], ["p3", "p4"]], roundIndex: 1 }), AT);
    expect(p.metrics.repeats).toBe(0);
    for (const g of p.groups) expect([["p1", "p2"], ["p3", "p4"]].map((x) => x.join())).not.toContain([...g.members].sort().join());
  });

  it("keeps confidential exclusions apart when it can", () => {
    const four = five.slice(0, 4);
    for (let round = 0; round < 3; round++) {
      const p = buildProposal(inputs("ROTATION", { trainees: four, exclusions: [["p1", "p2"], ["p1", "p3"]], roundIndex: round }), AT);
      expect(p.groups.find((g) => g.members.includes("p1"))!.members).toContain("p4");
      expect(p.conflicts).toBeUndefined();
    }
  });

  it("groups of N: the remainder joins groups; paused people sit out and are listed", () => {
    const seven = [...five, person("p6"), person("p7", {}, { paused: true })];
    const p = buildProposal(inputs("ROTATION", { trainees: seven, options: { groupSize: 3 } }), AT);
    expect(p.groups.map((g) => g.members.length).sort()).toEqual([3, 3]);
    expect(p.unmatched).toEqual([{ memberId: "p7", reason: "paused" }]);
  });

  it("cross-group: each trainee gets one mentor and mentors share the load evenly", () => {
    const mentors = [mentorOf("m1", 1), mentorOf("m2", 1)];
    const p = buildProposal(inputs("ROTATION", { trainees: five, mentors, options: { crossGroup: true } }), AT);
    expect(p.groups.map((g) => g.mentor).sort()).toEqual(["m1", "m2"]);
    expect(p.groups.map((g) => g.members.length - 1).sort()).toEqual([2, 3]);
    expect(p.groups.flatMap((g) => g.members.slice(1)).sort()).toEqual(["p1", "p2", "p3", "p4", "p5"]);
  });
});

describe("speed-mentoring proposals", () => {
  it("each trainee meets K different mentors at set times, and everyone has a schedule", () => {
    const trainees = ["a", "b", "c", "d"].map((id) => person(id));
    const mentors = ["x", "y", "z"].map((id) => mentorOf(id, 1));
    const p = buildProposal(inputs("SPEED", { trainees, mentors, options: { rotations: 3, minutesPerRotation: 10, breakMinutes: 5, startsAt: "2026-03-02T16:00:00Z" } }), AT);
    expect(p.speed!.rotations.map((r) => r.startsAt)).toEqual(["2026-03-02T16:00:00.000Z", "2026-03-02T16:15:00.000Z", "2026-03-02T16:30:00.000Z"]);
    for (const t of ["a", "b", "c", "d"]) {
      const met = p.speed!.byPerson[t]!.map((s) => s.with[0]);
      expect(new Set(met).size).toBe(3);
    }
    expect(p.speed!.byPerson.x!.map((s) => s.rotation)).toEqual([0, 1, 2]);
    expect(p.groups.every((g) => g.mentor && g.members[0] === g.mentor)).toBe(true);
  });

  it("more rotations than mentors is refused with a plain problem and nobody is scheduled", () => {
    const p = buildProposal(inputs("SPEED", { trainees: [person("a")], mentors: [mentorOf("x", 1)], options: { rotations: 2 } }), AT);
    expect(p.problem).toBe("not_enough_mentors");
    expect(p.groups).toEqual([]);
    expect(p.unmatched).toEqual([{ memberId: "a", reason: "not_enough_mentors" }]);
  });
});
