import type { Tx } from "../../store/database.js";
import {
  activeMenteesOf,
  activeMentorIdsOf,
  appendProgress,
  createGoal,
  findGoal,
  goalsOf,
  isTraineeAnywhere,
  memberNames,
  setGoalStatus,
  slackUserIdOf,
} from "../../store/goals.js";
import { lockMember } from "../../store/matches.js";
import { mayAddProgress, mayEditGoals, openGoalWithText, planActivation, sortGoals, statusAfter, type GoalChange, type GoalView } from "../../domain/goals.js";
import { GoalChangeNotAllowed, GoalNotFound, NotYourGoal } from "../../domain/errors.js";
import { ensureMember } from "../profiles/members.js";
import type { WithDirectory } from "../context.js";

export interface MenteeGoals {
  mentee: { memberId: string; slackUserId: string; name: string };
  goals: GoalView[];
}

/** What `/mentoring goals` shows: your own goals (trainees), and your mentees' (mentors). */
export interface GoalsBoard {
  memberId: string;
  /** The viewer's zone, for dates. */
  tz: string;
  isTrainee: boolean;
  own: GoalView[];
  mentees: MenteeGoals[];
  /** Who wrote each progress note, by member id. */
  authors: Record<string, string>;
}

export async function goalsBoard(ctx: WithDirectory, slackUserId: string): Promise<GoalsBoard> {
  const { db, workspaceId, now } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  const [own, mentees, isTrainee] = await Promise.all([goalsOf(db, workspaceId, me.id), activeMenteesOf(db, workspaceId, me.id), isTraineeAnywhere(db, workspaceId, me.id)]);
  const menteeGoals = await Promise.all(mentees.map(async (mentee) => ({ mentee, goals: sortGoals(await goalsOf(db, workspaceId, mentee.memberId)) })));
  const authorIds = [...own, ...menteeGoals.flatMap((m) => m.goals)].flatMap((g) => g.progress.map((p) => p.by));
  const names = await memberNames(db, workspaceId, authorIds);
  return { memberId: me.id, tz: me.tz, isTrainee: isTrainee || own.length > 0, own: sortGoals(own), mentees: menteeGoals, authors: Object.fromEntries(names) };
}

export type GoalOutcome = { kind: "done"; goal: GoalView } | { kind: "choose-park"; active: GoalView[] };

/**
 * The trainee adds a goal. With two active already and no `parkId`, nothing changes and the answer
 * lists the active goals to choose one to park; with `parkId`, that goal is parked and the new one
 * added, in one transaction (serialized per trainee, so two adds at once never make three active).
 * A goal not done yet with the same text is returned instead of a second copy (a double click).
 */
export async function addGoal(ctx: WithDirectory, slackUserId: string, text: string, parkId: string | null): Promise<GoalOutcome> {
  const { db, workspaceId, now } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  return db.$transaction(async (tx) => {
    await lockMember(tx, workspaceId, me.id);
    const goals = await goalsOf(tx, workspaceId, me.id);
    const same = openGoalWithText(goals, text);
    if (same) return { kind: "done", goal: same };
    const plan = planActivation(goals, parkId);
    if (plan.kind === "choose-park") return plan;
    if (parkId) await parkIfActive(tx, workspaceId, me.id, parkId);
    return { kind: "done", goal: await createGoal(tx, workspaceId, me.id, text, now) };
  });
}

async function parkIfActive(tx: Tx, workspaceId: string, memberId: string, goalId: string) {
  const goal = await findGoal(tx, workspaceId, goalId);
  if (!goal || goal.memberId !== memberId) throw new GoalNotFound(goalId);
  if (goal.status === "ACTIVE") await setGoalStatus(tx, workspaceId, goalId, "PARKED");
}

/**
 * The trainee marks a goal done, parks it, or makes it active again. Reactivating while two are
 * active asks which to park (unless `parkId` says).
 */
export async function changeGoal(ctx: WithDirectory, slackUserId: string, goalId: string, change: GoalChange, parkId: string | null): Promise<GoalOutcome> {
  const { db, workspaceId, now } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  return db.$transaction(async (tx) => {
    await lockMember(tx, workspaceId, me.id);
    const goal = await findGoal(tx, workspaceId, goalId);
    if (!goal) throw new GoalNotFound(goalId);
    if (!mayEditGoals(me.id, goal.memberId)) throw new NotYourGoal(goalId);
    const next = statusAfter(goal.status, change);
    if (!next) throw new GoalChangeNotAllowed(goal.status, change);
    if (next === "ACTIVE") {
      const plan = planActivation(await goalsOf(tx, workspaceId, me.id), parkId, goalId);
      if (plan.kind === "choose-park") return plan;
      if (parkId) await parkIfActive(tx, workspaceId, me.id, parkId);
    }
    await setGoalStatus(tx, workspaceId, goalId, next);
    return { kind: "done", goal: { ...goal, status: next } };
  });
}

/** A progress note on a goal, by its trainee or one of their mentors (active matches). */
export async function addProgressNote(ctx: WithDirectory, slackUserId: string, goalId: string, note: string): Promise<{ goal: GoalView; traineeSlackUserId: string | null }> {
  const { db, workspaceId, now } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  const goal = await findGoal(db, workspaceId, goalId);
  if (!goal) throw new GoalNotFound(goalId);
  const mentors = goal.memberId === me.id ? [] : await activeMentorIdsOf(db, workspaceId, goal.memberId);
  if (!mayAddProgress(me.id, goal.memberId, mentors)) throw new GoalNotFound(goalId);
  const entry = { at: now.toISOString(), by: me.id, note };
  if (!(await appendProgress(db, workspaceId, goalId, entry))) throw new GoalNotFound(goalId);
  return { goal: { ...goal, progress: [...goal.progress, entry] }, traineeSlackUserId: await slackUserIdOf(db, workspaceId, goal.memberId) };
}

/** A goal the person may add a progress note to (their own, or a mentee's), for the progress-note modal. */
export async function visibleGoal(ctx: WithDirectory, slackUserId: string, goalId: string): Promise<{ goal: GoalView; own: boolean; ownerSlackUserId: string | null }> {
  const { db, workspaceId, now } = ctx;
  const me = await ensureMember(db, ctx.directory, workspaceId, slackUserId, now);
  const goal = await findGoal(db, workspaceId, goalId);
  if (!goal) throw new GoalNotFound(goalId);
  const own = goal.memberId === me.id;
  const mentors = own ? [] : await activeMentorIdsOf(db, workspaceId, goal.memberId);
  if (!mayAddProgress(me.id, goal.memberId, mentors)) throw new GoalNotFound(goalId);
  return { goal, own, ownerSlackUserId: own ? slackUserId : await slackUserIdOf(db, workspaceId, goal.memberId) };
}
