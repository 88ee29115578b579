import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/paths.js";

export { projectRoot };
/** The same entry point as `npm start`: the script its package.json entry runs with node. */
export const mainScript = (() => {
  const start: string = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).scripts.start;
  const match = /^node (\S+\.js)$/.exec(start);
  if (!match) throw new Error(`package.json scripts.start is not "node FILE.js": ${start}`);
  return path.join(projectRoot, match[1]!);
})();

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789";

import { freePort } from "../../src/playground/ports.js";

export { freePort };

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

export interface StartOptions {
  slackApiUrl: string;
  databaseUrl: string;
  env?: Record<string, string>;
  /** Wait for /healthz to answer 200 (default true). */
  waitHealthy?: boolean;
  /** Options for node itself, before the script (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
  /** Another copy of Rounds to start (its folder holding package.json); default this one. */
  root?: string;
}

/** Starts `node dist/src/main.js` with test settings and waits until it is healthy. */
export async function startApp(o: StartOptions): Promise<AppProcess> {
  const port = await freePort();
  let log = "";
  const root = o.root ?? projectRoot;
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), path.join(root, path.relative(projectRoot, mainScript))], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: o.slackApiUrl,
      DATABASE_URL: o.databaseUrl,
      PORT: String(port),
      LOG_LEVEL: "info",
      OUTBOX_RATE_PER_SECOND: "200",
      // The surveys and year-end jobs act on the calendar (a program's academic year ends on June 30 by
      // default; surveys go 3 months into a match): on the real clock the app would DM the tests' people
      // on some days of the year and not others. Tests run them with `job run --now` instead.
      JOBS_OFF: "surveys,year-end",
      ...o.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    url,
    port,
    child,
    exited,
    output: () => log,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (o.waitHealthy ?? true) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode} before it was healthy:\n${log}`);
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`app was not healthy within 20 s:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return app;
}
