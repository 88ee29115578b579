import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { activeGoalChanges, MAX_ACTIVE_GOALS, mayAddProgress, mayEditGoals, planActivation, sortGoals, statusAfter, withProgress, type GoalStatus, type GoalView } from "../../src/domain/goals.js";

const goal = (id: string, status: GoalStatus, createdAt = "2026-01-01T00:00:00Z"): GoalView => ({ id, memberId: "m1", text: id, status, progress: [], createdAt: new Date(createdAt) });

describe("goal rules", () => {
  it("a trainee with fewer than two active goals can add one straight away", () => {
    expect(planActivation([], null)).toEqual({ kind: "go" });
    expect(planActivation([goal("a", "ACTIVE"), goal("b", "PARKED"), goal("c", "DONE")], null)).toEqual({ kind: "go" });
  });

  it("a third active goal asks which of the two active ones to park", () => {
    const goals = [goal("a", "ACTIVE"), goal("b", "ACTIVE"), goal("c", "PARKED")];
    const plan = planActivation(goals, null);
    expect(plan.kind).toBe("choose-park");
    expect(plan.kind === "choose-park" && plan.active.map((g) => g.id)).toEqual(["a", "b"]);
  });

  it("choosing an active goal to park lets the new one in; choosing a goal that is not active asks again", () => {
    const goals = [goal("a", "ACTIVE"), goal("b", "ACTIVE"), goal("c", "PARKED")];
    expect(planActivation(goals, "b")).toEqual({ kind: "go" });
    expect(planActivation(goals, "c").kind).toBe("choose-park");
    expect(planActivation(goals, "nope").kind).toBe("choose-park");
  });

  it("reactivating a goal does not count the goal itself among the active ones", () => {
    expect(planActivation([goal("a", "ACTIVE"), goal("b", "ACTIVE")], null, "a")).toEqual({ kind: "go" });
  });

  it("never lets more than two goals be active, whatever the goals and choice", () => {
    const statuses = fc.constantFrom<GoalStatus>("ACTIVE", "PARKED", "DONE");
    fc.assert(
      fc.property(fc.array(statuses, { maxLength: 8 }), fc.option(fc.nat(9)), (list, pick) => {
        const goals = list.map((s, i) => goal(`g${i}`, s));
        const active = goals.filter((g) => g.status === "ACTIVE").length;
        fc.pre(active <= MAX_ACTIVE_GOALS);
        const parkId = pick === null ? null : `g${pick}`;
        const plan = planActivation(goals, parkId);
        if (plan.kind === "go") {
          const parked = parkId !== null && goals.some((g) => g.id === parkId && g.status === "ACTIVE") ? 1 : 0;
          expect(active - parked + 1).toBeLessThanOrEqual(MAX_ACTIVE_GOALS);
        }
      }),
    );
  });

  it("a goal moves between active, parked and done only where it makes sense", () => {
    expect(statusAfter("ACTIVE", "done")).toBe("DONE");
    expect(statusAfter("ACTIVE", "park")).toBe("PARKED");
    expect(statusAfter("ACTIVE", "activate")).toBeNull();
    expect(statusAfter("PARKED", "activate")).toBe("ACTIVE");
    expect(statusAfter("PARKED", "park")).toBeNull();
    expect(statusAfter("PARKED", "done")).toBe("DONE");
    expect(statusAfter("DONE", "done")).toBeNull();
    expect(statusAfter("DONE", "activate")).toBe("ACTIVE");
  });

  it("only the trainee edits their goals; the trainee or their mentors add progress notes", () => {
    expect(mayEditGoals("t", "t")).toBe(true);
    expect(mayEditGoals("mentor", "t")).toBe(false);
    expect(mayAddProgress("t", "t", [])).toBe(true);
    expect(mayAddProgress("mentor", "t", ["mentor"])).toBe(true);
    expect(mayAddProgress("stranger", "t", ["mentor"])).toBe(false);
  });

  it("progress notes are kept oldest first, and goals list active, then parked, then done", () => {
    const one = withProgress([], { at: "2026-01-02T00:00:00Z", by: "t", note: "draft" });
    expect(withProgress(one, { at: "2026-01-03T00:00:00Z", by: "m", note: "sent" }).map((p) => p.note)).toEqual(["draft", "sent"]);
    const sorted = sortGoals([goal("d", "DONE", "2025-01-01T00:00:00Z"), goal("p", "PARKED"), goal("a2", "ACTIVE", "2026-02-01T00:00:00Z"), goal("a1", "ACTIVE")]);
    expect(sorted.map((g) => g.id)).toEqual(["a1", "a2", "p", "d"]);
  });
});

describe("a profile form's goals as the trainee's active goals", () => {
  const g = (id: string, text: string, status: GoalView["status"]): GoalView => ({ id, memberId: "t", text, status, progress: [], createdAt: new Date(`2026-01-0${id.slice(1)}T00:00:00Z`) });

  it("makes new text a new goal, keeps an unchanged one, and parks an active goal left out", () => {
    const goals = [g("g1", "Submit K08", "ACTIVE"), g("g2", "Learn R", "ACTIVE")];
    expect(activeGoalChanges(goals, ["Submit K08", "Present at ASH"])).toEqual({ activate: [], park: ["g2"], create: ["Present at ASH"] });
    expect(activeGoalChanges(goals, ["submit  k08", "Learn R"])).toEqual({ activate: [], park: [], create: [] });
    expect(activeGoalChanges(goals, [])).toEqual({ activate: [], park: ["g1", "g2"], create: [] });
  });

  it("brings back a parked or done goal written again (its notes kept), preferring one not done, and counts a repeat once", () => {
    const goals = [g("g1", "Submit K08", "DONE"), g("g2", "Submit K08", "PARKED"), g("g3", "Pass boards", "DONE")];
    expect(activeGoalChanges(goals, ["Submit K08", "submit k08"])).toEqual({ activate: ["g2"], park: [], create: [] });
    expect(activeGoalChanges(goals, ["Pass boards"])).toEqual({ activate: ["g3"], park: [], create: [] });
  });
});
