import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { LogLevel, WebClient } from "@slack/web-api";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "../store/database.js";
import { startRounds, type RunningRounds } from "../rounds.js";
import { jobs } from "../jobs/index.js";
import { FakeSlack } from "../slack/standin/server.js";
import { projectRoot } from "../paths.js";
import { SimulatedClock, stepTarget, tickMoments, type ClockStep } from "./clock.js";
import { OpenViews } from "./views.js";
import { Interactions } from "./interactions.js";
import { SharedFiles } from "./snapshot.js";
import { seedDemo } from "./demo/seed.js";
import { DEMO_TEAM, PROGRAM_ZONE, slackUsers } from "./demo/people.js";
import { startPage, type Playground } from "./server.js";
import { freePort } from "./ports.js";

/** The Playground's own data, in ./data like the default database, but never the production database. */
const DATA_DIR = path.resolve("data");
const DB_FILE = path.join(DATA_DIR, "playground.db");
const CLOCK_FILE = path.join(DATA_DIR, "playground-clock.json");

/**
 * The Playground: the real Rounds, unmodified, talking to the Slack stand-in instead of Slack, on a
 * simulated clock, with a page at http://127.0.0.1:PORT that draws the stand-in's workspace as Slack
 * would and sends a person's clicks to Rounds as Slack sends them.
 */
export async function runPlayground(env: NodeJS.ProcessEnv): Promise<void> {
  const pagePort = env.PORT?.trim() ? Number(env.PORT) : 3000;
  const logger = createLogger(env.LOG_LEVEL?.trim() || "error");
  mkdirSync(DATA_DIR, { recursive: true });
  const clock = new SimulatedClock(CLOCK_FILE);
  const slack = new FakeSlack({ nowMs: clock.nowMs, teamId: DEMO_TEAM });
  for (const user of slackUsers()) slack.addUser(user);
  await slack.start();
  const views = new OpenViews(slack);
  const files = new SharedFiles(slack, clock.nowMs);
  const signingSecret = randomBytes(16).toString("hex");
  let appUrl = "";
  let rounds: RunningRounds | null = null;

  const start = async () => {
    const fresh = !existsSync(DB_FILE);
    const databaseUrl = `file:${DB_FILE}`;
    if (fresh) {
      clock.reset();
      const { db } = await openDatabase(databaseUrl);
      try {
        await seedDemo(db.prisma, new WebClient("xoxb-playground", { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR }), clock.now());
      } finally {
        await db.close();
      }
    }
    const port = await freePort();
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-playground",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: logger.level,
      OUTBOX_RATE_PER_SECOND: "50",
      SEARCH_WORKERS: "0",
    });
    rounds = await startRounds(config, logger, { now: clock.now, host: "127.0.0.1" });
    appUrl = `http://127.0.0.1:${port}`;
    // What was due when the Playground was last closed (and the seeded introductions) goes out now.
    await runJobs();
  };

  const runJobs = async () => {
    for (const job of jobs) await rounds?.scheduler.runNow(job.name);
  };

  const playground: Playground = {
    slack,
    views,
    files,
    clock,
    interactions: new Interactions({ slack, views, appUrl: () => appUrl, signingSecret, teamId: DEMO_TEAM }),
    async advance(step: ClockStep | "now") {
      if (step === "now") return runJobs();
      const to = stepTarget(clock.now(), step, PROGRAM_ZONE);
      for (const moment of tickMoments(clock.now(), to, step === "month" ? 6 * 3_600_000 : 3_600_000)) {
        clock.advanceTo(moment);
        await runJobs();
      }
    },
    async reset() {
      await rounds?.stop(5_000);
      rounds = null;
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
      slack.reset();
      views.clear();
      files.clear();
      await start();
    },
  };

  await start();
  const page = await startPage(playground, pagePort);
  console.log(`Rounds Playground: open http://127.0.0.1:${page.port} (no Slack app configured; README says how to connect one)`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await page.close();
    await rounds?.stop(5_000);
    await slack.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());
}
