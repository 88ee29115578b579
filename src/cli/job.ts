import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LogLevel, WebClient } from "@slack/web-api";
import { jobs } from "../jobs/index.js";
import { warnLeaseLost } from "../jobs/job.js";
import type { Db } from "../store/database.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "../store/database.js";
import { acquireLease, LEASE_TTL_MS, whileHolding } from "../store/leases.js";
import { cliDatabaseUrl, parseFlags } from "./dbCommand.js";

export const JOB_USAGE = `Usage: npm run cli -- job run NAME [--now ISO-8601]
  Runs one scheduled job once, now (or as if it were --now), under the job's lease (waiting up to 15 s
  if the app or another operator is running it at that moment).
  Work it queues is delivered by the running app's outbox. Jobs: ${jobs.map((j) => j.name).join(", ")}.
  Environment: DATABASE_URL (default file:./data/rounds.db); SLACK_BOT_TOKEN (and SLACK_API_URL) for jobs
  that call Slack themselves, such as match-intros.`;

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

/** `job run NAME [--now ISO]`: one run of one job; prints what it did (the job's log lines) and exits 0, 1 or 2. */
export async function runJobCommand(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const parsed = parseFlags(argv, { now: { type: "string" } }, argsSchema, JOB_USAGE, err);
  if (!parsed) return 2;
  const job = jobs.find((j) => j.name === parsed.positionals[1]);
  if (!job) {
    err(`no job named ${parsed.positionals[1]}\n\n${JOB_USAGE}`);
    return 2;
  }
  const now = parsed.now ? new Date(parsed.now) : new Date();
  const { db } = await openDatabase(cliDatabaseUrl());
  const holder = `cli-${randomUUID().slice(0, 8)}`;
  try {
    if (!(await waitForLease(db.prisma, job.name, holder, err))) {
      err(`${job.name} is running elsewhere right now (its lease is held); try again in a minute.`);
      return 1;
    }
    const token = process.env.SLACK_BOT_TOKEN;
    const apiUrl = process.env.SLACK_API_URL;
    const slack = token ? new WebClient(token, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), logLevel: LogLevel.ERROR }) : undefined;
    const log = createLogger(process.env.LOG_LEVEL ?? "info").child({ job: job.name });
    await whileHolding(db.prisma, job.name, holder, () => job.run({ db: db.prisma, now, log, kickOutbox: () => undefined, ...(slack ? { slack } : {}) }), warnLeaseLost(log));
    out(`${job.name}: done (as of ${now.toISOString()}). Messages it queued go out through the running app.`);
    return 0;
  } finally {
    await db.close();
  }
}
