import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { openDatabase } from "./store/database.js";
import { createApp } from "./app.js";
import { Scheduler } from "./jobs/scheduler.js";
import { jobs } from "./jobs/index.js";
import { OutboxWorker } from "./slack/outbox.js";
import { announcementDelivery, shoutOutDelivery } from "./slack/announcementDelivery.js";
import { homeRenderer } from "./slack/homeRefresh.js";
import { queueMissingIntroductions } from "./services/roundApproval.js";
import { roundMessages } from "./slack/views/rounds/previewMessages.js";
import { MentorSearchPool } from "./workers/mentorSearchPool.js";
import { meteredWebClient } from "./metrics/slackApi.js";
import { watchOutbox } from "./metrics/outbox.js";
import { watchDatabase } from "./metrics/health.js";
import { startMetricsServer } from "./metrics/server.js";

/** How long shutdown waits for work in progress before closing anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  const { db, migrations } = await openDatabase(config.databaseUrl);
  logger.info({ provider: db.provider, applied: migrations.applied, upToDate: migrations.alreadyApplied }, "database ready");

  const outboxClient = meteredWebClient("outbox", config.slackBotToken, {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    // A send must be answered (or given up) well within the reclaim window, so no other instance
    // takes a message over while Slack may still post it.
    timeout: Math.min(30_000, (config.outboxReclaimAfterSeconds * 1000) / 2),
  });
  const outbox = new OutboxWorker({
    db: db.prisma,
    client: outboxClient,
    logger: logger.child({ component: "outbox" }),
    ratePerSecond: config.outboxRatePerSecond,
    reclaimAfterMs: config.outboxReclaimAfterSeconds * 1000,
    concurrency: config.outboxConcurrency,
    renderHome: homeRenderer(db.prisma, outboxClient),
    listeners: [announcementDelivery(db.prisma, logger.child({ component: "announcements" })), shoutOutDelivery(db.prisma, logger.child({ component: "thanks" }))],
  });
  const searchPool = config.searchWorkers > 0 ? new MentorSearchPool(config.databaseUrl, config.searchWorkers, logger.child({ component: "search" })) : null;
  const { app, work } = createApp({ config, db, logger, kickOutbox: () => outbox.kick(), ...(searchPool ? { searchMentors: searchPool.search } : {}) });
  // Jobs' own Slack calls (chat.update of settled request DMs) wait out 429s; their messages go through the outbox.
  const jobClient = meteredWebClient("jobs", config.slackBotToken, { ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}), timeout: 30_000 });
  const scheduler = new Scheduler({ db: db.prisma, logger, jobs, kickOutbox: () => outbox.kick(), slack: jobClient });

  watchOutbox(db.prisma, logger.child({ component: "metrics" }));
  watchDatabase(() => db.ping());
  await app.start(config.port);
  const metricsServer = config.metricsPort ? await startMetricsServer(config.metricsPort, logger.child({ component: "metrics" })) : null;
  // A database upgraded from a release that opened group DMs on the request path may hold matches
  // and round groups never introduced: queue theirs now (each once, by its key), before sending.
  const backfilled = await queueMissingIntroductions(db.prisma, new Date(), roundMessages);
  if (backfilled) logger.info({ queued: backfilled }, "introductions queued for matches and round groups that had none");
  outbox.start();
  logger.info({ worker: outbox.id, concurrency: config.outboxConcurrency, reclaimAfterSeconds: config.outboxReclaimAfterSeconds }, "outbox started");
  scheduler.start();
  logger.info({ port: config.port, mode: config.slackAppToken ? "socket" : "http" }, "Rounds is running");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing work in progress");
    const force = setTimeout(() => {
      logger.warn("shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 2_000);
    force.unref();
    await scheduler.stop(SHUTDOWN_GRACE_MS);
    await Promise.race([outbox.stop(), new Promise((r) => setTimeout(r, SHUTDOWN_GRACE_MS).unref())]);
    await app.stop().catch((error: unknown) => logger.warn({ err: error }, "stopping the Slack receiver failed"));
    await work.drain(SHUTDOWN_GRACE_MS);
    await metricsServer?.close();
    await searchPool?.close();
    await db.close();
    logger.info("stopped");
    logger.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Rounds failed to start: ${error.message}` : error);
  process.exit(1);
});
