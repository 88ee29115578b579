import type { Logger } from "pino";
import { ConfigError, type Config } from "./config.js";
import { openDatabase } from "./store/database.js";
import { createApp } from "./app.js";
import { Scheduler } from "./jobs/scheduler.js";
import { jobs } from "./jobs/index.js";
import { OutboxWorker } from "./slack/outbox.js";
import { announcementDelivery, shoutOutDelivery } from "./features/announcements/delivery.js";
import { homeRenderer } from "./features/home/homeRenderer.js";
import { queueMissingIntroductions } from "./features/rounds/roundApproval.js";
import { roundMessages } from "./features/rounds/views/previewMessages.js";
import { MentorSearchPool } from "./workers/mentorSearchPool.js";
import { warmSearches } from "./features/findmentor/findMentor.js";
import { meteredWebClient } from "./metrics/slackApi.js";
import { installRoutes, roundsInstaller, tenantClients } from "./slack/tenancy/installer.js";
import { resumeTenant } from "./features/installations/installations.js";
import { watchOutbox } from "./metrics/outbox.js";
import { watchDatabase } from "./metrics/health.js";
import { startMetricsServer } from "./metrics/server.js";

/**
 * How long start-up waits for the mentor pools to load (and a search to be rehearsed on each)
 * before serving anyway (a search that comes sooner waits for that same load, not a second one).
 * Loading 5,000 mentors in each search worker while the app itself starts takes a few seconds on
 * SQLite (more on a crowded machine); serving before then makes the first searches wait for it,
 * which is what this wait is for. Bounded so an unreachable database delays /healthz by half a
 * minute at most.
 */
const WARM_TIMEOUT_MS = 30_000;

export interface RoundsOptions {
  /** The clock everything decides and sends by (default the real one). */
  now?: () => Date;
  /** The address the Slack receiver listens on (default every interface). */
  host?: string;
}

export interface RunningRounds {
  scheduler: Scheduler;
  /** Finishes work in progress (up to `graceMs`), then closes everything. */
  stop(graceMs: number): Promise<void>;
}

/** Rounds itself: the database (migrated), the Bolt app, the outbox and the scheduler, started. */
export async function startRounds(config: Config, logger: Logger, o: RoundsOptions = {}): Promise<RunningRounds> {
  const now = o.now ?? (() => new Date());
  const unknownJobs = config.jobsOff.filter((name) => !jobs.some((j) => j.name === name));
  if (unknownJobs.length) throw new ConfigError([`JOBS_OFF names no job: ${unknownJobs.join(", ")} (the jobs: ${jobs.map((j) => j.name).join(", ")})`]);
  const { db, migrations } = await openDatabase(config.databaseUrl);
  logger.info({ provider: db.provider, applied: migrations.applied, upToDate: migrations.alreadyApplied }, "database ready");

  // A database upgraded from a release that opened group DMs on the request path may hold matches
  // and round groups never introduced: queue theirs now (each once, by its key), before anything
  // is served or sent.
  const backfilled = await queueMissingIntroductions(db.prisma, now(), roundMessages);
  if (backfilled) logger.info({ queued: backfilled }, "introductions queued for matches and round groups that had none");

  // One workspace (SLACK_BOT_TOKEN), or many, each with its own installation's token (OAuth).
  const installer = config.oauth ? roundsInstaller(db.prisma, config.oauth, config.slackApiUrl, now) : null;
  const mode = { slackBotToken: config.slackBotToken, installer };
  const outboxClients = tenantClients(mode, db.prisma, (token, options) => meteredWebClient("outbox", token, options), {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    // A send must be answered (or given up) well within the reclaim window, so no other instance
    // takes a message over while Slack may still post it.
    timeout: Math.min(30_000, (config.outboxReclaimAfterSeconds * 1000) / 2),
  });
  const outbox = new OutboxWorker({
    db: db.prisma,
    clients: outboxClients,
    logger: logger.child({ component: "outbox" }),
    ratePerSecond: config.outboxRatePerSecond,
    reclaimAfterMs: config.outboxReclaimAfterSeconds * 1000,
    concurrency: config.outboxConcurrency,
    renderHome: homeRenderer(db.prisma, outboxClients, now),
    listeners: [announcementDelivery(db.prisma, logger.child({ component: "announcements" }), now), shoutOutDelivery(db.prisma, logger.child({ component: "thanks" }), now)],
    now,
  });
  const searchPool = config.searchWorkers > 0 ? new MentorSearchPool(config.databaseUrl, config.searchWorkers, logger.child({ component: "search" })) : null;
  // The mentor pools are loaded before Rounds reports healthy (up to WARM_TIMEOUT_MS), so the first /findmentor does not wait for them.
  const warmStarted = Date.now();
  const warm = searchPool
    ? await searchPool.warmed(WARM_TIMEOUT_MS)
    : await Promise.race([
        warmSearches(db.prisma, now()).then(
          () => true,
          (error: unknown) => void logger.warn({ err: error }, "could not load the mentor pools at start; the first search will"),
        ),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), WARM_TIMEOUT_MS).unref()),
      ]);
  logger.info(
    { ms: Date.now() - warmStarted, inTime: warm === true, workers: config.searchWorkers },
    warm === true ? "mentor pools loaded for /findmentor" : "serving before the mentor pools finished loading; early searches wait for that load",
  );
  const { app, work } = createApp({
    config,
    db,
    logger,
    now,
    kickOutbox: () => outbox.kick(),
    ...(searchPool ? { searchMentors: searchPool.search } : {}),
    ...(installer
      ? { installer: { provider: installer, routes: installRoutes(installer, logger.child({ component: "install" }), async (tenant) => void (await resumeTenant(db.prisma, tenant))) } }
      : {}),
  });
  // Jobs' own Slack calls (chat.update of settled request DMs) wait out 429s; their messages go through the outbox.
  const jobClients = tenantClients(mode, db.prisma, (token, options) => meteredWebClient("jobs", token, options), {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    timeout: 30_000,
  });
  const scheduler = new Scheduler({ db: db.prisma, logger, jobs, off: config.jobsOff, now, kickOutbox: () => outbox.kick(), slack: jobClients });
  if (config.jobsOff.length) logger.info({ jobsOff: config.jobsOff }, "jobs left off this instance's schedule (JOBS_OFF); `job run` still runs them");

  watchOutbox(db.prisma, logger.child({ component: "metrics" }), now);
  watchDatabase(() => db.ping());
  await app.start(o.host ? { port: config.port, host: o.host } : config.port);
  const metricsServer = config.metricsPort ? await startMetricsServer(config.metricsPort, logger.child({ component: "metrics" })) : null;
  outbox.start();
  logger.info({ worker: outbox.id, concurrency: config.outboxConcurrency, reclaimAfterSeconds: config.outboxReclaimAfterSeconds }, "outbox started");
  scheduler.start();
  logger.info({ port: config.port, mode: config.slackAppToken ? "socket" : "http", workspaces: installer ? "many (OAuth)" : "one" }, "Rounds is running");

  return {
    scheduler,
    async stop(graceMs) {
      await scheduler.stop(graceMs);
      await Promise.race([outbox.stop(), new Promise((r) => setTimeout(r, graceMs).unref())]);
      await app.stop().catch((error: unknown) => logger.warn({ err: error }, "stopping the Slack receiver failed"));
      await work.drain(graceMs);
      await metricsServer?.close();
      await searchPool?.close();
      await db.close();
    },
  };
}
