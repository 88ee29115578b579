import { randomUUID } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { SlackClients } from "../slack/tenancy/clients.js";
import type { Db } from "../store/database.js";
import { acquireLease, LEASE_TTL_MS, whileHolding } from "../store/leases.js";
import { warnLeaseLost, type Job } from "./job.js";
import { jobRunTimer, jobScheduled } from "../metrics/jobs.js";

export interface SchedulerOptions {
  db: Db;
  logger: Logger;
  jobs: Job[];
  /** Names of jobs not triggered on their schedule (JOBS_OFF); runNow still runs them. */
  off?: readonly string[];
  now?: () => Date;
  kickOutbox?: () => void;
  slack?: SlackClients;
}

/**
 * Triggers jobs with node-cron. Each trigger takes the job's lease first, so across any number of
 * instances one runs it at a time; the others skip that tick. The lease is renewed while the job
 * runs, so an instance killed mid-run blocks that job for at most LEASE_TTL_MS.
 */
export class Scheduler {
  readonly instance = `instance-${randomUUID().slice(0, 8)}`;
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private readonly now: () => Date;

  constructor(private readonly o: SchedulerOptions) {
    this.now = o.now ?? (() => new Date());
  }

  start(): void {
    for (const job of this.o.jobs) {
      if (this.o.off?.includes(job.name)) continue;
      const task = cron.schedule(job.schedule, () => void this.runNow(job.name), { name: job.name, timezone: "UTC", noOverlap: true });
      this.tasks.push(task);
      jobScheduled(job.name, periodSeconds(task));
    }
  }

  /** Runs a job now if this instance can take its lease. Returns false if another holds it (or the database is unreachable). */
  async runNow(name: string): Promise<boolean> {
    const job = this.o.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named ${name}; jobs: ${this.o.jobs.map((j) => j.name).join(", ")}`);
    const run = this.runLeased(job);
    this.running.add(run);
    try {
      return await run;
    } finally {
      this.running.delete(run);
    }
  }

  private async runLeased(job: Job): Promise<boolean> {
    const { db, logger } = this.o;
    const log = logger.child({ job: job.name, instance: this.instance });
    let taken: boolean;
    try {
      taken = await acquireLease(db, job.name, this.instance, LEASE_TTL_MS, this.now());
    } catch (error) {
      log.error({ err: error }, "job: could not take its lease (database unreachable?); it will try at its next tick");
      return false;
    }
    if (!taken) {
      log.debug("job: another instance holds the lease; skipping this tick");
      return false;
    }
    await whileHolding(db, job.name, this.instance, async () => {
      const ran = jobRunTimer(job.name);
      try {
        // One clock decides and sends: what the run finds due goes out at once.
        const now = this.now();
        await job.run({ db, now, sendFrom: now, log, kickOutbox: this.o.kickOutbox ?? (() => undefined), ...(this.o.slack ? { slack: this.o.slack } : {}) });
        ran(true);
      } catch (error) {
        ran(false);
        log.error({ err: error }, "job failed; it will run again at its next tick");
      }
    }, warnLeaseLost(log), { now: this.now });
    return true;
  }

  /** Stops triggering, then waits (up to `timeoutMs`) for runs in progress to finish. */
  async stop(timeoutMs = 10_000): Promise<void> {
    for (const t of this.tasks) await t.stop();
    const done = Promise.allSettled([...this.running]);
    await Promise.race([done, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }
}

/** The longest gap between a task's next few ticks: its period, for the job-staleness alert (README → Metrics). */
function periodSeconds(task: ScheduledTask): number {
  const next = task.getNextRuns(4).map((d) => d.getTime());
  let longest = 0;
  for (let i = 1; i < next.length; i++) longest = Math.max(longest, next[i]! - next[i - 1]!);
  return longest / 1000;
}
