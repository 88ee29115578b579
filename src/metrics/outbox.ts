import { Gauge } from "prom-client";
import type { Logger } from "pino";
import type { Db } from "../store/database.js";
import { outboxBacklog, type OutboxBacklog } from "../store/outboxBacklog.js";
import { registry } from "./registry.js";

/** Read from the database at scrape time (both gauges from one read), so every instance reports the same numbers. */
let source: { db: Db; logger: Logger; now: () => Date } | null = null;
let lastRead: { at: number; backlog: Promise<OutboxBacklog | null> } | null = null;

function backlog(): Promise<OutboxBacklog | null> {
  if (!source) return Promise.resolve(null);
  const { db, logger, now } = source;
  const at = Date.now();
  if (lastRead && at - lastRead.at < 1_000) return lastRead.backlog;
  const read = outboxBacklog(db, now()).catch((error: unknown) => {
    logger.warn({ err: error }, "metrics: could not read the outbox backlog; its gauges are left out of this scrape");
    return null;
  });
  lastRead = { at, backlog: read };
  return read;
}

new Gauge({
  name: "rounds_outbox_messages",
  help: "Outbox messages by state: due (waiting to be sent now), scheduled (for a later moment), failed (refused by Slack for good)",
  labelNames: ["state"] as const,
  registers: [registry],
  async collect() {
    const b = await backlog();
    this.reset();
    if (!b) return;
    this.set({ state: "due" }, b.due);
    this.set({ state: "scheduled" }, b.scheduled);
    this.set({ state: "failed" }, b.failed);
  },
});

new Gauge({
  name: "rounds_outbox_oldest_due_age_seconds",
  help: "How long the longest-waiting due outbox message has been waiting to be sent (0 when none is due)",
  registers: [registry],
  async collect() {
    const b = await backlog();
    this.reset();
    if (!b || !source) return;
    this.set(b.oldestDueAt ? Math.max(0, (source.now().getTime() - b.oldestDueAt.getTime()) / 1000) : 0);
  },
});

/** The database the outbox gauges read. */
export function watchOutbox(db: Db, logger: Logger, now: () => Date = () => new Date()): void {
  source = { db, logger, now };
  lastRead = null;
}
