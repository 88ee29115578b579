import { WebClient } from "@slack/web-api";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboxWorker } from "../../src/slack/outbox.js";
import { enqueue } from "../../src/store/outbox.js";
import { testProviders } from "../support/databases.js";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { oneWorkspace } from "../../src/slack/tenancy/clients.js";

const BUSY = "T0BUSY";
const QUIET = "T0QUIET";

/** Each workspace has its own pace: a workspace with a long backlog never holds up another's messages. */
describe.each(testProviders)("outbox fairness between workspaces on %s", (provider) => {
  let database: MigratedTestDatabase;
  let slack: FakeSlack;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    for (const id of [BUSY, QUIET]) await database.prisma.workspace.create({ data: { id } });
    slack = await new FakeSlack().start();
  });

  afterAll(async () => {
    await slack?.stop();
    await database?.drop();
  });

  it("a quiet workspace's messages go out at its own pace while a busy workspace works through a backlog queued before them", async () => {
    const now = new Date();
    for (let i = 0; i < 24; i++) await enqueue(database.prisma, { workspaceId: BUSY, key: `backlog:${i}`, channel: `UB${i}`, payload: { text: `busy ${i}` }, notBefore: now });
    for (let i = 0; i < 4; i++) await enqueue(database.prisma, { workspaceId: QUIET, key: `news:${i}`, channel: `UQ${i}`, payload: { text: `quiet ${i}` }, notBefore: now });
    const client = new WebClient("xoxb-test-token", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
    // 4 a second per workspace: the busy backlog takes 6 s, the quiet workspace's four 1 s.
    const worker = new OutboxWorker({ db: database.prisma, clients: oneWorkspace(client), logger: pino({ level: "silent" }), ratePerSecond: 4, reclaimAfterMs: 60_000, concurrency: 4 });
    const started = Date.now();
    worker.start(100);
    try {
      await slack.waitFor(() => [0, 1, 2, 3].every((i) => slack.messagesIn(`UQ${i}`).length === 1), 10_000);
      const quietDone = Date.now() - started;
      const busySent = Array.from({ length: 24 }, (_, i) => slack.messagesIn(`UB${i}`).length).reduce((a, b) => a + b, 0);
      expect(busySent).toBeLessThan(24); // the quiet workspace did not wait for the whole backlog
      expect(quietDone).toBeLessThan(4_000);
      await slack.waitFor(() => Array.from({ length: 24 }, (_, i) => slack.messagesIn(`UB${i}`).length).every((n) => n === 1), 20_000);
    } finally {
      await worker.stop();
    }
  }, 40_000);
});
