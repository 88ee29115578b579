import type { Db, Tx } from "./database.js";
import type { Prisma } from "../generated/sqlite/client.js";

export interface AuditEntry {
  workspaceId: string;
  /** A Slack user id, or "cli". */
  actor: string;
  /** e.g. program.create, cohort.create, enrollment.upsert, director.grant */
  action: string;
  target: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(db: Db | Tx, entry: AuditEntry, now: Date): Promise<void> {
  await db.auditLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: (entry.details ?? {}) as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
}
