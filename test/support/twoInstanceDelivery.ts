import { connect, type Database } from "../../src/store/database.js";
import { startApp, type AppProcess } from "./appProcess.js";
import { createTestDatabase, type TestDatabase } from "./databases.js";
import { FakeSlack, type Flaky } from "../../src/slack/standin/server.js";
import { runJob } from "./jobRunner.js";

/**
 * Two instances of Rounds on one PostgreSQL database, delivering an announcement with "also DM
 * every member" through a fake Slack that answers slowly and now and then fails; optionally one
 * instance is killed (SIGKILL) mid-way. Shared by test/e2e/deliveryTwoInstances.test.ts and
 * bench/delivery.ts, which report what it measures.
 */
export interface DeliveryWorld {
  slack: FakeSlack;
  database: TestDatabase;
  db: Database;
  apps: AppProcess[];
  env: Record<string, string>;
}

export const DELIVERY_TEAM = "T0DELIVER";
export const ANNOUNCE_CHANNEL = "C0ANNOUNCE";
export const memberId = (i: number) => `U0M${String(i).padStart(5, "0")}`;

export async function startTwoInstances(env: Record<string, string>, adminUrl?: string): Promise<DeliveryWorld> {
  if (adminUrl) process.env.TEST_DATABASE_URL = adminUrl;
  const slack = await new FakeSlack().start();
  const database = await createTestDatabase("postgresql");
  const first = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env });
  const second = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env });
  return { slack, database, db: connect(database.url), apps: [first, second], env };
}

export async function stopDeliveryWorld(w: Partial<DeliveryWorld>): Promise<void> {
  await w.db?.close();
  for (const app of w.apps ?? []) await app.stop("SIGKILL");
  await w.slack?.stop();
  await w.database?.drop();
}

/** A program of `members` trainees and a due announcement to them all, with "also DM every member". */
export async function seedAnnouncement(w: DeliveryWorld, members: number, text: string): Promise<string> {
  const prisma = w.db.prisma;
  await prisma.workspace.upsert({ where: { id: DELIVERY_TEAM }, create: { id: DELIVERY_TEAM }, update: {} });
  const programId = (await prisma.program.create({ data: { workspaceId: DELIVERY_TEAM, name: `Program for ${text}` } })).id;
  const existing = new Map((await prisma.member.findMany({ where: { workspaceId: DELIVERY_TEAM } })).map((m) => [m.slackUserId, m.id]));
  const rows = Array.from({ length: members }, (_, i) => memberId(i)).filter((id) => !existing.has(id));
  await prisma.member.createMany({ data: rows.map((slackUserId) => ({ workspaceId: DELIVERY_TEAM, slackUserId, name: `Member ${slackUserId}`, tz: "UTC", refreshedAt: new Date() })) });
  for (const m of await prisma.member.findMany({ where: { workspaceId: DELIVERY_TEAM } })) existing.set(m.slackUserId, m.id);
  await prisma.enrollment.createMany({
    data: Array.from({ length: members }, (_, i) => ({ workspaceId: DELIVERY_TEAM, programId, memberId: existing.get(memberId(i))!, role: "TRAINEE" as const })),
  });
  for (let i = 0; i < members; i++) w.slack.addUser({ id: memberId(i), teamId: DELIVERY_TEAM, name: `Member ${i}`, tz: "UTC" });
  const a = await prisma.announcement.create({
    data: { workspaceId: DELIVERY_TEAM, programId, cohortIds: [], channelId: ANNOUNCE_CHANNEL, text, alsoDm: true, postAt: new Date(Date.now() - 1000), createdById: "U0DIRECTOR" },
  });
  return a.id;
}

/** The outbox worker id an instance logged at start. */
export function workerOf(app: AppProcess): string {
  const m = /"worker":"(outbox-[0-9a-f]+)"/.exec(app.output());
  if (!m) throw new Error(`no "outbox started" line in the app's log:\n${app.output().slice(0, 2000)}`);
  return m[1]!;
}

export interface DeliveryReport {
  members: number;
  /** From handing the announcement over (job run) to the last member DM recorded as sent. */
  deliveredMs: number;
  /** Member DMs seen by Slack per member: each must be exactly 1. */
  dmsPerMember: number[];
  channelPosts: number;
  /** Slack's flaky answers during the run. */
  rateLimited: number;
  internalErrors: number;
  killed?: {
    /** Rows the killed instance held at the moment it died (its sends in flight). */
    inFlight: number;
    /** Rows not sent yet and not held by it: never attempted by it. */
    neverAttempted: number;
    /** Conversations read back (conversations.history) after the kill, each counted once. */
    readBacks: number;
    /** Internal errors after the kill (each may need one read-back of its own). */
    internalErrorsAfter: number;
    /** From the kill to the first, and to the last, never-attempted row sent. */
    neverAttemptedFirstMs: number;
    neverAttemptedDoneMs: number;
    /** From the kill to the last row sent (the in-flight ones wait out the reclaim window). */
    allDoneMs: number;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Hands the announcement over (`cli job run announcements`), lets both instances deliver, kills the
 * first with SIGKILL once `killAfterDms` member DMs are out (if given), and waits until every DM is
 * sent. Fails (throws) after `timeoutMs`.
 */
export async function deliverAnnouncement(
  w: DeliveryWorld,
  announcementId: string,
  members: number,
  o: { flaky: Flaky; killAfterDms?: number; timeoutMs: number },
): Promise<DeliveryReport> {
  const { slack, db } = w;
  slack.flaky = o.flaky;
  const flakyBefore = { ...slack.flakyAnswers };
  const start = Date.now();
  const run = await runJob({ databaseUrl: w.database.url, slackApiUrl: slack.apiUrl }, "announcements");
  if (run.code !== 0) throw new Error(`job run announcements failed:\n${run.out}`);
  const dmKey = `announcement-dm:${announcementId}:`;
  const rowsSent = () => db.prisma.outboxMessage.count({ where: { workspaceId: DELIVERY_TEAM, key: { startsWith: dmKey }, status: "SENT" } });
  const deadline = Date.now() + o.timeoutMs;
  let killed: DeliveryReport["killed"];
  if (o.killAfterDms !== undefined) {
    while ((await rowsSent()) < o.killAfterDms) {
      if (Date.now() > deadline) throw new Error("timed out before the kill");
      await sleep(20);
    }
    const victim = w.apps[0]!;
    const victimWorker = workerOf(victim);
    await victim.stop("SIGKILL");
    const killedAt = Date.now();
    const historyBefore = slack.callsTo("conversations.history").length;
    const errorsBefore = slack.flakyAnswers.internalError;
    const rows = await db.prisma.outboxMessage.findMany({ where: { workspaceId: DELIVERY_TEAM, key: { startsWith: dmKey } } });
    const inFlight = new Set(rows.filter((r) => r.status === "SENDING" && r.claimedBy === victimWorker).map((r) => r.id));
    const neverAttempted = new Set(rows.filter((r) => r.status !== "SENT" && !inFlight.has(r.id)).map((r) => r.id));
    let neverAttemptedDoneMs = -1;
    let neverAttemptedFirstMs = -1;
    for (;;) {
      const sent = new Set((await db.prisma.outboxMessage.findMany({ where: { workspaceId: DELIVERY_TEAM, key: { startsWith: dmKey }, status: "SENT" }, select: { id: true } })).map((r) => r.id));
      if (neverAttemptedFirstMs < 0 && [...neverAttempted].some((id) => sent.has(id))) neverAttemptedFirstMs = Date.now() - killedAt;
      if (neverAttemptedDoneMs < 0 && [...neverAttempted].every((id) => sent.has(id))) neverAttemptedDoneMs = Date.now() - killedAt;
      if (sent.size === members) break;
      if (Date.now() > deadline) throw new Error(`timed out after the kill: ${sent.size} of ${members} sent`);
      await sleep(50);
    }
    killed = {
      inFlight: inFlight.size,
      neverAttempted: neverAttempted.size,
      // Conversations looked up, not calls: a lookup Slack answered with a 429 is made again.
      readBacks: new Set(slack.callsTo("conversations.history").slice(historyBefore).map((c) => c.args.channel)).size,
      internalErrorsAfter: slack.flakyAnswers.internalError - errorsBefore,
      neverAttemptedFirstMs,
      neverAttemptedDoneMs,
      allDoneMs: Date.now() - killedAt,
    };
  } else {
    while ((await rowsSent()) < members) {
      if (Date.now() > deadline) throw new Error(`timed out: ${await rowsSent()} of ${members} sent`);
      await sleep(50);
    }
  }
  const lastSent = await db.prisma.outboxMessage.findFirst({ where: { workspaceId: DELIVERY_TEAM, key: { startsWith: dmKey } }, orderBy: { sentAt: "desc" } });
  await sleep(1500); // one more poll of the surviving instance(s): nothing more may arrive
  slack.flaky = null;
  const dmsPerMember = Array.from({ length: members }, (_, i) => slack.messagesIn(memberId(i)).filter((m) => String(m.metadata?.event_payload.key ?? "").startsWith(dmKey)).length);
  const channelPosts = slack.messagesIn(ANNOUNCE_CHANNEL).filter((m) => m.metadata?.event_payload.key === `announcement:${announcementId}`).length;
  return {
    members,
    deliveredMs: (lastSent?.sentAt?.getTime() ?? Date.now()) - start,
    dmsPerMember,
    channelPosts,
    rateLimited: slack.flakyAnswers.rateLimited - flakyBefore.rateLimited,
    internalErrors: slack.flakyAnswers.internalError - flakyBefore.internalError,
    ...(killed ? { killed } : {}),
  };
}
