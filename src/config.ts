import { availableParallelism } from "node:os";
import { z } from "zod";

/** One search worker per core the process may use, at most 8 (each keeps its own copy of the mentor pools). */
const DEFAULT_SEARCH_WORKERS = Math.max(1, Math.min(8, availableParallelism()));

/** Where a person finds each value: printed next to any problem with it. */
const WHERE = {
  SLACK_BOT_TOKEN:
    "OAuth & Permissions → Bot User OAuth Token (starts with xoxb-) of your Slack app; create the app from manifest.yml and install it to your workspace",
  SLACK_SIGNING_SECRET:
    "Basic Information → App Credentials → Signing Secret of your Slack app; create the app from manifest.yml",
  SLACK_APP_TOKEN:
    "Basic Information → App-Level Tokens of your Slack app, a token with connections:write (starts with xapp-); set it only to use Socket Mode",
  SLACK_API_URL: "the Slack Web API base URL; leave unset for Slack's own (https://slack.com/api/)",
  PORT: "the HTTP port Slack sends requests to, a whole number from 1 to 65535 (default 3000)",
  DATABASE_URL:
    "file:./data/rounds.db (SQLite, the default) or postgresql://USER:PASSWORD@HOST:5432/DATABASE",
  LOG_LEVEL: "one of fatal, error, warn, info, debug, trace, silent (default info)",
  OUTBOX_RATE_PER_SECOND:
    "how many Slack messages per second the outbox sends at most per workspace, across all channels and all instances (default 4)",
  OUTBOX_RECLAIM_AFTER_SECONDS:
    "after how many seconds a message left mid-send by a stopped instance is checked and re-sent, at least 2 (default 60; Slack calls time out after half of it, at most 30 s)",
  OUTBOX_CONCURRENCY:
    "how many messages one instance has in flight to Slack at once, a whole number from 1 to 50 (default 8)",
  METRICS_PORT:
    "the port GET /metrics (Prometheus) is served on, a whole number from 1 to 65535 other than PORT; unset = no metrics endpoint",
  SEARCH_WORKERS:
    "how many worker threads rank mentors for /findmentor, off the thread that answers Slack (default: the machine's cores, at most 8; 0 = rank on the main thread)",
} as const;

type EnvName = keyof typeof WHERE;

/** Every variable Rounds reads (.env.example lists each one). */
export const ENV_NAMES = Object.keys(WHERE) as EnvName[];

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/** A variable set to blank text (`PORT=` in a .env file) counts as not set, so its default applies. */
const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** A TCP port, as PORT and METRICS_PORT take it. */
const portNumber = z.coerce.number({ error: "is not a number" }).int("is not a whole number").min(1, "must be from 1 to 65535").max(65535, "must be from 1 to 65535");

const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string({ error: "is not set" }).trim().startsWith("xoxb-", "must start with xoxb-"),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith("xapp-", "must start with xapp-").optional()),
    SLACK_API_URL: optionalText.pipe(z.url("is not a URL").optional()),
    PORT: z.preprocess(blankIsUnset, portNumber.default(3000)),
    DATABASE_URL: optionalText
      .default("file:./data/rounds.db")
      .pipe(
        z
          .string()
          .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), "must start with file: or postgresql://"),
      ),
    LOG_LEVEL: z.preprocess(
      blankIsUnset,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "is not a log level").default("info"),
    ),
    OUTBOX_RATE_PER_SECOND: z.preprocess(
      blankIsUnset,
      z.coerce.number({ error: "is not a number" }).positive("must be more than 0").default(4),
    ),
    OUTBOX_RECLAIM_AFTER_SECONDS: z.preprocess(
      blankIsUnset,
      z.coerce.number({ error: "is not a number" }).min(2, "must be 2 or more").default(60),
    ),
    OUTBOX_CONCURRENCY: z.preprocess(
      blankIsUnset,
      z.coerce.number({ error: "is not a number" }).int("is not a whole number").min(1, "must be 1 or more").max(50, "must be 50 or less").default(8),
    ),
    METRICS_PORT: z.preprocess(blankIsUnset, portNumber.optional()),
    SEARCH_WORKERS: z.preprocess(
      blankIsUnset,
      z.coerce.number({ error: "is not a number" }).int("is not a whole number").min(0, "must be 0 or more").max(16, "must be 16 or less").default(DEFAULT_SEARCH_WORKERS),
    ),
  });

export interface Config {
  slackBotToken: string;
  slackSigningSecret: string | undefined;
  slackAppToken: string | undefined;
  slackApiUrl: string | undefined;
  port: number;
  databaseUrl: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  outboxRatePerSecond: number;
  outboxReclaimAfterSeconds: number;
  outboxConcurrency: number;
  searchWorkers: number;
  /** Where GET /metrics is served; undefined = nowhere. Never PORT. */
  metricsPort: number | undefined;
}

/** Thrown when the environment cannot run Rounds; its message is meant to be read by a person. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        "Rounds cannot start: its configuration has problems.",
        ...problems.map((p) => `  - ${p}`),
        "Set these in the environment or in a .env file next to package.json (see README → Configuration).",
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment") as EnvName;
        const problem = issue.code === "invalid_type" && env[name] === undefined ? "is not set" : issue.message;
        return `${name} ${problem}: ${WHERE[name] ?? ""}`.trim();
      });
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(`SLACK_SIGNING_SECRET is not set (needed unless SLACK_APP_TOKEN selects Socket Mode): ${WHERE.SLACK_SIGNING_SECRET}`);
  }
  if (parsed.success && parsed.data.METRICS_PORT !== undefined && parsed.data.METRICS_PORT === parsed.data.PORT) {
    problems.push(`METRICS_PORT must not be PORT (${parsed.data.PORT}), or the metrics would be served to whoever reaches Slack's port: ${WHERE.METRICS_PORT}`);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return {
    slackBotToken: e.SLACK_BOT_TOKEN,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackAppToken: e.SLACK_APP_TOKEN,
    slackApiUrl: e.SLACK_API_URL,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    outboxRatePerSecond: e.OUTBOX_RATE_PER_SECOND,
    outboxReclaimAfterSeconds: e.OUTBOX_RECLAIM_AFTER_SECONDS,
    outboxConcurrency: e.OUTBOX_CONCURRENCY,
    searchWorkers: e.SEARCH_WORKERS,
    metricsPort: e.METRICS_PORT,
  };
}
