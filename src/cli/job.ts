import { randomUUID } from "node:crypto";
import { z } from "zod";
import { cliSlackClients } from "./slack.js";
import { jobs } from "../jobs/index.js";
import { warnLeaseLost, type JobResult } from "../jobs/job.js";
import type { Db } from "../store/database.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "../store/database.js";
import { acquireLease, LEASE_TTL_MS, whileHolding } from "../store/leases.js";
import { count } from "../slack/kit/plural.js";
import { dayTime } from "../slack/kit/dates.js";
import { cliDatabaseUrl, parseFlags } from "./dbCommand.js";

export const JOB_USAGE = `Usage: npm run cli -- job run NAME [--now ISO-8601]
  Runs one scheduled job once, under the job's lease (waiting up to 15 s if the app or another
  operator is running it at that moment). With --now it does what is due at that moment instead of
  the current one (for a test, or to catch up after an outage). The messages it queues go out at
  once: the running app sends them.
  Jobs: ${jobs.map((j) => j.name).join(", ")}.
  Environment: DATABASE_URL (default file:./data/rounds.db); SLACK_BOT_TOKEN (and SLACK_API_URL) so that
  request-reminders also redraws the request DMs it settles.`;

const argsSchema = z.object({
  positionals: z.tuple([z.literal("run", { error: "the only job command is `job run NAME`" }), z.string({ error: "name the job to run" })], {
    error: (issue) => (issue.code !== "too_small" ? undefined : (issue.input as unknown[])[0] === "run" ? "name the job to run" : "the only job command is `job run NAME`"),
  }),
  now: z.iso.datetime({ offset: true, error: "--now must be an ISO date-time, e.g. 2026-12-01T09:00:00Z" }).optional(),
});

/** How long `job run` waits for a run elsewhere (the app's own scheduler, another operator) to finish. */
const LEASE_WAIT_MS = 15_000;

/**
 * Takes the job's lease, waiting up to LEASE_WAIT_MS while another run holds it. The lease is taken
 * at the real time, so a far-future --now cannot block the app's own runs.
 */
async function waitForLease(db: Db, name: string, holder: string, say: (t: string) => void): Promise<boolean> {
  const giveUpAt = Date.now() + LEASE_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    if (await acquireLease(db, name, holder, LEASE_TTL_MS, new Date())) return true;
    if (Date.now() >= giveUpAt) return false;
    if (attempt === 0) say(`${name} is running elsewhere right now; waiting for it to finish (up to ${LEASE_WAIT_MS / 1000} s)…`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The closing line: what the run queued (or pruned), as of which moment. */
export function summaryLine(name: string, result: JobResult, now: Date): string {
  const asOf = `as of ${dayTime(now, "UTC")}`;
  if ("purgedTenants" in result) {
    if (result.purgedTenants.length === 0) return `${name}: no uninstalled workspace is past its retention period (${asOf}).`;
    return `${name}: purged ${result.purgedTenants.map((p) => `${p.tenantId} (${count(p.rows, "row")})`).join(", ")} (${asOf}).`;
  }
  if ("prunedDeliveryKeys" in result) return `${name}: ${count(result.prunedDeliveryKeys, "old Slack delivery key")} pruned (${asOf}).`;
  if (result.queued === 0) return `${name}: nothing to send (${asOf}).`;
  return `${name}: ${count(result.queued, "message")} queued (${asOf}); the running app sends them.`;
}

/**
 * `job run NAME [--now ISO]`: one run of one job. Prints one line saying what it queued on stdout
 * (the job's log lines go to stderr) and exits 0, 1 or 2.
 */
export async function runJobCommand(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const parsed = parseFlags(argv, { now: { type: "string" } }, argsSchema, JOB_USAGE, err);
  if (!parsed) return 2;
  const job = jobs.find((j) => j.name === parsed.positionals[1]);
  if (!job) {
    err(`no job named ${parsed.positionals[1]}\n\n${JOB_USAGE}`);
    return 2;
  }
  const { db } = await openDatabase(cliDatabaseUrl());
  const holder = `cli-${randomUUID().slice(0, 8)}`;
  try {
    if (!(await waitForLease(db.prisma, job.name, holder, err))) {
      err(`${job.name} is running elsewhere right now (its lease is held); try again in a minute.`);
      return 1;
    }
    const slack = cliSlackClients(db.prisma, process.env);
    const log = createLogger(process.env.LOG_LEVEL ?? "info", "stderr").child({ job: job.name });
    // The run decides as of --now; what it queues is sendable at the real time, by the app's outbox.
    const sendFrom = new Date();
    const now = parsed.now ? new Date(parsed.now) : sendFrom;
    const result = await whileHolding(db.prisma, job.name, holder, () => job.run({ db: db.prisma, now, sendFrom, log, kickOutbox: () => undefined, ...(slack ? { slack } : {}) }), warnLeaseLost(log));
    out(summaryLine(job.name, result, now));
    return 0;
  } finally {
    await db.close();
  }
}
