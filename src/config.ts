import { availableParallelism } from "node:os";
import { z } from "zod";
import { parseTokenKey, type TokenKeys } from "./slack/tenancy/tokenSeal.js";

const isTokenKey = (text: string): boolean => {
  try {
    parseTokenKey(text);
    return true;
  } catch {
    return false;
  }
};

/** One search worker per core the process may use, at most 8 (each keeps its own copy of the mentor pools). */
const DEFAULT_SEARCH_WORKERS = Math.max(1, Math.min(8, availableParallelism()));

/** Where a person finds each value: printed next to any problem with it. */
const WHERE = {
  SLACK_BOT_TOKEN:
    "OAuth & Permissions → Bot User OAuth Token (starts with xoxb-) of your Slack app; create the app from manifest.yml and install it to your workspace",
  SLACK_CLIENT_ID:
    "Basic Information → App Credentials → Client ID; set it (with SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and ROUNDS_TOKEN_KEY) instead of SLACK_BOT_TOKEN to install Rounds in many workspaces",
  SLACK_CLIENT_SECRET: "Basic Information → App Credentials → Client Secret (distributed mode)",
  SLACK_STATE_SECRET: "any long random text that signs the OAuth state between /slack/install and /slack/oauth_redirect (distributed mode; e.g. openssl rand -hex 32)",
  ROUNDS_TOKEN_KEY: "the key bot tokens are sealed with in the database: 32 random bytes as base64 or 64 hex digits (distributed mode; make one with openssl rand -base64 32)",
  ROUNDS_TOKEN_KEYS_OLD: "earlier ROUNDS_TOKEN_KEY values, comma-separated, kept while tokens are resealed under the new key (README → Running Rounds for many workspaces)",
  UNINSTALL_RETENTION_DAYS: "how many days a workspace's data is kept after Rounds is uninstalled from it, before the purge (default 30)",
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
  JOBS_OFF:
    "jobs this instance leaves off its schedule, by the names `npm run cli -- job run` takes, comma-separated (e.g. surveys,year-end); unset = it runs every job",
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
    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith("xoxb-", "must start with xoxb-").optional()),
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    ROUNDS_TOKEN_KEY: optionalText.pipe(z.string().refine(isTokenKey, "must be 32 random bytes, as base64 or 64 hex digits").optional()),
    ROUNDS_TOKEN_KEYS_OLD: optionalText.pipe(
      z
        .string()
        .refine((s) => s.split(",").every((k) => isTokenKey(k.trim())), "must be earlier keys, comma-separated, each 32 random bytes as base64 or 64 hex digits")
        .optional(),
    ),
    UNINSTALL_RETENTION_DAYS: z.preprocess(
      blankIsUnset,
      z.coerce.number({ error: "is not a number" }).int("is not a whole number").min(1, "must be 1 or more").max(3650, "must be 3650 or less").default(30),
    ),
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
    JOBS_OFF: optionalText.pipe(z.string().regex(/^[a-z-]+(\s*,\s*[a-z-]+)*$/, "must be job names separated by commas").optional()),
  });

/** Distributed mode: Rounds installed with OAuth in many workspaces and Grid orgs. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  tokenKeys: TokenKeys;
  /** Days a tenant's data is kept after an uninstall. */
  retentionDays: number;
}

export interface Config {
  /** Single-workspace mode; undefined in distributed mode. */
  slackBotToken: string | undefined;
  /** Distributed mode; undefined in single-workspace mode. */
  oauth: OAuthConfig | undefined;
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
  /** Jobs this instance does not schedule (startRounds checks the names); `job run` still runs them. */
  jobsOff: string[];
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
  const set = (name: EnvName) => Boolean(env[name]?.trim());
  const OAUTH = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "ROUNDS_TOKEN_KEY"] as const;
  const distributed = OAUTH.some(set);
  if (distributed && set("SLACK_BOT_TOKEN")) {
    problems.push(`SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: choose one workspace (SLACK_BOT_TOKEN) or many (SLACK_CLIENT_ID and the OAuth settings), not both`);
  } else if (distributed) {
    for (const name of OAUTH) if (!set(name)) problems.push(`${name} is not set (distributed mode needs all of ${OAUTH.join(", ")}): ${WHERE[name]}`);
    if (set("SLACK_APP_TOKEN")) problems.push(`SLACK_APP_TOKEN is set: distributed mode installs over HTTP (/slack/install), so it cannot use Socket Mode`);
  } else if (!set("SLACK_BOT_TOKEN")) {
    problems.push(`SLACK_BOT_TOKEN is not set: ${WHERE.SLACK_BOT_TOKEN} (or set SLACK_CLIENT_ID and the OAuth settings to install Rounds in many workspaces)`);
  }
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(`SLACK_SIGNING_SECRET is not set (needed unless SLACK_APP_TOKEN selects Socket Mode): ${WHERE.SLACK_SIGNING_SECRET}`);
  }
  if (parsed.success && parsed.data.METRICS_PORT !== undefined && parsed.data.METRICS_PORT === parsed.data.PORT) {
    problems.push(`METRICS_PORT must not be PORT (${parsed.data.PORT}), or the metrics would be served to whoever reaches Slack's port: ${WHERE.METRICS_PORT}`);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  return {
    slackBotToken: distributed ? undefined : e.SLACK_BOT_TOKEN,
    oauth: distributed
      ? {
          clientId: e.SLACK_CLIENT_ID!,
          clientSecret: e.SLACK_CLIENT_SECRET!,
          stateSecret: e.SLACK_STATE_SECRET!,
          tokenKeys: {
            current: parseTokenKey(e.ROUNDS_TOKEN_KEY!),
            old: (e.ROUNDS_TOKEN_KEYS_OLD ?? "").split(",").filter((k) => k.trim()).map((k) => parseTokenKey(k, "ROUNDS_TOKEN_KEYS_OLD")),
          },
          retentionDays: e.UNINSTALL_RETENTION_DAYS,
        }
      : undefined,
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
    jobsOff: (e.JOBS_OFF ?? "").split(",").map((name) => name.trim()).filter(Boolean),
  };
}
