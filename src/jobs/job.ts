import type { Logger } from "pino";
import type { WebClient } from "@slack/web-api";
import type { Db } from "../store/database.js";

export interface JobContext {
  db: Db;
  now: Date;
  log: Logger;
  /** Call after queueing outbox messages, so they go out now rather than at the next poll. */
  kickOutbox: () => void;
  /**
   * For the few Slack calls a job makes itself (e.g. conversations.open); messages go through the
   * outbox. Retries 429s after Retry-After. Absent when no bot token is configured (a CLI run).
   */
  slack?: WebClient;
}

/**
 * A scheduled job: node-cron says when to look, the database says what is due. `run` finds due
 * work and does each piece once (runOnce with a run key), so it is safe to call at any time.
 */
export interface Job {
  name: string;
  /** node-cron expression (seconds field optional), evaluated in UTC. */
  schedule: string;
  run(ctx: JobContext): Promise<void>;
}

/** What a job run does when renewing its lease fails (see whileHolding): say so; the run goes on, as its steps are idempotent. */
export const warnLeaseLost = (log: Logger) => (err?: unknown) =>
  log.warn({ err }, "could not renew the job's lease; another instance may run it too (its steps are idempotent)");
