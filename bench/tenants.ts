/**
 * npm run bench:tenants — Rounds installed in many workspaces (distributed mode).
 *
 * Seeds 50 workspaces (--workspaces), each installed through oauth.v2.access on the Slack stand-in
 * with its own bot token (sealed in the database), each with 200 active pairs (--pairs) whose monthly
 * check-in is due. One workspace is busy: --backlog DMs (an announcement's fan-out) were queued for it
 * before the check-ins. Then measures:
 *   1. one run of the check-in job deciding and queueing every workspace's check-ins;
 *   2. delivery by two outbox instances on PostgreSQL (one on SQLite), each workspace paced at OUTBOX_RATE_PER_SECOND (--rate,
 *      default 4, the app's default) on its own, every send made with its own workspace's token (the
 *      stand-in refuses any other): when each workspace's last check-in arrived, so a busy tenant
 *      is seen not to hold up the others, and the fastest rate any workspace saw in any one second.
 *
 *   npm run bench:tenants -- [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--workspaces 50] [--pairs 200] [--backlog 200] [--rate 4]
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { FakeSlack } from "../src/slack/standin/server.js";
import { createTestDatabase } from "../test/support/databases.js";
import { connect, openDatabase } from "../src/store/database.js";
import { queueDueCheckins } from "../src/features/checkins/checkins.js";
import { OutboxWorker } from "../src/slack/outbox.js";
import { enqueue } from "../src/store/outbox.js";
import { createLogger } from "../src/logger.js";
import { prismaInstallationStore } from "../src/slack/tenancy/installationStore.js";
import { roundsInstaller } from "../src/slack/tenancy/installer.js";
import { installedWorkspaces } from "../src/slack/tenancy/clients.js";
import { meteredWebClient } from "../src/metrics/slackApi.js";
import type { OAuthConfig } from "../src/config.js";

const { values } = parseArgs({
  options: {
    postgres: { type: "string" },
    workspaces: { type: "string", default: "50" },
    pairs: { type: "string", default: "200" },
    backlog: { type: "string", default: "200" },
    rate: { type: "string", default: "4" },
  },
});
const WORKSPACES = Number(values.workspaces);
const PAIRS = Number(values.pairs);
const BACKLOG = Number(values.backlog);
const RATE = Number(values.rate);
const DAY = 86_400_000;
const now = new Date(); // check-ins go out at 10:00 in the recipient's zone: everyone is in a zone where that has passed
const progress = (what: string) => process.stderr.write(`  … ${what}\n`);

if (values.postgres) process.env.TEST_DATABASE_URL = values.postgres;
const scratch = await createTestDatabase(values.postgres ? "postgresql" : "sqlite");
const provider = values.postgres ? "PostgreSQL" : "SQLite";
const { db: database } = await openDatabase(scratch.url);
const prisma = database.prisma;
const slack = await new FakeSlack().start();
slack.latencyMs = 2;
const oauth: OAuthConfig = {
  clientId: slack.tenants.clientId,
  clientSecret: slack.tenants.clientSecret,
  stateSecret: "bench-state-secret",
  tokenKeys: { current: randomBytes(32), old: [] },
  retentionDays: 30,
};
// A zone where 10:00 today has passed, so every check-in is due now.
const zone = ["Pacific/Kiritimati", "Asia/Tokyo", "Asia/Kolkata", "Europe/London", "America/New_York", "America/Los_Angeles", "Pacific/Pago_Pago"].find(
  (z) => Number(new Intl.DateTimeFormat("en-GB", { timeZone: z, hour: "numeric", hourCycle: "h23" }).format(now)) >= 11,
)!;

// ---- seed: install every workspace, then its people and pairs ------------------------------------
const seedStart = performance.now();
const store = prismaInstallationStore(prisma, oauth.tokenKeys);
const teams = Array.from({ length: WORKSPACES }, (_, w) => `T0W${String(w).padStart(3, "0")}`);
for (const team of teams) {
  for (let i = 0; i < PAIRS; i++) {
    slack.addUser({ id: `U${team}M${i}`, teamId: team, name: `Mentor ${i}`, tz: zone });
    slack.addUser({ id: `U${team}T${i}`, teamId: team, name: `Trainee ${i}`, tz: zone });
  }
  const code = slack.tenants.authorize({ teamId: team, teamName: `Hospital ${team}`, installerUserId: `U${team}M0` });
  const answer = slack.tenants.exchange({ client_id: oauth.clientId, client_secret: oauth.clientSecret, code }, null) as { access_token: string; bot_user_id: string };
  await store.storeInstallation({
    team: { id: team, name: `Hospital ${team}` },
    enterprise: undefined,
    user: { id: `U${team}M0`, token: undefined, scopes: undefined },
    bot: { token: answer.access_token, scopes: ["chat:write"], id: `B${team}`, userId: answer.bot_user_id },
    tokenType: "bot",
    isEnterpriseInstall: false,
    authVersion: "v2",
  });
  await prisma.workspace.create({ data: { id: team, name: `Hospital ${team}` } });
  const program = await prisma.program.create({ data: { workspaceId: team, name: "Fellowship", checkinCadence: "MONTHLY", timezone: zone } });
  const people = Array.from({ length: PAIRS }, (_, i) => [
    { id: `${team}m${i}`, workspaceId: team, slackUserId: `U${team}M${i}`, name: `Mentor ${i}`, tz: zone, refreshedAt: now },
    { id: `${team}t${i}`, workspaceId: team, slackUserId: `U${team}T${i}`, name: `Trainee ${i}`, tz: zone, refreshedAt: now },
  ]).flat();
  await prisma.member.createMany({ data: people });
  await prisma.match.createMany({
    data: Array.from({ length: PAIRS }, (_, i) => ({
      workspaceId: team,
      programId: program.id,
      traineeId: `${team}t${i}`,
      mentorId: `${team}m${i}`,
      role: "mentor",
      // Started 40 days ago, introduced then: this month's check-in is due, nothing else is.
      startedAt: new Date(now.getTime() - 40 * DAY),
      introChannelId: `G${team}${i}`,
    })),
  });
}
// The busy workspace: an announcement's DMs queued before the check-ins, each to its own person.
const BUSY = teams[0]!;
for (let i = 0; i < BACKLOG; i++) {
  await enqueue(prisma, { workspaceId: BUSY, key: `bench-backlog:${i}`, channel: `U${BUSY}T${i % PAIRS}`, payload: { text: `Program news ${i}` }, notBefore: now });
}
progress(`seeded ${WORKSPACES} workspaces × ${PAIRS} pairs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

// ---- decide and queue ----------------------------------------------------------------------------
const q0 = performance.now();
const result = await queueDueCheckins(prisma, { now, sendFrom: now });
const queueMs = performance.now() - q0;
const queued = await prisma.outboxMessage.count({ where: { NOT: { key: { startsWith: "bench-backlog" } } } });
progress(`queued ${queued} check-ins in ${(queueMs / 1000).toFixed(2)} s`);

// ---- deliver: two instances, each workspace with its own token and its own pace -----------------
const logger = createLogger("silent");
// Two instances on PostgreSQL; on SQLite one (README: one instance per SQLite file).
const second = values.postgres ? connect(scratch.url) : null;
const workers = [prisma, ...(second ? [second.prisma] : [])].map((db) => {
  const installer = roundsInstaller(db, oauth, slack.apiUrl);
  const clients = installedWorkspaces(db, installer, (token) =>
    meteredWebClient("outbox", token, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 30_000 }),
  );
  return new OutboxWorker({ db, clients, logger, ratePerSecond: RATE, reclaimAfterMs: 60_000, batchSize: 100, concurrency: 16 });
});
const d0 = Date.now();
const pending = () => prisma.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
for (const w of workers) w.start(200);
for (let tick = 0; (await pending()) > 0; tick++) {
  await new Promise((r) => setTimeout(r, 500));
  if (tick % 20 === 19) progress(`delivering: ${await pending()} left after ${((Date.now() - d0) / 1000).toFixed(0)} s`);
  if (tick % 20 === 19 && process.env.BENCH_DEBUG) progress(JSON.stringify(await prisma.outboxMessage.findMany({ where: { status: { in: ["PENDING", "SENDING"] } }, select: { key: true, status: true, claimedBy: true, notBefore: true, attempts: true, lastError: true, heldAt: true }, take: 3 })));
}
const deliverSeconds = (Date.now() - d0) / 1000;
for (const w of workers) await w.stop();

// When each workspace's last check-in arrived, and the most messages any workspace got in one second.
const posts = slack.acceptedCallsTo("chat.postMessage");
const finished = new Map<string, number>();
const perSecond = new Map<string, number>();
let wrongToken = 0;
for (const c of posts) {
  const channel = String(c.args.channel);
  const team = /^U(T0W\d{3})/.exec(channel)?.[1];
  if (!team) continue;
  if (!slack.tenants.tokensOf(team).includes(c.token ?? "")) wrongToken += 1;
  const key = String((c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? "");
  if (!key.startsWith("bench-backlog")) finished.set(team, Math.max(finished.get(team) ?? 0, c.at - d0));
  const second = `${team}:${Math.floor((c.at - d0) / 1000)}`;
  perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
}
const quiet = teams.slice(1).map((t) => finished.get(t) ?? NaN).sort((a, b) => a - b);
const pct = (list: number[], p: number) => list[Math.min(list.length - 1, Math.floor(p * list.length))]!;
const sent = await prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });

console.log(`\nbench:tenants — ${WORKSPACES} workspaces installed with OAuth, ${PAIRS} active pairs each, ${provider}; ${BUSY} busy with ${BACKLOG} DMs queued first; ${RATE} messages/s per workspace`);
console.log(`  check-in job, one run over every workspace: ${(queueMs / 1000).toFixed(2)} s — ${result.checkins} check-ins decided and queued (${queued} outbox rows)`);
console.log(`  delivery by ${workers.length} outbox instance${workers.length > 1 ? "s" : ""}: everything out in ${deliverSeconds.toFixed(1)} s; rows ${JSON.stringify(Object.fromEntries(sent.map((s) => [s.status, s._count._all])))}`);
console.log(`    each quiet workspace's last check-in arrived after: p50 ${(pct(quiet, 0.5) / 1000).toFixed(1)} s, max ${(quiet.at(-1)! / 1000).toFixed(1)} s (${PAIRS} at ${RATE}/s takes ${(PAIRS / RATE).toFixed(0)} s at best)`);
console.log(`    the busy workspace's last check-in: ${((finished.get(BUSY) ?? NaN) / 1000).toFixed(1)} s (${PAIRS + BACKLOG} messages)`);
console.log(`    most messages into one workspace in any one second: ${Math.max(...perSecond.values())}; sends with another workspace's token: ${wrongToken}; refused by the stand-in: ${slack.refused.length}`);

await slack.stop();
await second?.close();
await database.close();
await scratch.drop();
