/**
 * A trainee's goals: the rules, pure. Mentoring works best on one or two goals at a time, so a
 * trainee keeps at most MAX_ACTIVE_GOALS active; the rest are parked (kept for later) or done.
 *
 * - Only the trainee adds, finishes, parks or reactivates their goals.
 * - The trainee, or a mentor in one of their active matches, may add a progress note.
 * - Adding (or reactivating) a goal while two are active is not an error: the person is asked which
 *   active goal to park, and the change happens with that choice.
 */

export const MAX_ACTIVE_GOALS = 2;
export const GOAL_TEXT_MAX = 200;
export const PROGRESS_NOTE_MAX = 500;

export const GOAL_STATUSES = ["ACTIVE", "PARKED", "DONE"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** One progress note: when (ISO instant), by whom (member id), what. */
export interface ProgressNote {
  at: string;
  by: string;
  note: string;
}

export interface GoalView {
  id: string;
  memberId: string;
  text: string;
  status: GoalStatus;
  progress: ProgressNote[];
  createdAt: Date;
}

/** What activating one more goal needs: go ahead, or ask which active goal to park first. */
export type ActivationPlan = { kind: "go" } | { kind: "choose-park"; active: GoalView[] };

/**
 * Whether one more goal can become active now. With `parkId` (the person's choice) it can, provided
 * that goal is one of the active ones.
 */
export function planActivation(goals: readonly GoalView[], parkId: string | null, excludeId: string | null = null): ActivationPlan {
  const active = goals.filter((g) => g.status === "ACTIVE" && g.id !== excludeId);
  if (active.length < MAX_ACTIVE_GOALS) return { kind: "go" };
  if (parkId && active.some((g) => g.id === parkId)) return { kind: "go" };
  return { kind: "choose-park", active };
}

/** Goal text as compared for "the same goal": case, outer and repeated spaces ignored. */
export const sameGoalText = (a: string, b: string) => {
  const norm = (t: string) => t.trim().replace(/\s+/g, " ").toLowerCase();
  return norm(a) === norm(b);
};

/** A goal not done yet with the same text (a double click on "Track" finds the first one's). */
export const openGoalWithText = <T extends Pick<GoalView, "status" | "text">>(goals: readonly T[], text: string): T | undefined =>
  goals.find((g) => g.status !== "DONE" && sameGoalText(g.text, text));

export type GoalChange = "done" | "park" | "activate";

/** The status a change moves a goal to, or null when it does not apply (e.g. parking a parked goal). */
export function statusAfter(current: GoalStatus, change: GoalChange): GoalStatus | null {
  if (change === "done") return current === "DONE" ? null : "DONE";
  if (change === "park") return current === "ACTIVE" ? "PARKED" : null;
  return current === "ACTIVE" ? null : "ACTIVE";
}

/** Who may do what with a trainee's goals. */
export function mayEditGoals(actorId: string, traineeId: string): boolean {
  return actorId === traineeId;
}

export function mayAddProgress(actorId: string, traineeId: string, mentorIdsOfTrainee: readonly string[]): boolean {
  return actorId === traineeId || mentorIdsOfTrainee.includes(actorId);
}

/** The progress list with one more note (notes are kept oldest first). */
export function withProgress(progress: readonly ProgressNote[], note: ProgressNote): ProgressNote[] {
  return [...progress, note];
}

/** Active first, then parked, then done; oldest first within each. */
export function sortGoals<T extends Pick<GoalView, "status" | "createdAt">>(goals: readonly T[]): T[] {
  const rank = (s: GoalStatus) => GOAL_STATUSES.indexOf(s);
  return [...goals].sort((a, b) => rank(a.status) - rank(b.status) || a.createdAt.getTime() - b.createdAt.getTime());
}

/** How a trainee's goals change so that `texts` are exactly their active ones. */
export interface ActiveGoalChanges {
  /** Goals (ids) that become active again: parked or done ones whose text was written anew. */
  activate: string[];
  /** Active goals (ids) no longer among the texts: parked, with their notes, never deleted. */
  park: string[];
  /** Texts no goal has yet: new active goals. */
  create: string[];
}

/**
 * The profile form shows a trainee's active goals and saves what they wrote there as their active
 * goals: a text matching a goal they have (same words, any case) brings that goal back (its notes
 * kept; a goal not done is preferred to a done one), a new text is a new goal, and an active goal
 * left out is parked. Texts are the form's (at most MAX_ACTIVE_GOALS, validated); repeats count once.
 */
export function activeGoalChanges(goals: readonly GoalView[], texts: readonly string[]): ActiveGoalChanges {
  const changes: ActiveGoalChanges = { activate: [], park: [], create: [] };
  const kept = new Set<string>();
  const wanted = texts.map((t) => t.trim()).filter((t, i, all) => t && all.findIndex((o) => sameGoalText(o, t)) === i);
  for (const text of wanted) {
    const same = goals.filter((g) => sameGoalText(g.text, text));
    const goal = same.find((g) => g.status === "ACTIVE") ?? same.find((g) => g.status === "PARKED") ?? same.at(-1);
    if (!goal) changes.create.push(text);
    else {
      kept.add(goal.id);
      if (goal.status !== "ACTIVE") changes.activate.push(goal.id);
    }
  }
  changes.park = goals.filter((g) => g.status === "ACTIVE" && !kept.has(g.id)).map((g) => g.id);
  return changes;
}
