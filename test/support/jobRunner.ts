import { spawn } from "node:child_process";
import { projectRoot } from "./appProcess.js";
import type { RunTime } from "../../src/features/ports.js";

/** A job service called the way the scheduler calls it: one clock decides and sends. */
export const oneClock = (now: Date): RunTime => ({ now, sendFrom: now });

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

/** `cli job run NAME [--now ISO]`; `out` is stdout and stderr together, `said` stdout alone (the line for the person). */
export async function runJob(target: JobTarget, name: string, now?: Date): Promise<{ code: number | null; out: string; said: string }> {
  const args = ["job", "run", name, ...(now ? ["--now", now.toISOString()] : [])];
  const r = await runCli(args, { DATABASE_URL: target.databaseUrl, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: target.slackApiUrl, LOG_LEVEL: "info" });
  return { code: r.code, out: r.all, said: r.out };
}

/**
 * Waits, if need be, until the real clock is at least `marginMs` away from the next tick of a job
 * the app runs every `everyMs` (a cron step, e.g. every 5 minutes), so that the next few seconds
 * belong to the test: the app's own run of that job cannot take the work a `job run` is meant to do.
 */
export async function clearOfAppTick(everyMs: number, marginMs = 30_000): Promise<void> {
  const toNextTick = everyMs - (Date.now() % everyMs);
  if (toNextTick < marginMs) await new Promise((r) => setTimeout(r, toNextTick + 5_000));
}
