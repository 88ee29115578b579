/**
 * npm run bench:checkins — the check-in job over 10,000 active matches.
 *
 * Seeds a fresh database (SQLite by default; a fresh PostgreSQL database with --postgres URL) with
 * 10,000 active matches across 3 programs (monthly, every 2 weeks, quarterly; some pairs agreed
 * their own rhythm), people in 16 time zones (half- and quarter-hour offsets included), a
 * realistic check-in history, a few paused people and a program break; all with createMany.
 * Then measures:
 *   1. deciding what is due and queueing it (queueDueCheckins: load, plan, run keys + Checkin rows +
 *      outbox rows), the first run with everything due and a second run with nothing left to do;
 *   2. the pure plan (planCheckins) over the same matches, for comparison;
 *   3. delivery of everything queued by two outbox workers at once (two instances) to a fake Slack
 *      that answers 429 with Retry-After 1 s now and then: duplicates, lost messages and whether
 *      each refused message waited out its Retry-After.
 *
 *   npm run bench:checkins -- [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--matches 10000] [--rate 400] [--seed 42] [--page-size N]
 *
 * --page-size: matches per page of the job (default: the job's PAGE_SIZE).
 *
 * BENCH_QUEUE_ONLY=1 stops after step 1 (delivery of 12,000 messages paced at 1 a second per
 * conversation takes minutes); BENCH_DEBUG=1 prints a few waiting rows while delivering;
 * BENCH_PROFILE=file.cpuprofile writes a CPU profile of the first run.
 */
import { performance } from "node:perf_hooks";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { WebClient } from "@slack/web-api";
import { FakeSlack } from "../src/slack/standin/server.js";
import { createTestDatabase } from "../test/support/databases.js";
import { openDatabase, connect } from "../src/store/database.js";
import { activeMatchPage } from "../src/store/checkins.js";
import { queueDueCheckins } from "../src/features/checkins/checkins.js";
import { planCheckins } from "../src/domain/checkinPlan.js";
import { periodByIndex, periodIndexAt, type Cadence } from "../src/domain/cadence.js";
import { OutboxWorker, METADATA_EVENT_TYPE } from "../src/slack/outbox.js";
import { createLogger } from "../src/logger.js";
import { prng } from "./prng.js";
import { oneWorkspace } from "../src/slack/tenancy/clients.js";

const { values } = parseArgs({
  options: {
    postgres: { type: "string" },
    matches: { type: "string", default: "10000" },
    rate: { type: "string", default: "400" },
    seed: { type: "string", default: "42" },
    "page-size": { type: "string" },
  },
});
const MATCHES = Number(values.matches);
const RATE = Number(values.rate);
const BATCH = 1000;
const DAY = 86_400_000;
const random = prng(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const ZONES = [
  "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/St_Johns", "America/Sao_Paulo",
  "Europe/London", "Europe/Berlin", "Africa/Lagos", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Singapore",
  "Australia/Adelaide", "Australia/Lord_Howe", "Pacific/Chatham", "UTC",
];
const CADENCES: Cadence[] = ["WEEKLY", "BIWEEKLY", "MONTHLY", "BIMONTHLY", "QUARTERLY"];

if (values.postgres) process.env.TEST_DATABASE_URL = values.postgres;
const scratch = await createTestDatabase(values.postgres ? "postgresql" : "sqlite");
const provider = values.postgres ? "PostgreSQL" : "SQLite";
const { db: database } = await openDatabase(scratch.url);
const prisma = database.prisma;
const now = new Date("2026-03-04T15:00:00Z"); // a Wednesday: 10:00 has passed in most zones, not all
const chunks = async <T>(rows: T[], write: (slice: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
};

// ---- seed ---------------------------------------------------------------------------------------
const seedStart = performance.now();
const TEAM = "T0BENCHCI";
await prisma.workspace.create({ data: { id: TEAM, name: "Bench" } });
const programs = await Promise.all(
  [
    { name: "Hematology fellowship", checkinCadence: "MONTHLY" as const, timezone: "America/New_York" },
    { name: "Residency GME", checkinCadence: "BIWEEKLY" as const, timezone: "America/Chicago", checkinAlsoTrainee: true },
    { name: "Faculty development", checkinCadence: "QUARTERLY" as const, timezone: "Europe/London", breaks: [{ from: "2025-12-22", to: "2026-01-02" }] },
  ].map((p) => prisma.program.create({ data: { workspaceId: TEAM, ...p } })),
);
const MENTORS = Math.ceil(MATCHES / 2.5);
const members = [
  ...Array.from({ length: MENTORS }, (_, i) => ({ id: `m${i}`, slackUserId: `UM${i}` })),
  ...Array.from({ length: MATCHES }, (_, i) => ({ id: `t${i}`, slackUserId: `UT${i}` })),
].map((m) => ({
  ...m,
  workspaceId: TEAM,
  name: `Person ${m.id}`,
  tz: pick(ZONES),
  refreshedAt: now,
  ...(random() < 0.03 ? { pausedAt: new Date(now.getTime() - 20 * DAY) } : {}),
}));
await chunks(members, (data) => prisma.member.createMany({ data }));
const matches = Array.from({ length: MATCHES }, (_, i) => {
  const program = programs[i % 3]!;
  return {
    id: `match${String(i).padStart(6, "0")}`,
    workspaceId: TEAM,
    programId: program.id,
    traineeId: `t${i}`,
    mentorId: `m${i % MENTORS}`,
    role: "mentor",
    cadence: random() < 0.3 ? pick(CADENCES) : null,
    startedAt: new Date(now.getTime() - (20 + random() * 380) * DAY - random() * DAY),
  };
});
await chunks(matches, (data) => prisma.match.createMany({ data }));
// History: every period before the last one was asked about; most pairs met, a few are stuck.
const history: { workspaceId: string; matchId: string; periodKey: string; recipient: string; sentAt: Date; answer: "MET" | "SCHEDULED" | "NOT_YET" | null; answeredAt: Date | null }[] = [];
for (const [i, m] of matches.entries()) {
  const cadence = m.cadence ?? programs[i % 3]!.checkinCadence;
  const timeline = { startedAt: m.startedAt, cadence };
  const stuck = random() < 0.01;
  for (let k = 0; k < periodIndexAt(timeline, now) - 1; k++) {
    const p = periodByIndex(timeline, k);
    const answer = stuck ? (random() < 0.5 ? "NOT_YET" : null) : random() < 0.8 ? "MET" : random() < 0.5 ? "SCHEDULED" : null;
    const sentAt = new Date(p.end.getTime() + DAY);
    history.push({ workspaceId: TEAM, matchId: m.id, periodKey: p.key, recipient: "mentor", sentAt, answer, answeredAt: answer ? new Date(sentAt.getTime() + DAY) : null });
  }
}
await chunks(history, (data) => prisma.checkin.createMany({ data }));
const directors = Array.from({ length: 3 }, (_, i) => ({ id: `d${i}`, workspaceId: TEAM, slackUserId: `UD${i}`, name: `Director ${i}`, tz: "UTC", refreshedAt: now }));
await prisma.member.createMany({ data: directors });
await prisma.enrollment.createMany({ data: directors.map((d, i) => ({ workspaceId: TEAM, programId: programs[i]!.id, memberId: d.id, role: "DIRECTOR" as const })) });
const seedSeconds = (performance.now() - seedStart) / 1000;
const progress = (what: string) => process.stderr.write(`  … ${what}\n`);
progress(`seeded in ${seedSeconds.toFixed(1)} s`);

// ---- decide and queue ----------------------------------------------------------------------------
// The pure plan first, on the matches as the job loads them (before anything is queued).
const rows = [];
for (let after: string | null = null; ; ) {
  const page = await activeMatchPage(prisma, TEAM, after, 1000);
  if (!page.length) break;
  rows.push(...page);
  after = page.at(-1)!.plan.matchId;
}
const t2 = performance.now();
const pureActions = planCheckins(now, rows.map((r) => r.plan));
const pureMs = performance.now() - t2;
// CPU time beside wall time: on a shared machine the wall time also counts waiting for a core.
const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};
// BENCH_PROFILE=file.cpuprofile: a CPU profile of the first run alone (open it in Chrome DevTools).
const profiler = process.env.BENCH_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.start");
}
const t0 = performance.now();
const c0 = process.cpuUsage();
const jobOptions = values["page-size"] ? { pageSize: Number(values["page-size"]) } : {};
const first = await queueDueCheckins(prisma, { now, sendFrom: now }, jobOptions);
const firstMs = performance.now() - t0;
const firstCpuMs = cpuMs(c0);
if (profiler) {
  const { profile } = await profiler.post("Profiler.stop");
  writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
  profiler.disconnect();
}
progress(`first run ${(firstMs / 1000).toFixed(2)} s: ${JSON.stringify(first)}`);
const t1 = performance.now();
const c1 = process.cpuUsage();
const second = await queueDueCheckins(prisma, { now, sendFrom: now }, jobOptions);
const secondMs = performance.now() - t1;
const secondCpuMs = cpuMs(c1);

const queued = await prisma.outboxMessage.count();
// What the first run wrote into the outbox's payloads (JSON text), all of which went through Prisma into the database.
const [sum] = await prisma.$queryRawUnsafe<{ bytes: bigint | number | null }[]>(
  values.postgres ? `SELECT sum(length("payload"::text))::bigint AS "bytes" FROM "OutboxMessage"` : `SELECT sum(length("payload")) AS "bytes" FROM "OutboxMessage"`,
);
const payloadMb = Number(sum?.bytes ?? 0) / 1e6;

const header = `\nbench:checkins — ${MATCHES} active matches, 3 programs, ${ZONES.length} time zones, ${history.length} past check-ins, ${provider} (seeded in ${seedSeconds.toFixed(1)} s, seed ${values.seed})`;
const queueLines = [
  `  decide + queue, first run:  ${(firstMs / 1000).toFixed(2)} s (cpu ${(firstCpuMs / 1000).toFixed(2)} s) — ${first.checkins} check-ins, ${first.reminders} reminders, ${first.escalations} escalations, ${first.asks} stay/pause/leave questions (${queued} outbox messages, ${payloadMb.toFixed(1)} MB of payload JSON)`,
  `  decide + queue, second run: ${(secondMs / 1000).toFixed(2)} s (cpu ${(secondCpuMs / 1000).toFixed(2)} s) — ${second.checkins + second.reminders + second.escalations + second.asks} actions (nothing left to do)`,
  `  pure planCheckins over ${rows.length} loaded matches: ${pureMs.toFixed(0)} ms (${pureActions.length} actions, agenda prompts included, which the job leaves to the agenda feature)`,
];
if (process.env.BENCH_QUEUE_ONLY) {
  console.log([header, ...queueLines, "  (delivery not run: BENCH_QUEUE_ONLY)"].join("\n"));
  await database.close();
  await scratch.drop();
  process.exit(0);
}
progress("planned; delivering");
// ---- deliver -----------------------------------------------------------------------------------
const slack = await new FakeSlack().start();
slack.latencyMs = 2;
const logger = createLogger("silent");
const client = () => new WebClient("xoxb-bench", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 30_000 });
const second_db = connect(scratch.url);
const workers = [prisma, second_db.prisma].map((db) => new OutboxWorker({ db, clients: oneWorkspace(client()), logger, ratePerSecond: RATE, reclaimAfterMs: 60_000, batchSize: 50, concurrency: 8 }));
let injected = 0;
// One 429 (Retry-After 1 s) every half second, for about one message in a hundred.
const injector = setInterval(() => {
  if (injected >= Math.ceil(queued / 100)) return;
  slack.failNext("chat.postMessage", { status: 429, retryAfter: 1, times: 1 });
  injected += 1;
}, 500);
const d0 = performance.now();
const pending = () => prisma.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
for (const w of workers) w.start(200);
for (let tick = 0; (await pending()) > 0; tick++) {
  await new Promise((r) => setTimeout(r, 250));
  if (tick % 20 === 19 && process.env.BENCH_DEBUG) progress(JSON.stringify(await prisma.outboxMessage.findMany({ where: { status: "PENDING" }, select: { key: true, channel: true, notBefore: true, attempts: true, lastError: true }, take: 3 })));
  if (tick % 20 === 19) progress(`delivering: ${JSON.stringify(await prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }))}`);
}
const deliverSeconds = (performance.now() - d0) / 1000;
clearInterval(injector);
for (const w of workers) await w.stop();

const posted = slack.allMessages().filter((m) => m.metadata?.event_type === METADATA_EVENT_TYPE);
const perKey = new Map<string, number>();
for (const m of posted) perKey.set(String(m.metadata!.event_payload.key), (perKey.get(String(m.metadata!.event_payload.key)) ?? 0) + 1);
const duplicates = [...perKey.values()].filter((n) => n > 1).length;
const keys = (await prisma.outboxMessage.findMany({ select: { key: true, status: true } }));
const lost = keys.filter((k) => !perKey.has(k.key)).length;
const failed = keys.filter((k) => k.status === "FAILED").length;
// Every call is recorded, 429s included: a key sent more than once was refused first, and each
// retry must come no sooner than the Retry-After (1 s) after the refusal.
const callsByKey = new Map<string, number[]>();
for (const c of slack.callsTo("chat.postMessage")) {
  const key = String((c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key);
  callsByKey.set(key, [...(callsByKey.get(key) ?? []), c.at]);
}
let refused = 0;
let early = 0;
let minWaitMs = Infinity;
for (const times of callsByKey.values()) {
  for (let i = 1; i < times.length; i++) {
    refused += 1;
    const wait = times[i]! - times[i - 1]!;
    minWaitMs = Math.min(minWaitMs, wait);
    if (wait < 1000) early += 1;
  }
}

console.log([header, ...queueLines].join("\n"));
console.log(`  delivery by 2 outbox workers at ${RATE}/s in all, 429 (Retry-After 1 s) injected ${injected} times: ${deliverSeconds.toFixed(1)} s`);
console.log(`    posted ${posted.length} of ${keys.length} queued: ${duplicates} duplicates, ${lost} lost, ${failed} failed`);
console.log(`    ${refused} sends refused with 429 and retried; ${early} retried sooner than Retry-After (shortest wait ${Number.isFinite(minWaitMs) ? `${minWaitMs} ms` : "n/a"})`);

await slack.stop();
await second_db.close();
await database.close();
await scratch.drop();
