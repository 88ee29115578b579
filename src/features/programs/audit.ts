import type { Db, Tx } from "../../store/database.js";
import { writeAudit } from "../../store/audit.js";

/** Who performs an admin action: a director (their Slack user id) or the command line ("cli"). */
export interface Actor {
  workspaceId: string;
  actor: string;
}

export const cliActor = (workspaceId: string): Actor => ({ workspaceId, actor: "cli" });

/** Every admin action leaves one AuditLog row; call it inside the action's transaction. */
export async function audit(
  db: Db | Tx,
  who: Actor,
  action: string,
  target: string | null,
  details: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await writeAudit(db, { workspaceId: who.workspaceId, actor: who.actor, action, target, details }, now);
}
