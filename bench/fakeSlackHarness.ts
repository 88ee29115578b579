import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface FakeSlackProcess {
  /** Base URL; the Web API is under `${url}/api/`, response_urls under `${url}/response/ID`. */
  url: string;
  /** How many response_url posts it has received so far. */
  responses(): Promise<number>;
  stop(): void;
}

/** Starts bench/fakeSlackProcess.js (users U000000…U{users-1} of team T0BENCH) and waits for its URL. */
export async function startFakeSlackProcess(users: number): Promise<FakeSlackProcess> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "fakeSlackProcess.js");
  const child = spawn(process.execPath, [script, String(users)], { stdio: ["ignore", "pipe", "inherit"] });
  const [firstChunk] = (await once(child.stdout!, "data")) as [Buffer];
  const url = firstChunk.toString().trim().split("\n")[0]!;
  return {
    url,
    responses: async () => ((await (await fetch(`${url}/_stats`)).json()) as { responses: number }).responses,
    stop: () => void child.kill("SIGTERM"),
  };
}
