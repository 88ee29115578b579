import type { Logger } from "pino";
import type { Db } from "../store/database.js";

export interface JobContext {
  db: Db;
  now: Date;
  log: Logger;
  /** Call after queueing outbox messages, so they go out now rather than at the next poll. */
  kickOutbox: () => void;
}

/**
 * A scheduled job: node-cron says when to look, the database says what is due. `run` finds due
 * work and does each piece once (runOnce with a run key), so it is safe to call at any time.
 */
export interface Job {
  name: string;
  /** node-cron expression (seconds field optional), evaluated in UTC. */
  schedule: string;
  /** Longest a run may take; the lease expires after this if its holder dies. */
  leaseMs: number;
  run(ctx: JobContext): Promise<void>;
}
