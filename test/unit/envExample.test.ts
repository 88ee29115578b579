import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { ENV_NAMES, loadConfig } from "../../src/config.js";
import { projectRoot } from "../support/appProcess.js";

/** An operator copies .env.example to .env and fills it in. */
describe(".env.example", () => {
  const text = readFileSync(path.join(projectRoot, ".env.example"), "utf8");
  const example = parseEnv(text);

  it("lists every variable Rounds reads, and nothing else", () => {
    expect(Object.keys(example).sort()).toEqual([...ENV_NAMES].sort());
  });

  it("explains each variable in a comment just above it", () => {
    const lines = text.split("\n");
    for (const name of ENV_NAMES) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(lines[at - 1], name).toMatch(/^# \S/);
    }
  });

  it("loads as it stands once the bot token and signing secret are filled in, with the documented defaults", () => {
    const config = loadConfig({ ...example, SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" });
    expect(config).toMatchObject({ port: 3000, databaseUrl: "file:./data/rounds.db", logLevel: "info", outboxRatePerSecond: 4, outboxReclaimAfterSeconds: 60, outboxConcurrency: 8, searchWorkers: Math.max(1, Math.min(8, availableParallelism())), slackAppToken: undefined, slackApiUrl: undefined });
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })).toEqual(config);
  });
});
