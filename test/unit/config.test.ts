import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { mainScript } from "../support/appProcess.js";

const VALID = { SLACK_BOT_TOKEN: "xoxb-123", SLACK_SIGNING_SECRET: "secret" };

/** The ConfigError loadConfig throws for `env` (fails the test if it returns a config). */
function problemsWith(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe("configuration from the environment", () => {
  it("without Slack settings, names each missing variable and where in the Slack app to find it", () => {
    const error = problemsWith({});
    expect(error.problems).toHaveLength(2);
    expect(error.message).toContain("Rounds cannot start");
    expect(error.message).toContain("SLACK_BOT_TOKEN is not set");
    expect(error.message).toContain("OAuth & Permissions → Bot User OAuth Token");
    expect(error.message).toContain("SLACK_SIGNING_SECRET is not set");
    expect(error.message).toContain("Basic Information → App Credentials");
    expect(error.message).toContain(".env file");
  });

  it("selects many workspaces with the OAuth settings, and says which of them is missing or wrong", () => {
    const KEY = Buffer.alloc(32, 7).toString("base64");
    const oauth = { SLACK_CLIENT_ID: "1111.2222", SLACK_CLIENT_SECRET: "shh", SLACK_STATE_SECRET: "a-long-random-state-secret", ROUNDS_TOKEN_KEY: KEY, SLACK_SIGNING_SECRET: "secret" };
    const config = loadConfig(oauth);
    expect(config.slackBotToken).toBeUndefined();
    expect(config.oauth).toMatchObject({ clientId: "1111.2222", retentionDays: 30 });
    expect(config.oauth!.tokenKeys.current.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(loadConfig({ ...oauth, UNINSTALL_RETENTION_DAYS: "90" }).oauth!.retentionDays).toBe(90);

    const missing = problemsWith({ SLACK_CLIENT_ID: "1111.2222", SLACK_SIGNING_SECRET: "secret" });
    expect(missing.problems.map((p) => p.split(" ")[0])).toEqual(["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "ROUNDS_TOKEN_KEY"]);
    expect(problemsWith({ ...oauth, ROUNDS_TOKEN_KEY: "short" }).problems).toEqual([expect.stringMatching(/^ROUNDS_TOKEN_KEY must be 32 random bytes/)]);
    expect(problemsWith({ ...oauth, SLACK_BOT_TOKEN: "xoxb-1" }).problems).toEqual([expect.stringMatching(/both set: choose one workspace/)]);
    expect(problemsWith({ ...oauth, SLACK_APP_TOKEN: "xapp-1" }).problems).toEqual([expect.stringMatching(/cannot use Socket Mode/)]);
  });

  it("reports a bot token of the wrong kind", () => {
    const error = problemsWith({ ...VALID, SLACK_BOT_TOKEN: "xoxp-user-token" });
    expect(error.problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN must start with xoxb-: OAuth & Permissions/)]);
  });

  it("reports a bad PORT, DATABASE_URL and LOG_LEVEL together, each with what is allowed", () => {
    const error = problemsWith({ ...VALID, PORT: "http", DATABASE_URL: "mysql://db/rounds", LOG_LEVEL: "loud" });
    expect(error.problems).toHaveLength(3);
    expect(error.message).toContain("PORT is not a number");
    expect(error.message).toContain("a whole number from 1 to 65535");
    expect(error.message).toContain("DATABASE_URL must start with file: or postgresql://");
    expect(error.message).toContain("LOG_LEVEL is not a log level: one of fatal, error, warn, info, debug, trace, silent");
  });

  it.each([
    ["0", "must be from 1 to 65535"],
    ["65536", "must be from 1 to 65535"],
    ["80.5", "is not a whole number"],
  ])("refuses PORT=%s (%s)", (port, problem) => {
    expect(problemsWith({ ...VALID, PORT: port }).message).toContain(`PORT ${problem}`);
  });

  it("Socket Mode (SLACK_APP_TOKEN) makes the signing secret optional", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-123", SLACK_APP_TOKEN: "xapp-1-abc" });
    expect(config.slackAppToken).toBe("xapp-1-abc");
    expect(config.slackSigningSecret).toBeUndefined();
  });

  it("refuses an app-level token that is not one", () => {
    const error = problemsWith({ SLACK_BOT_TOKEN: "xoxb-123", SLACK_APP_TOKEN: "xoxb-wrong" });
    expect(error.message).toContain("SLACK_APP_TOKEN must start with xapp-");
    expect(error.message).toContain("Basic Information → App-Level Tokens");
  });

  it("fills in defaults: port 3000, the SQLite file data/rounds.db, log level info", () => {
    const config = loadConfig(VALID);
    expect(config).toMatchObject({
      slackBotToken: "xoxb-123",
      slackSigningSecret: "secret",
      port: 3000,
      databaseUrl: "file:./data/rounds.db",
      logLevel: "info",
      outboxRatePerSecond: 4,
      outboxReclaimAfterSeconds: 60,
      outboxConcurrency: 8,
    });
    expect(config.slackApiUrl).toBeUndefined();
  });

  it("serves no metrics unless METRICS_PORT is set, and never on the Slack port", () => {
    expect(loadConfig(VALID).metricsPort).toBeUndefined();
    expect(loadConfig({ ...VALID, METRICS_PORT: "" }).metricsPort).toBeUndefined();
    expect(loadConfig({ ...VALID, METRICS_PORT: "9464" }).metricsPort).toBe(9464);
    expect(problemsWith({ ...VALID, PORT: "8080", METRICS_PORT: "8080" }).problems).toEqual([expect.stringMatching(/^METRICS_PORT must not be PORT \(8080\)/)]);
    expect(problemsWith({ ...VALID, METRICS_PORT: "3000" }).problems).toEqual([expect.stringMatching(/^METRICS_PORT must not be PORT \(3000\)/)]);
    expect(problemsWith({ ...VALID, METRICS_PORT: "prometheus" }).problems).toEqual([expect.stringMatching(/^METRICS_PORT is not a number: the port GET \/metrics/)]);
  });

  it("runs every job unless JOBS_OFF names some, and refuses a list that is not job names", () => {
    expect(loadConfig(VALID).jobsOff).toEqual([]);
    expect(loadConfig({ ...VALID, JOBS_OFF: "" }).jobsOff).toEqual([]);
    expect(loadConfig({ ...VALID, JOBS_OFF: "surveys, year-end" }).jobsOff).toEqual(["surveys", "year-end"]);
    expect(problemsWith({ ...VALID, JOBS_OFF: "surveys;year-end" }).problems).toEqual([expect.stringMatching(/^JOBS_OFF must be job names separated by commas: jobs this instance leaves off/)]);
  });

  it("treats blank values (as in `PORT=` in a .env file) as not set, so defaults apply", () => {
    const config = loadConfig({ ...VALID, PORT: "", DATABASE_URL: " ", LOG_LEVEL: "", OUTBOX_RATE_PER_SECOND: "" });
    expect(config).toMatchObject({ port: 3000, databaseUrl: "file:./data/rounds.db", logLevel: "info", outboxRatePerSecond: 4 });
  });

  it("takes given values", () => {
    const config = loadConfig({
      ...VALID,
      PORT: "8080",
      DATABASE_URL: "postgresql://rounds:pw@db:5432/rounds",
      LOG_LEVEL: "debug",
      SLACK_API_URL: "http://127.0.0.1:9999/api/",
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: "postgresql://rounds:pw@db:5432/rounds",
      logLevel: "debug",
      slackApiUrl: "http://127.0.0.1:9999/api/",
    });
  });

  it("`node dist/src/main.js` in production with no Slack settings exits 2 with the readable message and no stack trace", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "rounds-config-")); // no .env here
    try {
      const run = spawnSync(process.execPath, [mainScript], {
        cwd,
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("Rounds cannot start: its configuration has problems.");
      expect(run.stderr).toContain("SLACK_BOT_TOKEN is not set");
      expect(run.stderr).toContain("SLACK_SIGNING_SECRET is not set");
      expect(run.stderr).toContain("Basic Information → App Credentials");
      expect(run.stderr).not.toMatch(/^ {4}at /m);
      expect(run.stdout).toBe("");
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("`node dist/src/main.js` with some Slack settings but not all exits 2 outside production too (it is not the Playground)", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "rounds-config-"));
    try {
      const run = spawnSync(process.execPath, [mainScript], { cwd, env: { PATH: process.env.PATH ?? "", SLACK_BOT_TOKEN: "xoxb-1" }, encoding: "utf8", timeout: 20_000 });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("SLACK_SIGNING_SECRET is not set");
      expect(run.stdout).not.toContain("Playground");
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
