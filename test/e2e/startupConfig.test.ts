import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, mainScript } from "../support/appProcess.js";

/** A setting only found wrong at start-up is a configuration problem like any other: one line saying so, exit code 2. */
describe("a start with a JOBS_OFF that names no job", () => {
  it("stops with exit code 2, naming the setting and the jobs there are, and leaves no half-started app", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "rounds-jobs-off-"));
    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      NODE_ENV: "production",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "test-signing-secret",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      DATABASE_URL: `file:${path.join(cwd, "rounds.db")}`,
      JOBS_OFF: "surveys,checkin",
    };
    const child = spawn(process.execPath, [mainScript], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    try {
      expect(code).toBe(2);
      expect(err).toMatch(/JOBS_OFF names no job: checkin \(the jobs: .*checkins/);
      expect(err).not.toMatch(/Rounds failed to start/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);
});
