/**
 * npm run bench:findmentor — what a trainee waits for: /findmentor with 5,000 mentors and 20,000 trainees.
 *
 * Seeds a fresh SQLite database (or, with --postgres URL, a fresh PostgreSQL database created on that
 * server and dropped afterwards; TEST_DATABASE_URL is read the same way as the tests read it when
 * BENCH_POSTGRES=1) with realistic random profiles from a seeded PRNG, then measures:
 *   1. in this process: one full search (member lookup, mentor pool, the trainee's ties, rank, one
 *      page of cards) p50/p95 over --runs, and the database queries it makes (SQL statements,
 *      counted from Prisma's query events); the pool load on a miss, the pool-change check, the pure rank;
 *   2. against the real app (`node dist/src/main.js`, the fake Slack in its own process):
 *      - the first /findmentor after a start: sent the moment /healthz answers, timed until its cards
 *        are posted to its response_url;
 *      - time to cards, open loop: --rates commands a second (default 10, 25, 50, 100), evenly spaced,
 *        each from a different trainee, for --duration s each; from the moment the command is sent until
 *        its cards are posted to its response_url. p50/p95/p99/max, and the commands turned away
 *        ("very busy", in the ack or in place of the cards);
 *      - the flood: --connections connections each sending its next command as soon as the last is
 *        acknowledged, for --flood-duration s: result cards delivered a second during it, and ack p99.
 *
 *   npm run bench:findmentor -- [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--rates 10,25,50,100]
 *     [--duration 10] [--connections 100] [--flood-duration 10] [--runs 30] [--seed 42] [--profile DIR]
 *
 * --profile DIR starts the app with `node --cpu-prof --cpu-prof-dir DIR` (one .cpuprofile per thread,
 * search workers included) for a look at where the time goes (Chrome DevTools or speedscope).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { closedLoop } from "./ackLoad.js";
import { startFakeSlackProcess, type ResponseSeen } from "./fakeSlackHarness.js";
import { startApp, TEST_SIGNING_SECRET } from "../test/support/appProcess.js";
import { createTestDatabase, type TestDatabase } from "../test/support/databases.js";
import { signedHeaders, slashCommandBody } from "../src/slack/standin/requests.js";
import { openDatabase, withProvider, type Db } from "../src/store/database.js";
import { PrismaClient as SqliteClient } from "../src/generated/sqlite/client.js";
import { PrismaClient as PostgresClient } from "../src/generated/postgresql/client.js";
import { PostgresAdapter, SqliteAdapter } from "../src/store/driverAdapters.js";
import { sqliteFilePath } from "../src/store/provider.js";
import { mentorPool, poolFingerprint } from "../src/store/candidates.js";
import { findProfile } from "../src/store/profiles.js";
import { cachedCandidatesFor, findMentors } from "../src/features/findmentor/findMentor.js";
import { rank } from "../src/domain/ranking.js";
import { EMPTY_PROFILE, type ProfileData } from "../src/domain/profile.js";
import { CADENCES, CAREER_PATHS, CAREER_STAGES, INTERESTS, MEETING_FORMATS, MENTOR_ROLES, PRIORITIES, SPECIALTIES, SUBSPECIALTIES } from "../src/domain/vocabulary.js";
import { prng } from "./prng.js";

const { values } = parseArgs({
  options: {
    postgres: { type: "string" },
    "database-url": { type: "string" },
    rates: { type: "string", default: "10,25,50,100" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "100" },
    "flood-duration": { type: "string", default: "10" },
    runs: { type: "string", default: "30" },
    mentors: { type: "string", default: "5000" },
    trainees: { type: "string", default: "20000" },
    seed: { type: "string", default: "42" },
    profile: { type: "string" },
  },
});
const MENTORS = Number(values.mentors);
const TRAINEES = Number(values.trainees);
const RUNS = Number(values.runs);
const RATES = values.rates.split(",").filter(Boolean).map(Number);
const DURATION = Number(values.duration);
const BATCH = 1000;

const random = prng(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list)))];
const maybe = <T>(p: number, value: () => T): T | null => (random() < p ? value() : null);
const keys = (terms: readonly { key: string }[]) => terms.map((t) => t.key);
const FREE_TAGS = ["thrombosis", "anticoagulation", "car t", "aml", "itp", "sickle cell disease", "stem cell transplant", "quality improvement", "med ed", "wellness", "informatics", "grant writing"];
const TAGS = [...keys(INTERESTS), ...FREE_TAGS];
const mentorStages = CAREER_STAGES.filter((s) => s.side !== "trainee").map((s) => s.key);
const traineeStages = CAREER_STAGES.filter((s) => s.side !== "mentor").map((s) => s.key);

function mentorProfile(): ProfileData {
  return {
    ...EMPTY_PROFILE,
    careerStage: pick(mentorStages),
    specialty: pick(keys(SPECIALTIES)),
    subspecialty: maybe(0.6, () => pick(keys(SUBSPECIALTIES))),
    careerPaths: some(keys(CAREER_PATHS), 2),
    meetingFormats: some(keys(MEETING_FORMATS), 2),
    interests: some(TAGS, 4),
    expertise: some(TAGS, 5),
    rolesOffered: ["mentor", ...some(keys(MENTOR_ROLES), 2)].filter((r, i, a) => a.indexOf(r) === i),
    capacity: maybe(0.5, () => 1 + Math.floor(random() * 5)),
    handsOn: maybe(0.8, () => random() < 0.5),
    supervisorNote: maybe(0.2, () => "Weekly lab meeting; I read every draft."),
    cadenceOffered: maybe(0.8, () => pick(keys(CADENCES))),
    helpedGrants: maybe(0.7, () => random() < 0.5),
    copublishes: maybe(0.7, () => random() < 0.6),
    editorialRoles: maybe(0.15, () => "Associate editor, Blood Advances"),
    pastFellows: maybe(0.4, () => pick(["3 in academic hematology, 1 in industry", "Faculty at two cancer centers", "Private practice and NIH"])),
    bio: maybe(0.5, () => "Clinician-investigator in thrombosis and hemostasis; I enjoy helping fellows with grants and papers."),
  };
}

function traineeProfile(): ProfileData {
  return {
    ...EMPTY_PROFILE,
    careerStage: pick(traineeStages),
    trainingYear: 1 + Math.floor(random() * 4),
    specialty: pick(keys(SPECIALTIES)),
    subspecialty: maybe(0.5, () => pick(keys(SUBSPECIALTIES))),
    careerPaths: some(keys(CAREER_PATHS), 2),
    interests: some(TAGS, 5),
    priorities: some(keys(PRIORITIES), 2),
    rolesWanted: ["mentor"],
    meetingCadence: maybe(0.7, () => pick(keys(CADENCES))),
    meetingFormats: some(keys(MEETING_FORMATS), 2),
    wantsHandsOn: maybe(0.6, () => random() < 0.5),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
async function timeRuns(runs: number, fn: () => Promise<unknown> | unknown): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
const ms = (n: number) => `${n.toFixed(1)} ms`;
const timing = (t: { p50: number; p95: number }) => `p50 ${ms(t.p50)} · p95 ${ms(t.p95)}`;

// ---- database and seed ------------------------------------------------------------------------
const postgresAdmin = values.postgres ?? values["database-url"] ?? (process.env.BENCH_POSTGRES === "1" ? process.env.TEST_DATABASE_URL : undefined);
if (postgresAdmin) process.env.TEST_DATABASE_URL = postgresAdmin;
const scratch: TestDatabase = await createTestDatabase(postgresAdmin ? "postgresql" : "sqlite");
const databaseUrl = scratch.url;
const provider = postgresAdmin ? "PostgreSQL" : "SQLite";
const TEAM = "T0BENCH";
const { db: database } = await openDatabase(databaseUrl);
const prisma = database.prisma;
const userId = (i: number) => `U${String(i).padStart(6, "0")}`; // mentors U000000…, trainees after them
const memberId = (i: number) => `${TEAM.toLowerCase()}-m${i}`;
const now = new Date();

const seedStart = performance.now();
await prisma.workspace.create({ data: { id: TEAM, name: "Bench" } });
const program = await prisma.program.create({ data: { workspaceId: TEAM, name: "Bench fellowship", defaultCapacity: 3 } });
const total = MENTORS + TRAINEES;
for (let from = 0; from < total; from += BATCH) {
  const ids = Array.from({ length: Math.min(BATCH, total - from) }, (_, k) => from + k);
  const isMentor = (i: number) => i < MENTORS;
  await prisma.member.createMany({
    data: ids.map((i) => ({
      id: memberId(i),
      workspaceId: TEAM,
      slackUserId: userId(i),
      name: `Person ${i}`,
      tz: "America/New_York",
      refreshedAt: now,
      ...(isMentor(i) && random() < 0.05 ? { pausedAt: now } : {}),
    })),
  });
  await prisma.enrollment.createMany({
    data: ids.map((i) => ({ workspaceId: TEAM, programId: program.id, memberId: memberId(i), role: isMentor(i) ? ("MENTOR" as const) : ("TRAINEE" as const) })),
  });
  await prisma.profile.createMany({
    data: ids.map((i) => ({ workspaceId: TEAM, memberId: memberId(i), ...(isMentor(i) ? mentorProfile() : traineeProfile()) })),
  });
}
// Some mentoring already under way, and some answered requests (for responsiveness).
const matches = Array.from({ length: Math.floor(TRAINEES * 0.3) }, (_, k) => ({
  workspaceId: TEAM,
  programId: program.id,
  traineeId: memberId(MENTORS + k),
  mentorId: memberId(Math.floor(random() * MENTORS)),
  role: "mentor",
  startedAt: now,
  // Introduced long ago: otherwise the app would queue 6,000 introductions as it starts (roundApproval.ts queueMissingIntroductions).
  introChannelId: `D${String(k).padStart(8, "0")}`,
}));
for (let i = 0; i < matches.length; i += BATCH) await prisma.match.createMany({ data: matches.slice(i, i + BATCH) });
const requests = Array.from({ length: MENTORS * 2 }, () => {
  const created = new Date(now.getTime() - (1 + random() * 200) * 86_400_000);
  return {
    workspaceId: TEAM,
    programId: program.id,
    traineeId: memberId(MENTORS + Math.floor(random() * TRAINEES)),
    mentorId: memberId(Math.floor(random() * MENTORS)),
    role: "mentor",
    status: random() < 0.7 ? ("ACCEPTED" as const) : ("DECLINED" as const),
    createdAt: created,
    respondedAt: new Date(created.getTime() + random() * 120 * 3_600_000),
  };
});
for (let i = 0; i < requests.length; i += BATCH) await prisma.mentorRequest.createMany({ data: requests.slice(i, i + BATCH) });
const seedSeconds = (performance.now() - seedStart) / 1000;

// ---- in this process: one search, its queries, its parts -------------------------------------
const directory = { userProfile: async () => Promise.reject(new Error("the bench's members are all fresh")) };
const sample = MENTORS + Math.floor(TRAINEES / 2);
const ctx = { db: prisma, directory, workspaceId: TEAM, now };
const service = await timeRuns(RUNS, () => findMentors(ctx, userId(sample), { keywords: "", page: 0 }));
const withWords = await timeRuns(RUNS, () => findMentors(ctx, userId(sample), { keywords: "thrombosis grants", page: 0 }));
const load = await timeRuns(RUNS, () => mentorPool(prisma, TEAM, [program.id]));
const fingerprint = await timeRuns(RUNS, () => poolFingerprint(prisma, TEAM));
const trainee = { memberId: memberId(sample), profile: (await findProfile(prisma, TEAM, memberId(sample)))! };
// The pure ranking is timed on the candidates exactly as the service gets them from the store.
const { candidates } = await cachedCandidatesFor(prisma, TEAM, memberId(sample), [program.id], now);
const pure = await timeRuns(RUNS, () => rank(trainee, candidates, { now, limit: 6 }).suggestions.map((s) => s.reasons));

// SQL statements per search, from Prisma's query events on a client of its own (so its pool cache starts empty).
let statements = 0;
const log = [{ emit: "event" as const, level: "query" as const }];
const counting = withProvider(
  postgresAdmin
    ? new PostgresClient({ adapter: new PostgresAdapter(databaseUrl), log })
    : new SqliteClient({ adapter: new SqliteAdapter({ url: sqliteFilePath(databaseUrl), timeout: 10_000 }), log }),
  postgresAdmin ? "postgresql" : "sqlite",
) as unknown as Db & { $on(event: "query", listener: () => void): void };
counting.$on("query", () => void (statements += 1));
async function countedSearch(i: number): Promise<number> {
  const before = statements;
  await findMentors({ db: counting, directory, workspaceId: TEAM, now }, userId(i), { keywords: "", page: 0 });
  return statements - before;
}
const queriesFirst = await countedSearch(sample);
const queriesCached = await countedSearch(sample + 1);
await new Promise((resolve) => setTimeout(resolve, 1_100));
const queriesAfterASecond = await countedSearch(sample + 2);
await counting.$disconnect();
await database.close();

console.log(`\nbench:findmentor — ${MENTORS} mentors, ${TRAINEES} trainees, ${provider} (seeded in ${seedSeconds.toFixed(1)} s, seed ${values.seed})`);
console.log(`  in this process (no HTTP, no worker):`);
console.log(`    full search (no words):          ${timing(service)}  (${RUNS} runs, pool cached)`);
console.log(`    full search ("thrombosis grants"): ${timing(withWords)}`);
console.log(`    load the pool (cache miss):      ${timing(load)}`);
console.log(`    pool-change check (fingerprint): ${timing(fingerprint)}`);
console.log(`    pure rank of ${candidates.length} candidates: ${timing(pure)}`);
console.log(`    SQL statements per search: ${queriesFirst} (first: pool loaded), ${queriesCached} (pool cached), ${queriesAfterASecond} (a second later); a command adds 1 (its delivery key)`);

// ---- against the real app ----------------------------------------------------------------------
const clock = () => performance.timeOrigin + performance.now();
const fake = await startFakeSlackProcess(total);
const slackUrl = fake.url;
const profileDir = values.profile ? path.resolve(values.profile) : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const appEnv: Record<string, string> = { LOG_LEVEL: "warn" };
const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];

// Each command from a different trainee, in a shuffled order (the seeded PRNG's).
const traineeOrder = Array.from({ length: TRAINEES }, (_, k) => MENTORS + k);
for (let k = traineeOrder.length - 1; k > 0; k--) {
  const j = Math.floor(random() * (k + 1));
  [traineeOrder[k], traineeOrder[j]] = [traineeOrder[j]!, traineeOrder[k]!];
}
let n = 0;
/** One signed /findmentor command from the next trainee, with a response_url of its own; a third of them with a search word. */
function command(prefix: string): { id: string; body: string; headers: Record<string, string> } {
  n += 1;
  const id = `${prefix}${n}`;
  const body = slashCommandBody({
    command: "/findmentor",
    text: n % 3 === 0 ? "thrombosis" : "",
    userId: userId(traineeOrder[(n - 1) % traineeOrder.length]!),
    teamId: TEAM,
    responseUrl: `${slackUrl}/response/${id}`,
    triggerId: `benchfm.${n}.${Date.now()}`,
  });
  return { id, body, headers: signedHeaders(body, "application/x-www-form-urlencoded", { secret: TEST_SIGNING_SECRET }) };
}

interface Sent {
  id: string;
  sentAt: number;
  ackMs: number | null;
  busyInAck: boolean;
}
async function send(appUrl: string, prefix: string): Promise<Sent> {
  const { id, body, headers } = command(prefix);
  const sentAt = clock();
  try {
    const response = await fetch(`${appUrl}/slack/events`, { method: "POST", body, headers });
    const text = await response.text();
    return { id, sentAt, ackMs: response.ok ? clock() - sentAt : null, busyInAck: response.ok && text.includes("very busy") };
  } catch {
    return { id, sentAt, ackMs: null, busyInAck: false };
  }
}

/** Waits until every command that was not turned away in its ack has its reply (or `timeoutMs` passed). */
async function replies(sent: Sent[], timeoutMs = 60_000): Promise<Map<string, ResponseSeen>> {
  const waitingFor = sent.filter((c) => c.ackMs !== null && !c.busyInAck).map((c) => c.id);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = new Map((await fake.responsesSeen()).map((r) => [r.id, r]));
    if (waitingFor.every((id) => seen.has(id)) || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Outcome {
  commands: number;
  cardsMs: number[];
  answeredMs: number[];
  acksMs: number[];
  busy: number;
  lost: number;
}
function outcome(sent: Sent[], seen: Map<string, ResponseSeen>): Outcome {
  const o: Outcome = { commands: sent.length, cardsMs: [], answeredMs: [], acksMs: [], busy: 0, lost: 0 };
  for (const c of sent) {
    if (c.ackMs !== null) o.acksMs.push(c.ackMs);
    const reply = seen.get(c.id);
    if (c.busyInAck || reply?.kind === "busy") o.busy += 1;
    else if (!reply) o.lost += 1;
    else {
      o.answeredMs.push(reply.at - c.sentAt);
      if (reply.kind === "cards") o.cardsMs.push(reply.at - c.sentAt);
    }
  }
  for (const list of [o.cardsMs, o.answeredMs, o.acksMs]) list.sort((a, b) => a - b);
  return o;
}
const fmt = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const spread = (sorted: number[]) =>
  sorted.length ? `p50 ${fmt(percentile(sorted, 50))} · p95 ${fmt(percentile(sorted, 95))} · p99 ${fmt(percentile(sorted, 99))} · max ${fmt(sorted.at(-1)!)}` : "none answered";

/** What the app logged about loading the mentor pools at start-up (info level), if it did. */
function loadedLine(output: string): string {
  const line = output.split("\n").find((l) => l.includes("mentor pools loaded for /findmentor") || l.includes("before the mentor pools finished loading"));
  if (!line) return "";
  const { ms, workers, inTime } = JSON.parse(line) as { ms: number; workers: number; inTime: boolean };
  return ` (of which ${fmt(ms)} waiting for ${workers} search worker${workers === 1 ? "" : "s"} to load the mentor pools${inTime ? "" : ", not finished then"})`;
}

// 1. The first /findmentor after a start: sent as soon as /healthz answers 200.
const startedAt = clock();
const app = await startApp({ slackApiUrl: `${slackUrl}/api/`, databaseUrl, env: { ...appEnv, LOG_LEVEL: "info" }, nodeArgs, waitHealthy: false });
// Polled every 10 ms, as a load balancer's health check would, for up to two minutes (a loaded machine starts slowly).
for (const deadline = Date.now() + 120_000; ; ) {
  if (app.child.exitCode !== null || Date.now() > deadline) throw new Error(`the app did not become healthy:\n${app.output()}`);
  const healthy = await fetch(`${app.url}/healthz`).then((r) => r.ok, () => false);
  if (healthy) break;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
const healthyAfter = clock() - startedAt;
const firsts: Sent[] = [];
for (let k = 0; k < 3; k++) firsts.push(await send(app.url, "s"));
for (const c of firsts.slice(0, 1)) await replies([c]);
const firstSeen = await replies(firsts);
const firstMs = firsts.map((c) => (firstSeen.get(c.id) ? fmt(firstSeen.get(c.id)!.at - c.sentAt) : "no reply"));
console.log(`  the real app (node dist/src/main.js${profileDir ? " --cpu-prof" : ""}, fake Slack in its own process):`);
console.log(`    started: /healthz answered 200 after ${fmt(healthyAfter)}${loadedLine(app.output())}`);
console.log(`    first /findmentor after a start, sent when /healthz first answers: cards after ${firstMs[0]} (the next two, sent right after: ${firstMs.slice(1).join(", ")})`);

// 2. Open loop, evenly spaced, at each rate.
console.log(`    time to cards, open loop, evenly spaced, a different trainee each, ${DURATION} s per rate (from sending the command to its cards at response_url):`);
for (const rate of RATES) {
  const sent: Promise<Sent>[] = [];
  const start = performance.now();
  for (let k = 0; k < rate * DURATION; k++) {
    const wait = (k * 1000) / rate - (performance.now() - start);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.push(send(app.url, `r${rate}-`));
  }
  const all = await Promise.all(sent);
  const o = outcome(all, await replies(all));
  const other = o.answeredMs.length - o.cardsMs.length;
  console.log(
    `    ${String(rate).padStart(4)}/s: ${spread(o.answeredMs)} · "very busy" ${o.busy} of ${o.commands}${o.lost ? ` · no reply ${o.lost}` : ""}` +
      `${other ? ` (${other} answered without cards: no fit)` : ""} · ack p99 ${fmt(percentile(o.acksMs, 99))}`,
  );
}

// 3. The flood: closed loop at full speed.
const CONNECTIONS = Number(values.connections);
const FLOOD = Number(values["flood-duration"]);
const floodIds: string[] = [];
const floodStart = clock();
const flood = await closedLoop(app.url, CONNECTIONS, FLOOD, () => {
  const c = command("f");
  floodIds.push(c.id);
  return { body: c.body, headers: c.headers };
});
const floodEnd = clock();
await new Promise((resolve) => setTimeout(resolve, 3_000));
const floodSeen = (await fake.responsesSeen()).filter((r) => r.id.startsWith("f"));
const cardsInFlood = floodSeen.filter((r) => r.kind === "cards" && r.at <= floodEnd).length;
const floodAcks = flood.acks.map((a) => a.ms).sort((a, b) => a - b);
const busyInFlood = flood.acks.filter((a) => a.busy).length + floodSeen.filter((r) => r.kind === "busy").length;
console.log(
  `    flood, ${CONNECTIONS} connections at full speed for ${FLOOD} s: ${flood.acks.length} commands acked (${flood.failed} failed), ` +
    `${(cardsInFlood / ((floodEnd - floodStart) / 1000)).toFixed(0)} result cards/s delivered during it (${cardsInFlood}), ack p99 ${fmt(percentile(floodAcks, 99))}, "very busy" ${busyInFlood}`,
);

const stopped = app.stop("SIGTERM");
const timer = setTimeout(() => void app.stop("SIGKILL"), 15_000);
await stopped;
clearTimeout(timer);
fake.stop();
await scratch.drop();
if (profileDir) console.log(`  CPU profiles (one per thread) in ${profileDir}`);
