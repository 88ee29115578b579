/**
 * npm run bench:ack — how fast Rounds acknowledges slash commands under load.
 *
 * Starts the fake Slack (in its own process) and the real app (`node dist/src/main.js`, on a fresh
 * SQLite database, or PostgreSQL with --database-url), then sends signed /findmentor commands from
 * many connections at once with autocannon — each with its own trigger_id and signature, from 1,000
 * different users — and prints ack latency percentiles and throughput, then how long the work
 * after the acks (the ephemeral replies) took to finish.
 *
 *   npm run bench:ack -- [--connections 100] [--duration 10] [--rate N] [--database-url postgresql://…]
 *
 * Without --rate every connection sends its next command as soon as the last is acknowledged (the
 * app's saturation point); with --rate the commands arrive at N per second in all (like real Slack
 * traffic, which does not wait for Rounds).
 */
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startFakeSlackProcess } from "./fakeSlackHarness.js";
import { startApp, TEST_SIGNING_SECRET } from "../test/support/appProcess.js";
import { createTestDatabase, type TestDatabase } from "../test/support/databases.js";
import { signedHeaders, slashCommandBody } from "../test/support/slackRequests.js";

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
const rate = values.rate ? Number(values.rate) : undefined;
const result = await autocannon({
  url: app.url,
  connections,
  duration,
  ...(rate ? { overallRate: rate } : {}),
  requests: [
    {
      method: "POST",
      path: "/slack/events",
      setupRequest: (req) => {
        n += 1;
        const body = slashCommandBody({
          command: "/findmentor",
          text: "",
          userId: `U${String(n % users).padStart(6, "0")}`,
          teamId: TEAM,
          responseUrl: `${slackUrl}/response/bench`,
          triggerId: `bench.${n}.${Date.now()}`,
        });
        return { ...req, body, headers: signedHeaders(body, "application/x-www-form-urlencoded", { secret: TEST_SIGNING_SECRET }) };
      },
    },
  ],
});

const acked = result.requests.total - result.non2xx;
const atEnd = (await fake.responses());
const drainStart = Date.now();
while ((await fake.responses()) < acked && Date.now() - drainStart < 120_000) await new Promise((r) => setTimeout(r, 250));
const drained = (await fake.responses());
const drainSeconds = (Date.now() - drainStart) / 1000;

const provider = databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL";
console.log(`\nbench:ack — signed /findmentor, ${connections} connections, ${rate ? `${rate} commands/s` : "as fast as acked"}, ${duration} s, ${provider}`);
console.log(`  requests:       ${result.requests.total} (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`);
console.log(`  throughput:     ${result.requests.average.toFixed(0)} acks/s`);
console.log(`  ack latency:    p50 ${result.latency.p50} ms · p90 ${result.latency.p90} ms · p99 ${result.latency.p99} ms · max ${result.latency.max} ms`);
console.log(`  replies:        ${atEnd} delivered during the run; ${drained} of ${acked} after ${drainSeconds.toFixed(1)} s more (${(drained / (duration + drainSeconds)).toFixed(0)} replies/s overall)`);

await app.stop();
fake.stop();
await database?.drop();
