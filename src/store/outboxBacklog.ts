import type { Db } from "./database.js";

export interface OutboxBacklog {
  /** Not yet sent, and due now (notBefore has passed). */
  due: number;
  /** Not yet sent, waiting for a later moment (the recipient's working hours, a Retry-After). */
  scheduled: number;
  /** Slack refused them for good (kept for directors to see and requeue). */
  failed: number;
  /** The earliest send time among the due ones: how long the longest-waiting message has waited. */
  oldestDueAt: Date | null;
}

/**
 * The outbox as an operator sees it, for /metrics: across every workspace of this database, on
 * purpose (it is the instance's health, shown to no Slack user). Uses the (status, notBefore) index.
 */
export async function outboxBacklog(db: Db, now: Date): Promise<OutboxBacklog> {
  const unsent = { status: { in: ["PENDING" as const, "SENDING" as const] } };
  const [due, scheduled, failed, oldest] = await Promise.all([
    db.outboxMessage.count({ where: { ...unsent, notBefore: { lte: now } } }),
    db.outboxMessage.count({ where: { ...unsent, notBefore: { gt: now } } }),
    db.outboxMessage.count({ where: { status: "FAILED" } }),
    db.outboxMessage.aggregate({ where: { ...unsent, notBefore: { lte: now } }, _min: { notBefore: true } }),
  ]);
  return { due, scheduled, failed, oldestDueAt: oldest._min.notBefore };
}
