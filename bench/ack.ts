/**
 * npm run bench:ack — how fast Rounds acknowledges slash commands under load.
 *
 * Starts the fake Slack and the real app (`node dist/src/main.js`, on a fresh SQLite database, or
 * PostgreSQL with --database-url), then sends signed /findmentor commands from many connections at
 * once with autocannon — each with its own trigger_id and signature, from 1,000 different users —
 * and prints ack latency percentiles and throughput.
 *
 *   npm run bench:ack -- [--connections 100] [--duration 10] [--database-url postgresql://…]
 */
import autocannon from "autocannon";
import { parseArgs } from "node:util";
import { FakeSlack } from "../test/support/fakeSlack.js";
import { startApp, TEST_SIGNING_SECRET } from "../test/support/appProcess.js";
import { createTestDatabase, type TestDatabase } from "../test/support/databases.js";
import { signedHeaders, slashCommandBody } from "../test/support/slackRequests.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "100" },
    duration: { type: "string", default: "10" },
    "database-url": { type: "string" },
    users: { type: "string", default: "1000" },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const users = Number(values.users);
const TEAM = "T0BENCH";

const slack = await new FakeSlack().start();
for (let i = 0; i < users; i++) slack.addUser({ id: `U${String(i).padStart(6, "0")}`, teamId: TEAM, name: `Person ${i}` });

let database: TestDatabase | null = null;
const databaseUrl = values["database-url"] ?? (database = await createTestDatabase("sqlite")).url;
const app = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl, env: { LOG_LEVEL: "warn" } });

let n = 0;
const result = await autocannon({
  url: app.url,
  connections,
  duration,
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
          responseUrl: slack.responseUrl("bench"),
          triggerId: `bench.${n}.${Date.now()}`,
        });
        return { ...req, body, headers: signedHeaders(body, "application/x-www-form-urlencoded", { secret: TEST_SIGNING_SECRET }) };
      },
    },
  ],
});

await new Promise((r) => setTimeout(r, 1000)); // let the last replies reach the fake Slack
const provider = databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL";
const replies = slack.responses.filter((r) => r.id === "bench").length;
console.log(`\nbench:ack — signed /findmentor, ${connections} connections, ${duration} s, ${provider}`);
console.log(`  requests:       ${result.requests.total} (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`);
console.log(`  throughput:     ${result.requests.average.toFixed(0)} req/s`);
console.log(`  ack latency:    p50 ${result.latency.p50} ms · p90 ${result.latency.p90} ms · p99 ${result.latency.p99} ms · max ${result.latency.max} ms`);
console.log(`  ephemeral replies delivered to response_url: ${replies}`);

await app.stop();
await slack.stop();
await database?.drop();
