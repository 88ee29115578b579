import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ResponseSeen } from "./fakeSlackProcess.js";

export type { ResponseSeen };

export interface FakeSlackProcess {
  /** Base URL; the Web API is under `${url}/api/`, response_urls under `${url}/response/ID`. */
  url: string;
  /** How many response_url posts it has received so far. */
  responses(): Promise<number>;
  /** Every response_url reply taken so far: its id, when it arrived (ms since the epoch) and what it was. */
  responsesSeen(): Promise<ResponseSeen[]>;
  stop(): void;
}

/** Starts bench/fakeSlackProcess.js (users U000000…U{users-1} of team T0BENCH) and waits for its URLs. */
export async function startFakeSlackProcess(users: number): Promise<FakeSlackProcess> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "fakeSlackProcess.js");
  const child = spawn(process.execPath, [script, String(users)], { stdio: ["ignore", "pipe", "inherit"] });
  const [url, sideUrl] = await new Promise<string[]>((resolve, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`the fake Slack exited with ${code} before it printed its URLs`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split("\n");
      if (lines.length > 2) resolve(lines.slice(0, 2).map((l) => l.trim()));
    });
  });
  const seen = async () => (await (await fetch(sideUrl!)).json()) as ResponseSeen[];
  return {
    url: url!,
    responses: async () => ((await (await fetch(`${url}/_stats`)).json()) as { responses: number }).responses,
    responsesSeen: seen,
    stop: () => void child.kill("SIGTERM"),
  };
}
