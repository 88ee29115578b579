/**
 * npm run bench:ack — how fast Rounds acknowledges slash commands under load.
 *
 * Starts the fake Slack (in its own process) and the real app (`node dist/src/main.js`, on a fresh
 * SQLite database, or PostgreSQL with --database-url), then sends signed /findmentor commands from
 * many connections at once with autocannon — each with its own trigger_id and signature, from 1,000
 * different users — and prints ack latency percentiles and throughput, then how long the work
 * after the acks (the ephemeral replies) took to finish. When more than 100 pieces of after-ack work
 * are waiting, a command is answered "Rounds is very busy…" in the ack itself and has no reply to
 * wait for; the bench counts those apart.
 *
 *   npm run bench:ack -- [--connections 100] [--duration 10] [--rate N] [--database-url postgresql://…]
 *
 * Without --rate every connection sends its next command as soon as the last is acknowledged (the
 * app's saturation point); with --rate N the commands are sent at evenly spaced moments, N a second,
 * whether or not earlier ones were acknowledged (as Slack sends them; autocannon's own rate limit
 * sends each second's commands in one burst).
 */
import { parseArgs } from "node:util";
import { closedLoop, type Ack, type LoadRun } from "./ackLoad.js";
import { startFakeSlackProcess } from "./fakeSlackHarness.js";
import { startApp, TEST_SIGNING_SECRET } from "../test/support/appProcess.js";
import { createTestDatabase, type TestDatabase } from "../test/support/databases.js";
import { signedHeaders, slashCommandBody } from "../src/slack/standin/requests.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "100" },
    duration: { type: "string", default: "10" },
    "database-url": { type: "string" },
    users: { type: "string", default: "1000" },
    rate: { type: "string" },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const users = Number(values.users);
const TEAM = "T0BENCH";

const fake = await startFakeSlackProcess(users);
const slackUrl = fake.url;

let database: TestDatabase | null = null;
const databaseUrl = values["database-url"] ?? (database = await createTestDatabase("sqlite")).url;
const app = await startApp({ slackApiUrl: `${slackUrl}/api/`, databaseUrl, env: { LOG_LEVEL: "warn" } });

let n = 0;
/** One signed /findmentor command, from the next of `users` users. */
function command(): { body: string; headers: Record<string, string> } {
  n += 1;
  const body = slashCommandBody({
    command: "/findmentor",
    text: "",
    userId: `U${String(n % users).padStart(6, "0")}`,
    teamId: TEAM,
    responseUrl: `${slackUrl}/response/bench`,
    triggerId: `bench.${n}.${Date.now()}`,
  });
  return { body, headers: signedHeaders(body, "application/x-www-form-urlencoded", { secret: TEST_SIGNING_SECRET }) };
}

/** Commands sent at evenly spaced moments, `rate` a second, whether or not earlier ones were acknowledged (as Slack sends them). */
async function steadyRate(rate: number): Promise<LoadRun> {
  const acks: Ack[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  const send = async (sentAt: number) => {
    const { body, headers } = command();
    try {
      const response = await fetch(`${app.url}/slack/events`, { method: "POST", body, headers });
      const text = await response.text();
      if (!response.ok) failed += 1;
      else acks.push({ sentAt, ms: performance.now() - start - sentAt, busy: text.length > 0 });
    } catch {
      failed += 1;
    }
  };
  for (let i = 0; i < rate * duration; i++) {
    const due = (i * 1000) / rate;
    const wait = due - (performance.now() - start);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(performance.now() - start));
  }
  await Promise.all(inFlight);
  return { acks, failed };
}

const rate = values.rate ? Number(values.rate) : undefined;
const run = rate ? await steadyRate(rate) : await closedLoop(app.url, connections, duration, command);
const turnedAway = run.acks.filter((a) => a.busy).length;
const queued = run.acks.length - turnedAway;
const atEnd = (await fake.responses());
const drainStart = Date.now();
while ((await fake.responses()) < queued && Date.now() - drainStart < 120_000) await new Promise((r) => setTimeout(r, 250));
const drained = (await fake.responses());
const drainSeconds = (Date.now() - drainStart) / 1000;

const provider = databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL";
const latencies = (acks: Ack[]) => acks.map((a) => a.ms).sort((a, b) => a - b);
const percentile = (sorted: number[], p: number) => `${(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(0)} ms`;
const all = latencies(run.acks);
console.log(`\nbench:ack — signed /findmentor, ${rate ? `${rate} commands/s, evenly spaced` : `${connections} connections, as fast as acked`}, ${duration} s, ${provider}`);
console.log(`  acks:           ${run.acks.length} (${run.failed} failed), ${(run.acks.length / duration).toFixed(0)} acks/s`);
console.log(`  ack latency:    p50 ${percentile(all, 50)} · p90 ${percentile(all, 90)} · p99 ${percentile(all, 99)} · max ${percentile(all, 100)}`);
if (rate) {
  const warm = latencies(run.acks.filter((a) => a.sentAt >= 1000));
  console.log(`  after the first second: p50 ${percentile(warm, 50)} · p90 ${percentile(warm, 90)} · p99 ${percentile(warm, 99)} · max ${percentile(warm, 100)} (a cold app warms up)`);
}
const busyLater = rate ? ` (${run.acks.filter((a) => a.busy && a.sentAt >= 1000).length} after the first second)` : "";
console.log(`  busy:           ${turnedAway} answered "very busy, try again" in the ack (more than 100 pieces of work waiting)${busyLater}`);
// Commands still on the wire when autocannon's run ends are answered by the app but not counted.
console.log(`  replies:        ${atEnd} delivered during the run; ${drained} in all after ${drainSeconds.toFixed(1)} s more, for ${queued} counted acks that queued work (${(drained / (duration + drainSeconds)).toFixed(0)} replies/s overall)`);

await app.stop();
fake.stop();
await database?.drop();
