import { WebClient } from "@slack/web-api";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OutboxWorker, type OutboxOptions } from "../../src/slack/outbox.js";
import { runOnce } from "../../src/store/jobRuns.js";
import { enqueue, requeueFailed } from "../../src/store/outbox.js";
import { queueIntroduction } from "../../src/store/introductions.js";
import { testProviders } from "../support/databases.js";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { oneWorkspace } from "../../src/slack/tenancy/clients.js";
import { runBatchOnce } from "../../src/store/checkinsBatch.js";
import { queuedCheckinAsk, queuedEscalation } from "../../src/features/checkins/queuedMessages.js";
import { CHECKIN_CARDS } from "../support/checkinCards.js";
import checkinMessagesBefore from "../fixtures/checkinMessagesQueuedBefore.json" with { type: "json" };

const TEAM = "T0OUTBOX";
const OTHER_TEAM = "T0OTHER";
const RECLAIM_AFTER_MS = 120_000;

describe.each(testProviders)("the outbox on %s, against a fake Slack", (provider) => {
  let database: MigratedTestDatabase;
  let slack: FakeSlack;
  let client: WebClient;
  /** The fake clock every worker reads; tests move it forward. */
  let clock: Date;
  let n = 0;
  /** A channel no other test posts into. */
  const channel = () => `C${String((n += 1)).padStart(4, "0")}`;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    await database.prisma.workspace.createMany({ data: [{ id: TEAM }, { id: OTHER_TEAM }] });
    slack = await new FakeSlack().start();
    // As src/main.ts builds the outbox's client: the outbox, not the client, decides about retries.
    client = new WebClient("xoxb-test-token", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  });

  afterAll(async () => {
    await slack?.stop();
    await database?.drop();
  });

  beforeEach(async () => {
    await database.prisma.outboxMessage.deleteMany({ where: { workspaceId: { in: [TEAM, OTHER_TEAM] } } });
    // The shared pacing lanes hold moments in the fake clock's time, which each test starts afresh.
    await database.prisma.outboxPace.deleteMany({ where: { workspaceId: { in: [TEAM, OTHER_TEAM] } } });
    // Starts at the real time (to the second): Slack's message ts are real, and crash recovery
    // searches a channel's history from the row's claim time.
    clock = new Date(Math.floor(Date.now() / 1000) * 1000);
  });

  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  const worker = (options: Partial<OutboxOptions> = {}) =>
    new OutboxWorker({
      db: database.prisma,
      clients: oneWorkspace(client),
      logger: pino({ level: "silent" }),
      ratePerSecond: 1000,
      reclaimAfterMs: RECLAIM_AFTER_MS,
      now: () => clock,
      ...options,
    });

  const queue = (key: string, to: string, text = `message ${key}`, workspaceId = TEAM) =>
    enqueue(database.prisma, { workspaceId, key, channel: to, payload: { text }, notBefore: clock });

  const row = (key: string, workspaceId = TEAM) =>
    database.prisma.outboxMessage.findUniqueOrThrow({ where: { workspaceId_key: { workspaceId, key } } });

  const postsTo = (to: string) => slack.callsTo("chat.postMessage").filter((c) => c.args.channel === to);

  it("queues one message per key and workspace, however often it is enqueued", async () => {
    const to = channel();
    expect(await queue("welcome:1", to)).toBe(true);
    expect(await queue("welcome:1", to, "a second try")).toBe(false);
    expect(await queue("welcome:1", to, "same key, other workspace", OTHER_TEAM)).toBe(true);

    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: TEAM, key: "welcome:1" } })).toBe(1);
    expect((await row("welcome:1")).payload).toEqual({ text: "message welcome:1" });
    expect((await row("welcome:1")).status).toBe("PENDING");
  });

  it("two jobs enqueuing the same key in their transactions at once both commit, and one message is queued", async () => {
    const to = channel();
    let firstQueued!: () => void;
    const queuedByFirst = new Promise<void>((resolve) => (firstQueued = resolve));
    const job = (i: number, between: () => Promise<void>) =>
      runOnce(database.prisma, { key: `race:${i}`, job: "announce", workspaceId: TEAM }, clock, async (tx) => {
        await enqueue(tx, { workspaceId: TEAM, key: "race:announcement", channel: to, payload: { text: "Hello" }, notBefore: clock });
        await between();
        await tx.auditLog.create({ data: { workspaceId: TEAM, actor: "job", action: "announce", target: `race:${i}` } });
      });

    // The first job holds its uncommitted message while the second queues the same key (on
    // PostgreSQL the second insert waits for the first transaction, then meets its row).
    const first = job(1, async () => {
      firstQueued();
      await new Promise((r) => setTimeout(r, 300));
    });
    await queuedByFirst;
    const second = job(2, async () => undefined);

    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: TEAM, key: "race:announcement" } })).toBe(1);
    expect(await database.prisma.jobRun.count({ where: { key: { in: ["race:1", "race:2"] } } })).toBe(2);
    expect(await database.prisma.auditLog.count({ where: { workspaceId: TEAM, target: { in: ["race:1", "race:2"] } } })).toBe(2);
  });

  it("sends each due message once, carrying its key in the message metadata", async () => {
    const [a, b] = [channel(), channel()];
    await queue("digest:a", a, "Your mentor accepted");
    await queue("digest:b", b, "Time for a check-in");
    const w = worker();

    expect(await w.drain()).toEqual({ sent: 2, "already-sent": 0, deferred: 0, retry: 0, failed: 0, held: 0 });
    expect(await w.drain()).toEqual({ sent: 0, "already-sent": 0, deferred: 0, retry: 0, failed: 0, held: 0 });

    expect(slack.messagesIn(a)).toEqual([
      expect.objectContaining({
        text: "Your mentor accepted",
        metadata: { event_type: "rounds_outbox", event_payload: { key: "digest:a" } },
      }),
    ]);
    expect(slack.messagesIn(b)).toEqual([
      expect.objectContaining({ text: "Time for a check-in", metadata: { event_type: "rounds_outbox", event_payload: { key: "digest:b" } } }),
    ]);
    const sent = await row("digest:a");
    expect(sent).toMatchObject({ status: "SENT", sentAt: clock, postedChannel: a, postedTs: slack.messagesIn(a)[0]!.ts, attempts: 1 });
  });

  it("sends a message addressed to a user into their DM", async () => {
    await queue("dm:1", "U0MENTEE", "Welcome to the program");
    await worker().drain();
    expect(slack.messagesIn("U0MENTEE").map((m) => m.text)).toEqual(["Welcome to the program"]);
    expect((await row("dm:1")).postedChannel).toBe("D-U0MENTEE");
  });

  it("holds a message until its notBefore", async () => {
    const to = channel();
    await enqueue(database.prisma, { workspaceId: TEAM, key: "later:1", channel: to, payload: { text: "later" }, notBefore: new Date(clock.getTime() + 3_600_000) });
    const w = worker();
    await w.drain();
    expect(postsTo(to)).toHaveLength(0);
    advance(3600);
    await w.drain();
    expect(slack.messagesIn(to).map((m) => m.text)).toEqual(["later"]);
  });

  it("on a 429 waits exactly as long as Retry-After says, then sends once", async () => {
    const to = channel();
    await queue("limited:1", to);
    const w = worker();
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 30 });

    expect(await w.drain()).toMatchObject({ retry: 1, sent: 0 });
    const waiting = await row("limited:1");
    expect(waiting).toMatchObject({ status: "PENDING", lastError: "rate_limited", claimedAt: null, attempts: 0 });
    expect(waiting.notBefore).toEqual(new Date(clock.getTime() + 30_000));

    advance(29);
    expect(await w.drain()).toMatchObject({ sent: 0, retry: 0 });
    expect(postsTo(to)).toHaveLength(1); // only the refused call

    advance(1);
    expect(await w.drain()).toMatchObject({ sent: 1 });
    expect(slack.messagesIn(to)).toHaveLength(1);
    expect((await row("limited:1")).status).toBe("SENT");
  });

  it("after a server error backs off, checks the channel (the post may have gone through), then sends once", async () => {
    const to = channel();
    await queue("flaky:1", to);
    const w = worker();
    slack.failNext("chat.postMessage", { status: 500 });

    expect(await w.drain()).toMatchObject({ retry: 1 });
    const waiting = await row("flaky:1");
    expect(waiting).toMatchObject({ status: "SENDING", claimedBy: null, attempts: 1 });
    expect(waiting.notBefore.getTime()).toBeGreaterThan(clock.getTime());
    expect(slack.messagesIn(to)).toHaveLength(0);

    advance(1);
    expect(await w.drain()).toMatchObject({ sent: 0, retry: 0 }); // still backing off
    clock = waiting.notBefore;
    expect(await w.drain()).toMatchObject({ sent: 1 });

    expect(slack.messagesIn(to)).toHaveLength(1);
    expect(postsTo(to)).toHaveLength(2);
    expect(slack.callsTo("conversations.history").filter((c) => c.args.channel === to)).toHaveLength(1);
    expect((await row("flaky:1")).status).toBe("SENT");
  });

  it("a send that timed out but reached Slack is found on the retry and not posted again", async () => {
    const to = channel();
    await queue("slow:1", to, "Your pairing for March");
    const impatient = new WebClient("xoxb-test-token", {
      slackApiUrl: slack.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 100,
    });
    slack.latencyMs = 400;
    try {
      expect(await worker({ clients: oneWorkspace(impatient) }).drain()).toMatchObject({ retry: 1 });
      await slack.waitFor(() => slack.messagesIn(to).length === 1); // Slack posted it after all
    } finally {
      slack.latencyMs = 0;
    }
    clock = (await row("slow:1")).notBefore;

    expect(await worker().drain()).toMatchObject({ "already-sent": 1, sent: 0 });

    expect(slack.messagesIn(to).map((m) => m.text)).toEqual(["Your pairing for March"]);
    expect(await row("slow:1")).toMatchObject({ status: "SENT", postedTs: slack.messagesIn(to)[0]!.ts });
  });

  it("gives up on a message after maxAttempts failures", async () => {
    const to = channel();
    await queue("doomed:1", to);
    const w = worker({ maxAttempts: 2 });
    slack.failNext("chat.postMessage", { status: 503, times: 2 });

    expect(await w.drain()).toMatchObject({ retry: 1 });
    clock = (await row("doomed:1")).notBefore;
    expect(await w.drain()).toMatchObject({ failed: 1 });
    expect(await row("doomed:1")).toMatchObject({ status: "FAILED", attempts: 2 });
  });

  it("a message that gave up after timeouts but reached Slack, put back in the queue (Try again), is found in the channel and not posted again", async () => {
    const to = channel();
    await queue("gaveup:1", to, "Journal club moved");
    const impatient = new WebClient("xoxb-test-token", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 100 });
    slack.latencyMs = 400;
    try {
      expect(await worker({ clients: oneWorkspace(impatient), maxAttempts: 1 }).drain()).toMatchObject({ failed: 1 });
      await slack.waitFor(() => slack.messagesIn(to).length === 1); // Slack posted it after all
    } finally {
      slack.latencyMs = 0;
    }
    expect(await row("gaveup:1")).toMatchObject({ status: "FAILED" });

    expect(await requeueFailed(database.prisma, TEAM, "gaveup:1", clock)).toBe(true);
    advance(1); // Try again is pressed after the failed send's paced second
    expect(await worker().drain()).toMatchObject({ "already-sent": 1, sent: 0 });

    expect(slack.messagesIn(to).map((m) => m.text)).toEqual(["Journal club moved"]);
    expect(await row("gaveup:1")).toMatchObject({ status: "SENT", postedTs: slack.messagesIn(to)[0]!.ts });
  });

  it("a refused message put back in the queue once Rounds can post there is sent once", async () => {
    const to = channel();
    await queue("refused:1", to, "Welcome back");
    slack.failNext("chat.postMessage", { error: "not_in_channel" });
    expect(await worker().drain()).toMatchObject({ failed: 1 });

    expect(await requeueFailed(database.prisma, TEAM, "refused:1", clock)).toBe(true);
    advance(1); // Try again is pressed after the failed send's paced second
    expect(await worker().drain()).toMatchObject({ sent: 1 });

    expect(slack.messagesIn(to).map((m) => m.text)).toEqual(["Welcome back"]);
    expect(await row("refused:1")).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("marks a message Slack refuses for good (channel_not_found) as failed and never retries it", async () => {
    const to = channel();
    await queue("gone:1", to);
    const w = worker();
    slack.failNext("chat.postMessage", { error: "channel_not_found" });

    expect(await w.drain()).toMatchObject({ failed: 1 });
    expect(await row("gone:1")).toMatchObject({ status: "FAILED", lastError: "channel_not_found" });
    advance(24 * 3600);
    await w.drain();
    expect(postsTo(to)).toHaveLength(1);
  });

  /** Leaves the row as a worker that crashed mid-send would: SENDING, claimed long ago. */
  const crashMidSend = async (key: string) => {
    await database.prisma.outboxMessage.update({
      where: { workspaceId_key: { workspaceId: TEAM, key } },
      data: { status: "SENDING", claimedAt: new Date(clock.getTime() - 10 * 60_000), claimedBy: "outbox-crashed", sentAt: null, postedChannel: null, postedTs: null },
    });
    advance(1); // recovery comes later than the crashed send's paced second
  };

  it("after a crash between posting and recording it, finds the message in the channel and does not post it again", async () => {
    const to = channel();
    await queue("crash:posted", to);
    await worker().drain();
    const posted = slack.messagesIn(to)[0]!;
    await crashMidSend("crash:posted");

    expect(await worker().drain()).toMatchObject({ "already-sent": 1, sent: 0 });

    expect(slack.messagesIn(to)).toHaveLength(1);
    expect(postsTo(to)).toHaveLength(1);
    expect(await row("crash:posted")).toMatchObject({ status: "SENT", postedChannel: to, postedTs: posted.ts });
  });

  it("after a crash before the message reached Slack, posts it exactly once", async () => {
    const to = channel();
    await queue("crash:lost", to);
    await crashMidSend("crash:lost");

    expect(await worker().drain()).toMatchObject({ sent: 1, "already-sent": 0 });
    expect(await worker().drain()).toMatchObject({ sent: 0 });

    expect(slack.messagesIn(to)).toHaveLength(1);
    expect(await row("crash:lost")).toMatchObject({ status: "SENT" });
  });

  describe("introductions (a group DM opened, then the message posted there)", () => {
    const people = () => [`U0I${String((n += 1)).padStart(4, "0")}`, `U0J${String(n).padStart(4, "0")}`];
    const groupOf = (users: string[]) => `G-${[...users].sort().join("-")}`;
    const introduce = (key: string, users: string[]) =>
      queueIntroduction(database.prisma, { workspaceId: TEAM, key, slackUserIds: users, message: { text: `Meet each other (${key})` }, matchId: null, groupId: null, notBefore: clock });

    it("opens the group DM with the members and posts the introduction there once", async () => {
      const users = people();
      expect(await introduce("intro:once", users)).toBe(true);
      expect(await introduce("intro:once", users)).toBe(false);
      expect(await worker().drain()).toMatchObject({ sent: 1 });
      expect(await worker().drain()).toMatchObject({ sent: 0 });
      expect(slack.callsTo("conversations.open").filter((c) => c.args.users === users.join(","))).toHaveLength(1);
      expect(slack.messagesIn(groupOf(users)).map((m) => m.text)).toEqual(["Meet each other (intro:once)"]);
      expect(await row("intro:once")).toMatchObject({ status: "SENT", postedChannel: groupOf(users) });
    });

    it("after a crash between opening the group DM and posting, opens the same DM again and posts once", async () => {
      const users = people();
      await introduce("intro:opened", users);
      await client.conversations.open({ users: users.join(",") }); // the crashed sender got this far
      await crashMidSend("intro:opened");
      expect(await worker().drain()).toMatchObject({ sent: 1, "already-sent": 0 });
      expect(slack.messagesIn(groupOf(users))).toHaveLength(1);
    });

    it("after a crash between posting and recording it, finds the introduction in the group DM and does not post it again", async () => {
      const users = people();
      await introduce("intro:posted", users);
      await worker().drain();
      await crashMidSend("intro:posted");
      expect(await worker().drain()).toMatchObject({ "already-sent": 1, sent: 0 });
      expect(slack.messagesIn(groupOf(users))).toHaveLength(1);
      expect(await row("intro:posted")).toMatchObject({ status: "SENT", postedChannel: groupOf(users) });
    });

    it("a 429 on opening the group DM waits Retry-After, then introduces once", async () => {
      const users = people();
      await introduce("intro:limited", users);
      slack.failNext("conversations.open", { status: 429, retryAfter: 3 });
      expect(await worker().drain()).toMatchObject({ retry: 1 });
      expect(slack.messagesIn(groupOf(users))).toHaveLength(0);
      advance(3);
      expect(await worker().drain()).toMatchObject({ sent: 1 });
      expect(slack.messagesIn(groupOf(users))).toHaveLength(1);
    });
  });

  it("recovers a DM left mid-send by looking in the DM conversation", async () => {
    await queue("crash:dm", "U0CRASHDM", "Your check-in");
    await worker().drain();
    await crashMidSend("crash:dm");

    expect(await worker().drain()).toMatchObject({ "already-sent": 1 });
    expect(slack.messagesIn("U0CRASHDM")).toHaveLength(1);
    expect(slack.callsTo("conversations.history").some((c) => c.args.channel === "D-U0CRASHDM")).toBe(true);
  });

  it("after a crash, a rate-limited look into the channel is retried later, never skipped", async () => {
    const to = channel();
    await queue("crash:limited", to);
    await worker().drain();
    await crashMidSend("crash:limited");
    slack.failNext("conversations.history", { status: 429, retryAfter: 20 });

    expect(await worker().drain()).toMatchObject({ retry: 1 });
    expect(await row("crash:limited")).toMatchObject({ status: "SENDING", claimedBy: null, lastError: "rate_limited" });
    advance(20);
    expect(await worker().drain()).toMatchObject({ "already-sent": 1, sent: 0 });

    expect(slack.messagesIn(to)).toHaveLength(1);
    expect(postsTo(to)).toHaveLength(1);
  });

  it("leaves alone a message another worker is sending right now", async () => {
    const to = channel();
    await queue("busy:1", to);
    await database.prisma.outboxMessage.update({
      where: { workspaceId_key: { workspaceId: TEAM, key: "busy:1" } },
      data: { status: "SENDING", claimedAt: new Date(clock.getTime() - 5_000), claimedBy: "outbox-other" },
    });

    expect(await worker().drain()).toEqual({ sent: 0, "already-sent": 0, deferred: 0, retry: 0, failed: 0, held: 0 });
    expect(postsTo(to)).toHaveLength(0);
    expect((await row("busy:1")).claimedBy).toBe("outbox-other");
  });

  it("a conversation that just had a message waits its second without holding up messages to others", async () => {
    const [busy, other] = [channel(), channel()];
    await queue("busy:1", busy, "first");
    await queue("busy:2", busy, "second");
    await queue("other:1", other, "to someone else");
    const w = worker();
    expect(await w.drain()).toMatchObject({ sent: 2, deferred: 1, retry: 0 });
    expect(slack.messagesIn(other).map((m) => m.text)).toEqual(["to someone else"]);
    expect(slack.messagesIn(busy).map((m) => m.text)).toEqual(["first"]);
    const waiting = await row("busy:2");
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 0, claimedBy: null });
    expect(waiting.notBefore.getTime() - clock.getTime()).toBeGreaterThan(0);
    expect(waiting.notBefore.getTime() - clock.getTime()).toBeLessThanOrEqual(1000);

    advance(1); // the conversation's second has passed
    expect(await w.drain()).toMatchObject({ sent: 1, deferred: 0 });
    expect(slack.messagesIn(busy).map((m) => m.text)).toEqual(["first", "second"]);
  });

  it("two workers draining the same 50 messages at once post each exactly once", async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `bulk:${i}`);
    const channels = keys.map(() => channel());
    for (const [i, key] of keys.entries()) await queue(key, channels[i]!);

    const [one, two] = await Promise.all([worker().drain(), worker().drain()]);

    expect(one.sent + two.sent).toBe(50);
    const posted = channels.flatMap((c) => slack.messagesIn(c));
    expect(posted).toHaveLength(50);
    expect(new Set(posted.map((m) => m.metadata?.event_payload.key)).size).toBe(50);
    expect(await database.prisma.outboxMessage.count({ where: { key: { in: keys }, status: "SENT" } })).toBe(50);
  });

  it("a check-in the job queued as its card is posted as its full message; one queued as Block Kit by an earlier release is posted as it was", async () => {
    const [card, escalation, old] = [channel(), channel(), channel()];
    // As the check-in job queues (one insert of the page's rows); the expected messages are what it queued before it queued cards.
    const message = (key: string, to: string, payload: Record<string, unknown>) => ({ workspaceId: TEAM, key, channel: to, payload, notBefore: clock });
    await runBatchOnce(database.prisma, "checkins", TEAM, [
      { runKey: "checkin:card", messages: [message("checkin:card", card, queuedCheckinAsk(CHECKIN_CARDS.checkin.card))] },
      { runKey: "escalate:card", messages: [message("escalate:card:dir", escalation, queuedEscalation(CHECKIN_CARDS.escalationBothAsked.card))] },
    ], clock);
    // A row a release before this one queued, still waiting when the new release starts.
    await enqueue(database.prisma, message("checkin:old", old, { ...checkinMessagesBefore.reminder }));

    expect(await worker().drain()).toMatchObject({ sent: 3, failed: 0 });
    const posted = (to: string) => slack.messagesIn(to).map((m) => ({ text: m.text, blocks: m.blocks }));
    expect(posted(card)).toEqual([checkinMessagesBefore.checkin]);
    expect(posted(escalation)).toEqual([checkinMessagesBefore.escalationBothAsked]);
    expect(posted(old)).toEqual([checkinMessagesBefore.reminder]);
  });
});
