import type { Db } from "../../src/store/database.js";

export interface SeededPerson {
  role: "MENTOR" | "TRAINEE";
  /** Slack time zone (Member.tz); UTC when absent. */
  tz?: string;
}

/**
 * A workspace with one program and the given people enrolled in it (Slack user ids `U0<KEY>`).
 * Returns the program id and each person's member id by key.
 */
export async function seedProgram(db: Db, team: string, people: Record<string, SeededPerson>, refreshedAt: Date): Promise<{ programId: string; member: Record<string, string> }> {
  await db.workspace.create({ data: { id: team } });
  const programId = (await db.program.create({ data: { workspaceId: team, name: "Heme" } })).id;
  const member: Record<string, string> = {};
  for (const [key, person] of Object.entries(people)) {
    const created = await db.member.create({ data: { workspaceId: team, slackUserId: `U0${key.toUpperCase()}`, name: key, refreshedAt, ...(person.tz ? { tz: person.tz } : {}) } });
    member[key] = created.id;
    await db.enrollment.create({ data: { workspaceId: team, programId, memberId: created.id, role: person.role } });
  }
  return { programId, member };
}
