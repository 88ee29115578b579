import { WebClient } from "@slack/web-api";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OutboxWorker, type OutboxOptions } from "../../src/slack/outbox.js";
import { claim, confirmClaim, dueCandidates, enqueue, markSent, queueHomeRefresh } from "../../src/store/outbox.js";
import { testProviders } from "../support/databases.js";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { oneWorkspace } from "../../src/slack/tenancy/clients.js";

const TEAM = "T0CLAIMS";

/** Claims, takeovers and shared pacing between several outbox workers on one database (as several instances run). */
describe.each(testProviders)("outbox claims and pacing across workers on %s", (provider) => {
  let database: MigratedTestDatabase;
  let slack: FakeSlack;
  let client: WebClient;
  let n = 0;
  const channel = () => `C${String((n += 1)).padStart(4, "0")}`;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    await database.prisma.workspace.create({ data: { id: TEAM } });
    slack = await new FakeSlack().start();
    client = new WebClient("xoxb-test-token", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  });

  afterAll(async () => {
    await slack?.stop();
    await database?.drop();
  });

  beforeEach(async () => {
    await database.prisma.outboxMessage.deleteMany({ where: { workspaceId: TEAM } });
    await database.prisma.outboxPace.deleteMany({ where: { workspaceId: TEAM } });
    slack.latencyMs = 0;
  });

  const worker = (options: Partial<OutboxOptions> = {}) =>
    new OutboxWorker({ db: database.prisma, clients: oneWorkspace(client), logger: pino({ level: "silent" }), ratePerSecond: 1000, reclaimAfterMs: 60_000, ...options });

  const queue = (key: string, to: string) => enqueue(database.prisma, { workspaceId: TEAM, key, channel: to, payload: { text: `message ${key}` }, notBefore: new Date() });

  it("a claim another worker took over is neither confirmed nor marked by its old holder", async () => {
    await queue("takeover:1", channel());
    const now = new Date();
    const [first] = await dueCandidates(database.prisma, now, new Date(now.getTime() - 60_000), 10);
    const old = await claim(database.prisma, first!, "outbox-old", now);
    expect(old).not.toBeNull();
    // Later, the old holder looks stopped: its claim is older than the reclaim window.
    const later = new Date(now.getTime() + 120_000);
    const [stale] = await dueCandidates(database.prisma, later, new Date(later.getTime() - 60_000), 10);
    const taken = await claim(database.prisma, stale!, "outbox-new", later);
    expect(taken?.wasInFlight).toBe(true);

    expect(await confirmClaim(database.prisma, old!, "outbox-old", later)).toBe(false);
    expect(await markSent(database.prisma, old!, "outbox-old", { channel: "C", ts: "1.0" }, later)).toBe(false);
    expect(await markSent(database.prisma, taken!, "outbox-new", { channel: "C", ts: "1.0" }, later)).toBe(true);
    expect(await database.prisma.outboxMessage.findFirstOrThrow({ where: { workspaceId: TEAM, key: "takeover:1" } })).toMatchObject({ status: "SENT", claimedBy: "outbox-new" });
  });

  it("a worker whose claim was taken over while it checked the conversation does not post: the new holder posts once", async () => {
    const to = channel();
    await queue("slowcheck:1", to);
    // The row is "maybe posted" (its last send timed out), so whoever takes it looks in the conversation first.
    await database.prisma.outboxMessage.updateMany({ where: { workspaceId: TEAM, key: "slowcheck:1" }, data: { status: "SENDING", claimedBy: null } });
    let clock = new Date();
    slack.latencyMs = 600; // Slack is slow to answer conversations.history
    const slow = worker({ now: () => clock, reclaimAfterMs: 5_000 });
    const slowRun = slow.drain();
    await slack.waitFor(() => slack.callsTo("conversations.history").length === 1);
    clock = new Date(clock.getTime() + 10_000); // the slow worker's claim now looks abandoned
    const other = worker({ now: () => clock, reclaimAfterMs: 5_000 });
    await database.prisma.outboxPace.deleteMany({ where: { workspaceId: TEAM } }); // the first worker's paced second is over
    const [a, b] = await Promise.all([slowRun, other.drain()]);

    expect(a.sent + b.sent).toBe(1);
    expect(slack.messagesIn(to)).toHaveLength(1);
    expect(slack.callsTo("chat.postMessage").filter((c) => c.args.channel === to)).toHaveLength(1);
    expect(await database.prisma.outboxMessage.findFirstOrThrow({ where: { workspaceId: TEAM, key: "slowcheck:1" } })).toMatchObject({ status: "SENT", claimedBy: other.id });
  });

  it("a slow send holds only its own message: the rest stay unclaimed and another worker sends them at once, each exactly once", async () => {
    const to = Array.from({ length: 10 }, () => channel());
    for (const [i, c] of to.entries()) await queue(`fanout:${i}`, c);
    slack.latencyMs = 800;
    const before = slack.callsTo("chat.postMessage").length;
    const slow = worker();
    const slowRun = slow.drain();
    await slack.waitFor(() => slack.callsTo("chat.postMessage").length > before);
    const rows = await database.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM } });
    expect(rows.filter((r) => r.status === "SENDING")).toHaveLength(1); // only the one whose send started
    expect(rows.filter((r) => r.status === "PENDING" && r.claimedBy === null)).toHaveLength(9);

    slack.latencyMs = 0;
    const [a, b] = await Promise.all([slowRun, worker().drain()]);
    expect(a.sent + b.sent).toBe(10);
    expect(b.sent).toBeGreaterThanOrEqual(8); // the fast worker did not wait for the slow one's batch
    for (const c of to) expect(slack.messagesIn(c)).toHaveLength(1);
  });

  it("two workers together keep to the workspace's rate, and to one message a second in one conversation", async () => {
    const to = Array.from({ length: 10 }, () => channel());
    for (const [i, c] of to.entries()) await queue(`rate:${i}`, c);
    const shared = channel();
    for (let i = 0; i < 3; i++) await queue(`same:${i}`, shared);
    const started = slack.calls.length;
    await Promise.all([worker({ ratePerSecond: 5, concurrency: 3 }).drain(), worker({ ratePerSecond: 5, concurrency: 3 }).drain()]);
    // Rows deferred for the busy conversation come back after their second: drain again until all are out.
    for (let i = 0; i < 10 && slack.messagesIn(shared).length < 3; i++) {
      await new Promise((r) => setTimeout(r, 300));
      await worker({ ratePerSecond: 5 }).drain();
    }
    const posts = slack.calls.slice(started).filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(13);
    const at = posts.map((c) => c.at).sort((x, y) => x - y);
    // 13 sends at 5 a second: the last starts at least 12 × 200 ms after the first (a few ms of clock jitter allowed).
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(12 * 200 - 30);
    const sameAt = posts.filter((c) => c.args.channel === shared).map((c) => c.at).sort((x, y) => x - y);
    expect(sameAt[1]! - sameAt[0]!).toBeGreaterThanOrEqual(1000 - 30);
    expect(sameAt[2]! - sameAt[1]!).toBeGreaterThanOrEqual(1000 - 30);
    expect(new Set(posts.map((c) => String((c.args.metadata as { event_payload: { key: string } }).event_payload.key))).size).toBe(13);
  });

  it("a person's Home refresh is one row however often it is asked for, re-armed after it is sent, and rendered at send time", async () => {
    const user = "U0HOMEREF";
    let state = "waiting for @Cal";
    const renders: string[] = [];
    const renderHome = async (_ws: string, _user: string) => {
      renders.push(state);
      return { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: state } }] };
    };
    const now = new Date();
    await queueHomeRefresh(database.prisma, TEAM, user, now);
    await queueHomeRefresh(database.prisma, TEAM, user, now);
    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: TEAM, kind: "HOME" } })).toBe(1);
    state = "Dr. Cal accepted";
    await worker({ renderHome }).drain();
    const published = slack.callsTo("views.publish").filter((c) => c.args.user_id === user);
    expect(published).toHaveLength(1);
    expect(JSON.stringify(published[0]!.args.view)).toContain("Dr. Cal accepted");

    state = "no open requests";
    await queueHomeRefresh(database.prisma, TEAM, user, new Date());
    await database.prisma.outboxPace.deleteMany({ where: { workspaceId: TEAM } });
    await worker({ renderHome }).drain();
    expect(slack.callsTo("views.publish").filter((c) => c.args.user_id === user)).toHaveLength(2);
    expect(renders).toEqual(["Dr. Cal accepted", "no open requests"]);
    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: TEAM, kind: "HOME" } })).toBe(1);
  });
});
