import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { projectRoot, startApp, TEST_SIGNING_SECRET, type AppProcess } from "../support/appProcess.js";
import { postToApp, slashCommandBody } from "../../src/slack/standin/requests.js";

/**
 * A hospital server installs Rounds the way README → "Running Rounds in production" says: the folder
 * as built here (dist/ included, no node_modules), then `npm ci --omit=dev`, then `npm start`.
 * It compiles better-sqlite3 for this Node and takes minutes, so it runs when PRODUCTION_INSTALL_CHECK=1
 * (.ci/run sets it; run `npm run build` first).
 */
const enabled = process.env.PRODUCTION_INSTALL_CHECK === "1";
const TEAM = "T0PRODUCTION";
/** Not copied to the server: what npm ci makes, local data, and the Prisma sources dist/ was compiled from. */
const LEFT_BEHIND = new Set(["node_modules", ".git", "data", "coverage", ".env", "src/generated", "dist/bench", "dist/test"]);

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.skipIf(!enabled)("a production install (npm ci --omit=dev of the built folder)", () => {
  const server = mkdtempSync(path.join(tmpdir(), "rounds-production-"));
  let install: { code: number | null; output: string };
  let slack: FakeSlack;
  let app: AppProcess;

  beforeAll(async () => {
    if (!existsSync(path.join(projectRoot, "dist/src/main.js"))) throw new Error("build first: npm run build");
    cpSync(projectRoot, server, {
      recursive: true,
      filter: (from) => {
        const rel = path.relative(projectRoot, from);
        return !LEFT_BEHIND.has(rel) && !/\.db(-wal|-shm|-journal)?$/.test(rel);
      },
    });
    install = await run("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"], server);
    slack = await new FakeSlack().start();
    slack.addUser({ id: "U0NURSE", teamId: TEAM, name: "Nia Nurse" });
  }, 20 * 60_000);

  afterAll(async () => {
    await app?.stop();
    await slack?.stop();
    rmSync(server, { recursive: true, force: true });
  });

  it("installs only what runs, without warnings about install scripts, keeping the build", () => {
    expect(install.code, install.output).toBe(0);
    expect(install.output).toContain("rounds: production install (--omit=dev): nothing to build; using the build in dist/.");
    expect(install.output).not.toMatch(/allowScripts|install scripts? (not|were)/i);
    for (const dev of ["vitest", "@types/luxon", "fast-check", "autocannon", "munkres"]) expect(existsSync(path.join(server, "node_modules", dev)), dev).toBe(false);
    for (const runtime of ["@prisma/client", "@slack/bolt", "pino"]) expect(existsSync(path.join(server, "node_modules", runtime)), runtime).toBe(true);
    expect(existsSync(path.join(server, "node_modules/better-sqlite3/build/Release/better_sqlite3.node"))).toBe(true);
    // npm still puts the Prisma CLI and TypeScript on disk: @prisma/client names them as optional peers.
    // Rounds never loads them: remove them, and the app below must still start, migrate and answer.
    for (const unused of ["prisma", "@prisma/engines", "typescript"]) rmSync(path.join(server, "node_modules", unused), { recursive: true, force: true });
  });

  it("starts, migrates a new SQLite file, answers /healthz and a slash command, and stops cleanly on SIGTERM", async () => {
    app = await startApp({ root: server, slackApiUrl: slack.apiUrl, databaseUrl: `file:${path.join(server, "data/rounds.db")}` });
    const health = await fetch(`${app.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", db: "ok" });

    const body = slashCommandBody({ command: "/findmentor", userId: "U0NURSE", teamId: TEAM, responseUrl: slack.responseUrl("prod-find") });
    expect((await postToApp(app.url, body, "form", { secret: TEST_SIGNING_SECRET })).status).toBe(200);
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === "prod-find"));
    expect(reply.body.text).toBe("You're not in a mentoring program yet.");

    const list = spawnSync(process.execPath, ["dist/src/cli/main.js", "program", "list"], {
      cwd: server,
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: `file:${path.join(server, "data/rounds.db")}`, LOG_LEVEL: "silent" },
      encoding: "utf8",
    });
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toBe("No programs yet. A director creates one in Slack with /mentoring-admin.\n");

    expect(await app.stop("SIGTERM")).toBe(0);
    expect(app.output()).not.toMatch(/"level":(50|60)/);
    expect(app.output()).not.toContain("DeprecationWarning");
  });

  it("prints the CLI's usage with npm run cli -- help", async () => {
    const help = await run("npm", ["run", "--silent", "cli", "--", "help"], server);
    expect(help.code, help.output).toBe(0);
    expect(help.output).toContain("Usage: npm run cli -- COMMAND");
  });
});
