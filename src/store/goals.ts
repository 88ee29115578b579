import { z } from "zod";
import { providerOfClient, type Db, type Tx } from "./database.js";
import type { GoalStatus, GoalView, ProgressNote } from "../domain/goals.js";

/** Goals and their progress notes. Every query is scoped by the workspace. */

const progressSchema = z.array(z.object({ at: z.string(), by: z.string(), note: z.string() }));

/** The stored progress JSON as notes; anything unreadable counts as none. */
export function readProgress(raw: unknown): ProgressNote[] {
  const parsed = progressSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

const SELECT = { id: true, memberId: true, text: true, status: true, progress: true, createdAt: true } as const;
type Row = { id: string; memberId: string; text: string; status: GoalStatus; progress: unknown; createdAt: Date };
const toView = (r: Row): GoalView => ({ ...r, progress: readProgress(r.progress) });

export async function goalsOf(db: Db | Tx, workspaceId: string, memberId: string): Promise<GoalView[]> {
  const rows = await db.goal.findMany({ where: { workspaceId, memberId }, select: SELECT, orderBy: { createdAt: "asc" } });
  return rows.map(toView);
}

/** Goals of several members at once (the App Home), keyed by member id. */
export async function goalsOfMembers(db: Db, workspaceId: string, memberIds: readonly string[]): Promise<Map<string, GoalView[]>> {
  const out = new Map<string, GoalView[]>();
  if (!memberIds.length) return out;
  const rows = await db.goal.findMany({ where: { workspaceId, memberId: { in: [...new Set(memberIds)] } }, select: SELECT, orderBy: { createdAt: "asc" } });
  for (const r of rows) out.set(r.memberId, [...(out.get(r.memberId) ?? []), toView(r)]);
  return out;
}

export async function findGoal(db: Db | Tx, workspaceId: string, id: string): Promise<GoalView | null> {
  const r = await db.goal.findFirst({ where: { workspaceId, id }, select: SELECT });
  return r ? toView(r) : null;
}

export async function createGoal(tx: Db | Tx, workspaceId: string, memberId: string, text: string, now: Date): Promise<GoalView> {
  // Json columns have no default: progress is written explicitly.
  const r = await tx.goal.create({ data: { workspaceId, memberId, text, status: "ACTIVE", progress: [], createdAt: now }, select: SELECT });
  return toView(r);
}

export async function setGoalStatus(tx: Db | Tx, workspaceId: string, id: string, status: GoalStatus): Promise<void> {
  await tx.goal.updateMany({ where: { workspaceId, id }, data: { status } });
}


/**
 * Appends a note without losing one written at the same moment by someone else: read and write
 * happen in one transaction that (PostgreSQL) holds the goal's row lock; SQLite serializes writers.
 * Pass a transaction to make the note part of a larger change (a logged meeting).
 */
export async function appendProgress(db: Db | Tx, workspaceId: string, id: string, note: ProgressNote): Promise<boolean> {
  const run = async (tx: Tx): Promise<boolean> => {
    if (providerOfClient(tx) === "postgresql") await tx.$queryRawUnsafe(`SELECT "id" FROM "Goal" WHERE "id" = $1 AND "workspaceId" = $2 FOR UPDATE`, id, workspaceId);
    const row = await tx.goal.findFirst({ where: { workspaceId, id }, select: { progress: true } });
    if (!row) return false;
    const progress = [...readProgress(row.progress), note].map((p) => ({ at: p.at, by: p.by, note: p.note }));
    await tx.goal.updateMany({ where: { workspaceId, id }, data: { progress } });
    return true;
  };
  return "$transaction" in db ? (db as Db).$transaction(run) : run(db as Tx);
}

/** Member ids of the trainee's mentors in active matches. */
export async function activeMentorIdsOf(db: Db | Tx, workspaceId: string, traineeId: string): Promise<string[]> {
  const rows = await db.match.findMany({ where: { workspaceId, traineeId, status: "ACTIVE" }, select: { mentorId: true } });
  return [...new Set(rows.map((r) => r.mentorId))];
}

/** The mentees (active matches) of a mentor, with their names, for the goals board. */
export async function activeMenteesOf(db: Db, workspaceId: string, mentorId: string): Promise<{ memberId: string; slackUserId: string; name: string }[]> {
  const rows = await db.match.findMany({
    where: { workspaceId, mentorId, status: "ACTIVE" },
    select: { trainee: { select: { id: true, slackUserId: true, name: true } } },
    orderBy: { startedAt: "asc" },
  });
  const seen = new Set<string>();
  const out: { memberId: string; slackUserId: string; name: string }[] = [];
  for (const { trainee } of rows) {
    if (seen.has(trainee.id)) continue;
    seen.add(trainee.id);
    out.push({ memberId: trainee.id, slackUserId: trainee.slackUserId, name: trainee.name });
  }
  return out;
}

/** Whether the member is enrolled as a trainee anywhere in the workspace. */
export async function isTraineeAnywhere(db: Db, workspaceId: string, memberId: string): Promise<boolean> {
  return (await db.enrollment.count({ where: { workspaceId, memberId, role: "TRAINEE" } })) > 0;
}

/** Names of members by id (progress note authors), in one query. */
export async function memberNames(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.member.findMany({ where: { workspaceId, id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function slackUserIdOf(db: Db, workspaceId: string, memberId: string): Promise<string | null> {
  const m = await db.member.findFirst({ where: { workspaceId, id: memberId, erasedAt: null }, select: { slackUserId: true } });
  return m?.slackUserId ?? null;
}

/** The texts of a member's active goals, oldest first (what their profile form shows). */
export async function activeGoalTexts(db: Db | Tx, workspaceId: string, memberId: string): Promise<string[]> {
  const rows = await db.goal.findMany({ where: { workspaceId, memberId, status: "ACTIVE" }, select: { text: true }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.text);
}
