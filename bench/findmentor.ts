/**
 * npm run bench:findmentor — /findmentor with 5,000 mentors and 20,000 trainees.
 *
 * Seeds a fresh SQLite database (or the PostgreSQL database given with --database-url, under a
 * workspace of its own) with realistic random profiles from a seeded PRNG, then measures:
 *   1. one full service call (member lookup, mentor pool from the in-memory cache after a fingerprint
 *      check, the trainee's ties, rank, one page of cards), p50/p95 over --runs; and its parts: loading
 *      the pool on a cache miss, the fingerprint check;
 *   2. the pure rank() of the 5,000 loaded candidates, p50/p95 over --runs;
 *   3. the ack latency of signed /findmentor commands from --connections connections for --duration s,
 *      after a --warmup s warm-up at 10 connections (a cold app's first answers are not its steady state)
 *      (autocannon against the real app, `node dist/src/main.js`, with the fake Slack in its own process).
 *
 *   npm run bench:findmentor -- [--database-url postgresql://…] [--connections 100] [--duration 10] [--warmup 3] [--runs 50] [--seed 42]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { closedLoop } from "./ackLoad.js";
import { startFakeSlackProcess } from "./fakeSlackHarness.js";
import { startApp, TEST_SIGNING_SECRET } from "../test/support/appProcess.js";
import { createTestDatabase, type TestDatabase } from "../test/support/databases.js";
import { signedHeaders, slashCommandBody } from "../src/slack/standin/requests.js";
import { openDatabase } from "../src/store/database.js";
import { mentorPool, poolFingerprint } from "../src/store/candidates.js";
import { findProfile } from "../src/store/profiles.js";
import { cachedCandidatesFor, findMentors } from "../src/features/findmentor/findMentor.js";
import { rank } from "../src/domain/ranking.js";
import { EMPTY_PROFILE, type ProfileData } from "../src/domain/profile.js";
import { CADENCES, CAREER_PATHS, CAREER_STAGES, INTERESTS, MEETING_FORMATS, MENTOR_ROLES, PRIORITIES, SPECIALTIES, SUBSPECIALTIES } from "../src/domain/vocabulary.js";
import { prng } from "./prng.js";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    connections: { type: "string", default: "100" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    runs: { type: "string", default: "50" },
    mentors: { type: "string", default: "5000" },
    trainees: { type: "string", default: "20000" },
    seed: { type: "string", default: "42" },
  },
});
const MENTORS = Number(values.mentors);
const TRAINEES = Number(values.trainees);
const RUNS = Number(values.runs);
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

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
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
let scratch: TestDatabase | null = null;
const databaseUrl = values["database-url"] ?? (scratch = await createTestDatabase("sqlite")).url;
const TEAM = values["database-url"] ? `T0BENCHFM${Date.now().toString(36).toUpperCase()}` : "T0BENCH";
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

// ---- service and pure ranking ------------------------------------------------------------------
const directory = { userProfile: async () => Promise.reject(new Error("the bench's members are all fresh")) };
const sample = MENTORS + Math.floor(TRAINEES / 2);
const service = await timeRuns(RUNS, () => findMentors({ db: prisma, directory, workspaceId: TEAM, now }, userId(sample), { keywords: "", page: 0 }));
const withWords = await timeRuns(RUNS, () => findMentors({ db: prisma, directory, workspaceId: TEAM, now }, userId(sample), { keywords: "thrombosis grants", page: 0 }));
const load = await timeRuns(RUNS, () => mentorPool(prisma, TEAM, [program.id]));
const fingerprint = await timeRuns(RUNS, () => poolFingerprint(prisma, TEAM));
const trainee = { memberId: memberId(sample), profile: (await findProfile(prisma, TEAM, memberId(sample)))! };
// The pure ranking is timed on the candidates exactly as the service gets them from the store.
const { candidates } = await cachedCandidatesFor(prisma, TEAM, memberId(sample), [program.id], now);
const pure = await timeRuns(RUNS, () => rank(trainee, candidates, { now, limit: 6 }).suggestions.map((s) => s.reasons));
await database.close();

// ---- ack latency under load --------------------------------------------------------------------
const fake = await startFakeSlackProcess(total);
const slackUrl = fake.url;
const app = await startApp({ slackApiUrl: `${slackUrl}/api/`, databaseUrl, env: { LOG_LEVEL: "warn" } });
let n = 0;
/** One signed /findmentor command from a random trainee; a third of them with a search word. */
function command() {
  n += 1;
  const body = slashCommandBody({
    command: "/findmentor",
    text: n % 3 === 0 ? "thrombosis" : "",
    userId: userId(MENTORS + Math.floor(random() * TRAINEES)),
    teamId: TEAM,
    responseUrl: `${slackUrl}/response/bench`,
    triggerId: `benchfm.${n}.${Date.now()}`,
  });
  return { body, headers: signedHeaders(body, "application/x-www-form-urlencoded", { secret: TEST_SIGNING_SECRET }) };
}
// A freshly started app answers its first requests slowly (JIT, first database connections, the
// search worker loading the mentor pool): warm it up gently, then measure the steady state.
const warmup = await closedLoop(app.url, 10, Number(values.warmup), command);
const run = await closedLoop(app.url, Number(values.connections), Number(values.duration), command);
const turnedAway = run.acks.filter((a) => a.busy).length;
const replied = (await fake.responses());

const provider = databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL";
console.log(`\nbench:findmentor — ${MENTORS} mentors, ${TRAINEES} trainees, ${provider} (seeded in ${seedSeconds.toFixed(1)} s, seed ${values.seed})`);
console.log(`  full service call (no words):     ${timing(service)}  (${RUNS} runs, pool cached)`);
console.log(`  full service call ("thrombosis grants"): ${timing(withWords)}`);
console.log(`  load the pool (cache miss):       ${timing(load)}`);
console.log(`  pool fingerprint check:           ${timing(fingerprint)}`);
console.log(`  pure rank of ${candidates.length} candidates: p50 ${ms(pure.p50)} · p95 ${ms(pure.p95)}`);
console.log(`  /findmentor acks, ${values.connections} connections, ${values.duration} s: ${run.acks.length} acks (${run.failed} failed), ${(run.acks.length / Number(values.duration)).toFixed(0)} acks/s`);
const ackTimes = run.acks.map((a) => a.ms).sort((a, b) => a - b);
console.log(`  ack latency:                      p50 ${ms(percentile(ackTimes, 50))} · p95 ${ms(percentile(ackTimes, 95))} · p99 ${ms(percentile(ackTimes, 99))} · max ${ms(ackTimes.at(-1) ?? 0)}`);
console.log(`  commands answered "very busy, try again" in the ack (more than 100 waiting): ${turnedAway}`);
console.log(`  card replies delivered during the run: ${replied} (warm-up: ${values.warmup} s at 10 connections, ${warmup.acks.length} commands, slowest ack ${ms(Math.max(0, ...warmup.acks.map((a) => a.ms)))})`);

const stopped = app.stop("SIGTERM");
const timer = setTimeout(() => void app.stop("SIGKILL"), 5_000);
await stopped;
clearTimeout(timer);
fake.stop();
await scratch?.drop();
