import { describe, expect, it } from "vitest";
import { buildProposal } from "../../src/domain/roundProposalBuild.js";
import { checkEdit, dropPair, reassignTrainee, swapMentors } from "../../src/domain/roundSwap.js";
import { AT, hemeCohort, inputs, mentorOf, person } from "./roundProposalFixtures.js";

const pairsOf = (p: { pairs: { trainee: string; mentor: string }[] }) => Object.fromEntries(p.pairs.map((x) => [x.trainee, x.mentor]));

describe("a director's edits to a proposal", () => {
  const base = () => {
    const data = inputs("MENTOR_MATCH", hemeCohort());
    return { data, proposal: buildProposal(data, AT) };
  };

  it("swapping two pairs exchanges their mentors and re-measures fit (it can only go down from the optimum)", () => {
    const { data, proposal } = base();
    const r = swapMentors(proposal, data, "t1", "t2", AT);
    if (!r.ok) throw new Error(r.problem);
    expect(pairsOf(r.proposal)).toEqual({ t1: "m2", t2: "m1", t3: "m1" });
    expect(r.proposal.metrics.averageFit!).toBeLessThan(proposal.metrics.averageFit!);
    expect(r.proposal.pairs.find((x) => x.trainee === "t1")!.choice).toBe(2);
  });

  it("a swap that would pair a confidential exclusion is refused, naming the pair, and nothing changes", () => {
    const { proposal } = base();
    const data = inputs("MENTOR_MATCH", { ...hemeCohort(), exclusions: [["t2", "m1"]] });
    expect(swapMentors(proposal, data, "t1", "t2", AT)).toEqual({ ok: false, problem: "exclusion", trainee: "t2", mentor: "m1" });
  });

  it("a swap onto a mentor paused since the preview, or into an existing match, is refused", () => {
    const { proposal } = base();
    const cohort = hemeCohort();
    cohort.mentors[1]!.paused = true;
    expect(swapMentors(proposal, inputs("MENTOR_MATCH", cohort), "t1", "t2", AT)).toMatchObject({ ok: false, problem: "mentor_paused" });
    const withMatch = inputs("MENTOR_MATCH", { ...hemeCohort(), activePairs: [{ trainee: "t1", mentor: "m2", role: "coach" }] });
    expect(swapMentors(proposal, withMatch, "t1", "t2", AT)).toMatchObject({ ok: false, problem: "already_paired", trainee: "t1", mentor: "m2" });
  });

  it("two pairs with the same mentor cannot be swapped; an unknown pair is refused", () => {
    const { data, proposal } = base();
    expect(swapMentors(proposal, data, "t1", "t3", AT)).toMatchObject({ ok: false, problem: "same_mentor" });
    expect(swapMentors(proposal, data, "t1", "nobody", AT)).toMatchObject({ ok: false, problem: "unknown_pair" });
  });

  it("reassigning a trainee needs a mentor with a free place in the proposal", () => {
    const { data, proposal } = base();
    expect(reassignTrainee(proposal, data, "t2", "m1", AT)).toMatchObject({ ok: false, problem: "no_room", mentor: "m1" });
    const r = reassignTrainee(proposal, data, "t1", "m2", AT);
    if (!r.ok) throw new Error(r.problem);
    expect(pairsOf(r.proposal)).toEqual({ t1: "m2", t2: "m2", t3: "m1" });
    expect(r.proposal.metrics.mentorLoad).toMatchObject({ used: 3, full: 1 });
  });

  it("dropping a pair lists the trainee as dropped and the metrics count one fewer; the trainee can be given a mentor again", () => {
    const { data, proposal } = base();
    const r = dropPair(proposal, data, "t3", AT);
    if (!r.ok) throw new Error(r.problem);
    expect(pairsOf(r.proposal)).toEqual({ t1: "m1", t2: "m2" });
    expect(r.proposal.unmatched).toEqual([{ memberId: "t3", reason: "dropped" }]);
    expect(r.proposal.metrics).toMatchObject({ matched: 2, matchedPercent: 66.67 });
    const back = reassignTrainee(r.proposal, data, "t3", "m2", AT);
    if (!back.ok) throw new Error(back.problem);
    expect(back.proposal.unmatched).toEqual([]);
    expect(back.proposal.dropped).toEqual([]);
  });

  it("a pair that a fresh check no longer allows disappears from the edited proposal with its reason", () => {
    const { proposal } = base();
    const data = inputs("MENTOR_MATCH", { ...hemeCohort(), exclusions: [["t3", "m1"]] });
    const r = dropPair(proposal, data, "t2", AT);
    if (!r.ok) throw new Error(r.problem);
    expect(pairsOf(r.proposal)).toEqual({ t1: "m1" });
    expect(r.proposal.unmatched.map((u) => [u.memberId, u.reason])).toEqual([["t2", "dropped"], ["t3", "unassigned"]]);
  });

  it("in a rotation a whole group is dropped and its people listed", () => {
    const data = inputs("ROTATION", { trainees: ["a", "b", "c", "d"].map((id) => person(id)) });
    const proposal = buildProposal(data, AT);
    const r = dropPair(proposal, data, "0", AT);
    if (!r.ok) throw new Error(r.problem);
    expect(r.proposal.groups).toHaveLength(1);
    expect(r.proposal.unmatched.map((u) => u.reason)).toEqual(["dropped", "dropped"]);
    expect(r.proposal.metrics).toMatchObject({ matched: 2, matchedPercent: 50 });
    expect(swapMentors(proposal, data, "a", "b", AT)).toMatchObject({ ok: false, problem: "not_pairs" });
  });

  it("a mentor who is also a trainee is never reassigned to themself", () => {
    const data = inputs("MENTOR_MATCH", { trainees: [person("j")], mentors: [mentorOf("j", 2), mentorOf("m", 2)] });
    const proposal = buildProposal(data, AT);
    expect(pairsOf(proposal)).toEqual({ j: "m" });
    expect(reassignTrainee(proposal, data, "j", "j", AT)).toMatchObject({ ok: false, problem: "self" });
  });
});

describe("dropping a speed-mentoring table", () => {
  it("takes those seats out of everyone's schedule for that rotation only", () => {
    const data = inputs("SPEED", { trainees: [person("a"), person("b")], mentors: [mentorOf("x", 1), mentorOf("y", 1)], options: { rotations: 2 } });
    const proposal = buildProposal(data, AT);
    const index = proposal.groups.findIndex((g) => g.slot === 0 && g.mentor === "x");
    const table = proposal.groups[index]!;
    const r = dropPair(proposal, data, String(index), AT);
    if (!r.ok) throw new Error(r.problem);
    expect(r.proposal.speed!.byPerson.x!.map((s) => s.rotation)).toEqual([1]);
    for (const t of table.members.filter((m) => m !== "x")) expect(r.proposal.speed!.byPerson[t]!.map((s) => s.rotation)).toEqual([1]);
    expect(r.proposal.speed!.byPerson.y!.map((s) => s.rotation)).toEqual([0, 1]);
    expect(r.proposal.unmatched).toEqual([]);
  });
});

describe("checking an edit before the modal closes", () => {
  it("answers from the rules alone: allowed, or the problem with the pair", () => {
    const data = inputs("MENTOR_MATCH", { ...hemeCohort(), exclusions: [["t2", "m1"]] });
    const proposal = buildProposal(inputs("MENTOR_MATCH", hemeCohort()), AT);
    expect(checkEdit(proposal, data, { kind: "swap", traineeA: "t1", traineeB: "t2" })).toEqual({ ok: false, problem: "exclusion", trainee: "t2", mentor: "m1" });
    expect(checkEdit(proposal, data, { kind: "swap", traineeA: "t3", traineeB: "t1" })).toMatchObject({ problem: "same_mentor" });
    expect(checkEdit(proposal, data, { kind: "drop", target: "t3" })).toBeNull();
    expect(checkEdit(proposal, data, { kind: "drop", target: "t9" })).toMatchObject({ problem: "unknown_pair" });
    expect(checkEdit(proposal, data, { kind: "reassign", trainee: "t2", mentor: "m1" })).toMatchObject({ problem: "exclusion" });
  });
});
