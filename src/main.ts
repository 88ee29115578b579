import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { startRounds } from "./rounds.js";

/** How long shutdown waits for work in progress before closing anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The settings that connect a Slack app; with none of them (outside production) `npm start` opens the Playground. */
const SLACK_SETTINGS = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_CLIENT_ID"] as const;

/**
 * `npm start`: Rounds against Slack when a Slack app is configured; the Playground (Rounds against a
 * Slack stand-in in the browser) when none is and this is not production, or with --playground
 * (`npm run playground`). In production without Slack settings it stops with the settings it needs (exit 2).
 */
async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const noSlackApp = SLACK_SETTINGS.every((name) => !process.env[name]?.trim());
  if (process.argv.includes("--playground") || (noSlackApp && process.env.NODE_ENV !== "production")) {
    const { runPlayground } = await import("./playground/main.js");
    return runPlayground(process.env);
  }
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
  const rounds = await startRounds(config, logger);

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
    await rounds.stop(SHUTDOWN_GRACE_MS);
    logger.info("stopped");
    logger.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  // A setting found wrong only at start-up (JOBS_OFF naming no job) is a configuration problem too: exit 2.
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? `Rounds failed to start: ${error.message}` : error);
  process.exit(1);
});
