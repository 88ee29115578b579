import type { Logger } from "pino";
import type { SlackClients } from "../slack/tenancy/clients.js";
import type { Db } from "../store/database.js";

export interface JobContext {
  db: Db;
  /** The moment the run decides for: what is due at `now` is done. The scheduler's clock, or `job run --now`. */
  now: Date;
  /**
   * When what the run queues may go out: the notBefore of every message it decides is due. The
   * real time of the run, the clock the outbox sends by; the same as `now` in the app, earlier
   * under a `job run --now` ahead of the real clock, which must not hold back what it decided is due.
   */
  sendFrom: Date;
  log: Logger;
  /** Call after queueing outbox messages, so they go out now rather than at the next poll. */
  kickOutbox: () => void;
  /**
   * For the few Slack calls a job makes itself (redrawing settled request DMs); messages go through the
   * outbox. Retries 429s after Retry-After. Absent when no bot token is configured (a CLI run).
   */
  slack?: SlackClients;
}

/**
 * What one run did, for `job run`'s closing line: how many messages it queued for the outbox, or,
 * for prune-deliveries (which sends nothing), how many Slack delivery keys it pruned.
 */
export type JobResult = { queued: number } | { prunedDeliveryKeys: number } | { purgedTenants: { tenantId: string; rows: number }[] };

/**
 * A scheduled job: node-cron says when to look, the database says what is due. `run` finds due
 * work and does each piece once (runOnce with a run key), so it is safe to call at any time.
 */
export interface Job {
  name: string;
  /** node-cron expression (seconds field optional), evaluated in UTC. */
  schedule: string;
  run(ctx: JobContext): Promise<JobResult>;
}

/** What a job run does when renewing its lease fails (see whileHolding): say so; the run goes on, as its steps are idempotent. */
export const warnLeaseLost = (log: Logger) => (err?: unknown) =>
  log.warn({ err }, "could not renew the job's lease; another instance may run it too (its steps are idempotent)");
