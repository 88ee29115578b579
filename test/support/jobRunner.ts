import { spawn } from "node:child_process";
import { projectRoot } from "./appProcess.js";

/** Runs the built CLI (`node dist/src/cli/main.js ARGS`) the way cron or an operator would, and collects what it printed. */

export interface CliResult {
  code: number | null;
  /** stdout. */
  out: string;
  /** stderr. */
  err: string;
  /** stdout and stderr together, in the order they arrived. */
  all: string;
}

/** `node dist/src/cli/main.js ...args` with only PATH and `env` set. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["dist/src/cli/main.js", ...args], { cwd: projectRoot, env: { PATH: process.env.PATH ?? "", ...env } });
    let out = "";
    let err = "";
    let all = "";
    child.stdout.on("data", (d: Buffer) => ((out += d.toString()), (all += d.toString())));
    child.stderr.on("data", (d: Buffer) => ((err += d.toString()), (all += d.toString())));
    child.on("exit", (code) => resolve({ code, out, err, all }));
  });
}

export interface JobTarget {
  databaseUrl: string;
  /** The fake Slack's SLACK_API_URL. */
  slackApiUrl: string;
}

/** `cli job run NAME [--now ISO]`; `out` is stdout and stderr together. */
export async function runJob(target: JobTarget, name: string, now?: Date): Promise<{ code: number | null; out: string }> {
  const args = ["job", "run", name, ...(now ? ["--now", now.toISOString()] : [])];
  const r = await runCli(args, { DATABASE_URL: target.databaseUrl, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: target.slackApiUrl, LOG_LEVEL: "info" });
  return { code: r.code, out: r.all };
}
