import type { Db, Tx } from "./database.js";
import type { Role } from "../domain/roles.js";

export type UpsertOutcome = "created" | "updated" | "unchanged";

/**
 * One enrollment per (program, member, role): a repeat with the same cohort changes nothing, a repeat
 * with another cohort moves the person. `cohortId` undefined leaves an existing cohort as it is.
 */
export async function upsertEnrollment(
  db: Db | Tx,
  workspaceId: string,
  e: { programId: string; memberId: string; role: Role; cohortId: string | null | undefined },
): Promise<{ id: string; outcome: UpsertOutcome }> {
  const existing = await db.enrollment.findFirst({
    where: { workspaceId, programId: e.programId, memberId: e.memberId, role: e.role },
    select: { id: true, cohortId: true },
  });
  if (!existing) {
    const created = await db.enrollment.create({
      data: { workspaceId, programId: e.programId, memberId: e.memberId, role: e.role, cohortId: e.cohortId ?? null },
      select: { id: true },
    });
    return { id: created.id, outcome: "created" };
  }
  if (e.cohortId === undefined || e.cohortId === existing.cohortId) return { id: existing.id, outcome: "unchanged" };
  await db.enrollment.update({ where: { id: existing.id }, data: { cohortId: e.cohortId } });
  return { id: existing.id, outcome: "updated" };
}

export interface RosterEntry {
  role: Role;
  cohortName: string | null;
  member: { id: string; slackUserId: string; name: string; email: string | null };
}

/** Everyone in a program (people who erased their data, and alumni, excluded), by role then name. */
export async function programRoster(db: Db | Tx, workspaceId: string, programId: string): Promise<RosterEntry[]> {
  const rows = await db.enrollment.findMany({
    // Alumni are past trainees, not roster rows: the roster imports back, and it knows no such role.
    where: { workspaceId, programId, role: { not: "ALUMNUS" }, member: { erasedAt: null } },
    select: {
      role: true,
      cohort: { select: { name: true } },
      member: { select: { id: true, slackUserId: true, name: true, email: true } },
    },
    orderBy: [{ role: "asc" }, { member: { email: "asc" } }, { member: { slackUserId: "asc" } }],
  });
  return rows.map((r) => ({ role: r.role, cohortName: r.cohort?.name ?? null, member: r.member }));
}

export async function countEnrollments(db: Db | Tx, workspaceId: string, programId: string): Promise<number> {
  return db.enrollment.count({ where: { workspaceId, programId } });
}
