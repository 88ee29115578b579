/**
 * npm run bench:dashboard — what a director waits for in a big program: the Home tab and the reports.
 *
 * Seeds a fresh database (SQLite by default; a fresh PostgreSQL database with --postgres URL) with
 * one program of --trainees trainees (default 5,000) in 10 cohorts and --mentors mentors (default
 * 1,500), one active match per trainee, 12 months of check-ins (one per match and month, 80%
 * answered) and meetings (about two in three months), 1–3 goals per trainee, 2% pending requests,
 * some thanks, and one director; all with createMany. The fake Slack runs in a process of its own.
 * Then measures, from the director's side:
 *   1. the Home: refreshHome (what app_home_opened runs: render, then views.publish) until the fake
 *      Slack has answered views.publish; the first open after start, then --opens more (p50/p95/max),
 *      with one check-in answered and one meeting logged before every other open (as in a live program);
 *   2. `/mentoring-admin report` for the program: sendReports until the fake Slack has the five CSVs;
 *   3. where the time goes: each dashboard query alone (p50/p95 over --runs), the chart, and the
 *      Prisma operations one Home open makes.
 *
 *   npm run bench:dashboard -- [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--trainees 5000] [--mentors 1500] [--opens 40] [--runs 10] [--seed 42]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { WebClient } from "@slack/web-api";
import { HomeTab } from "slack-block-builder";
import { createTestDatabase } from "../test/support/databases.js";
import { openDatabase, type Db } from "../src/store/database.js";
import { directorDashboard } from "../src/features/dashboard-reports/dashboard.js";
import { chartPng, chartSeries } from "../src/features/dashboard-reports/chart.js";
import { dashboardBlocks } from "../src/features/dashboard-reports/views/dashboard.js";
import { buildReports } from "../src/features/dashboard-reports/reports.js";
import { sendReports } from "../src/features/dashboard-reports/listeners/deliver.js";
import { refreshHome } from "../src/features/home/refreshHome.js";
import { slackDirectory } from "../src/slack/directory.js";
import type { ListenerDeps } from "../src/slack/deps.js";
import * as store from "../src/store/dashboard.js";
import { periodCounts } from "../src/store/dashboardPeriods.js";
import { completedWindows } from "../src/domain/dashboardPeriods.js";
import { startFakeSlackProcess } from "./fakeSlackHarness.js";
import { prng } from "./prng.js";

const { values } = parseArgs({
  options: {
    postgres: { type: "string" },
    trainees: { type: "string", default: "5000" },
    mentors: { type: "string", default: "1500" },
    opens: { type: "string", default: "40" },
    runs: { type: "string", default: "10" },
    seed: { type: "string", default: "42" },
  },
});
const TRAINEES = Number(values.trainees);
const MENTORS = Number(values.mentors);
const OPENS = Number(values.opens);
const RUNS = Number(values.runs);
const BATCH = 1000;
const DAY = 86_400_000;
const random = prng(Number(values.seed));

if (values.postgres) process.env.TEST_DATABASE_URL = values.postgres;
const scratch = await createTestDatabase(values.postgres ? "postgresql" : "sqlite");
const provider = values.postgres ? "PostgreSQL" : "SQLite";
const { db: database } = await openDatabase(scratch.url);
const prisma = database.prisma;
const now = new Date("2026-11-21T12:00:00Z");
const chunks = async <T>(rows: T[], write: (slice: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
};

// ---- seed ---------------------------------------------------------------------------------------
const seedStart = performance.now();
const TEAM = "T0BENCH"; // the fake Slack process's team; its user U000000 is the director
const DIRECTOR = "U000000";
await prisma.workspace.create({ data: { id: TEAM } });
const program = await prisma.program.create({ data: { workspaceId: TEAM, name: "Big fellowship", defaultCapacity: 3 } });
const cohorts = await Promise.all(Array.from({ length: 10 }, (_, i) => prisma.cohort.create({ data: { workspaceId: TEAM, programId: program.id, name: `Cohort ${i}` } })));
const member = (id: string) => ({ id, workspaceId: TEAM, slackUserId: `U${id.toUpperCase()}`, name: id, refreshedAt: now });
await chunks([...Array.from({ length: MENTORS }, (_, i) => member(`m${i}`)), ...Array.from({ length: TRAINEES }, (_, i) => member(`t${i}`))], (s) => prisma.member.createMany({ data: s }));
await chunks(
  [
    ...Array.from({ length: MENTORS }, (_, i) => ({ workspaceId: TEAM, programId: program.id, memberId: `m${i}`, role: "MENTOR" as const, cohortId: null })),
    ...Array.from({ length: TRAINEES }, (_, i) => ({ workspaceId: TEAM, programId: program.id, memberId: `t${i}`, role: "TRAINEE" as const, cohortId: cohorts[i % 10]!.id })),
  ],
  (s) => prisma.enrollment.createMany({ data: s }),
);
const startOf = (i: number) => new Date(Date.UTC(2025, 10, 1 + (i % 28), 9));
await chunks(
  Array.from({ length: TRAINEES }, (_, i) => ({ id: `x${i}`, workspaceId: TEAM, programId: program.id, traineeId: `t${i}`, mentorId: `m${i % MENTORS}`, role: "mentor", startedAt: startOf(i) })),
  (s) => prisma.match.createMany({ data: s }),
);
const checkins = [];
const meetings = [];
for (let i = 0; i < TRAINEES; i++) {
  for (let month = 0; month < 12; month++) {
    const periodStart = new Date(startOf(i).getTime());
    periodStart.setUTCMonth(periodStart.getUTCMonth() + month);
    const sentAt = new Date(periodStart.getTime() + 31 * DAY);
    if (sentAt > now) break;
    const roll = random();
    const answer = roll < 0.5 ? ("MET" as const) : roll < 0.7 ? ("NOT_YET" as const) : roll < 0.78 ? ("SCHEDULED" as const) : roll < 0.8 ? ("NEED_HELP" as const) : null;
    checkins.push({ workspaceId: TEAM, matchId: `x${i}`, periodKey: periodStart.toISOString().slice(0, 10), recipient: "mentor", sentAt, answer, answeredAt: answer ? new Date(sentAt.getTime() + DAY) : null });
    if (random() < 0.66) meetings.push({ workspaceId: TEAM, matchId: `x${i}`, date: new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth(), periodStart.getUTCDate() + 10)), notes: "private", loggedById: `t${i}` });
  }
}
await chunks(checkins, (s) => prisma.checkin.createMany({ data: s }));
await chunks(meetings, (s) => prisma.meeting.createMany({ data: s }));
await chunks(
  Array.from({ length: Math.ceil(TRAINEES / 50) }, (_, i) => ({ workspaceId: TEAM, programId: program.id, traineeId: `t${i}`, mentorId: `m${(i + 7) % MENTORS}`, role: "coach", createdAt: new Date(now.getTime() - (i % 30) * DAY) })),
  (s) => prisma.mentorRequest.createMany({ data: s }),
);
await chunks(
  Array.from({ length: TRAINEES }, (_, i) => ({ workspaceId: TEAM, programId: program.id, fromId: `t${i}`, toId: `m${i % MENTORS}`, message: "thanks" })),
  (s) => prisma.thanks.createMany({ data: s }),
);
const goals = Array.from({ length: TRAINEES }, (_, i) =>
  Array.from({ length: 1 + (i % 3) }, (_, g) => ({
    workspaceId: TEAM,
    memberId: `t${i}`,
    text: `Goal ${g + 1} of trainee ${i}`,
    status: g === 0 ? ("ACTIVE" as const) : g === 1 ? ("PARKED" as const) : ("DONE" as const),
    progress: Array.from({ length: g }, (_, n) => ({ at: now.toISOString(), by: `t${i}`, note: `step ${n}` })),
    createdAt: new Date(now.getTime() - (i % 300) * DAY),
  })),
).flat();
await chunks(goals, (s) => prisma.goal.createMany({ data: s }));
await prisma.member.create({ data: { id: "director", workspaceId: TEAM, slackUserId: DIRECTOR, name: "Dr. Director", refreshedAt: now, directorGrantedAt: now, directorGrantedBy: "cli" } });
// A live PostgreSQL database has planner statistics (autovacuum gathers them); a freshly bulk-loaded one has none
// until then, and plans the report's joins as nested loops (0.9 s instead of 15 ms for 12k check-ins).
if (values.postgres) await prisma.$executeRawUnsafe("ANALYZE");
console.log(
  `${provider}: ${TRAINEES} trainees, ${MENTORS} mentors, ${TRAINEES} active matches, ${checkins.length} check-ins, ${meetings.length} meetings, ${goals.length} goals; seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

// ---- measure: what the director waits for --------------------------------------------------------
const fakeSlack = await startFakeSlackProcess(1);
const client = new WebClient("xoxb-bench", { slackApiUrl: `${fakeSlack.url}/api/`, retryConfig: { retries: 0 }, timeout: 60_000 });
const depsOf = (db: Db) => ({ db, now: () => now, directory: slackDirectory }) as unknown as ListenerDeps;
const deps = depsOf(prisma);
const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${fmt(quantile(s, 0.5))}   p95 ${fmt(quantile(s, 0.95))}   max ${fmt(s.at(-1)!)}`;
};
/** CPU time of this process (the app's side; on SQLite that includes the database's work). */
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const homeCpu: number[] = [];
const openHome = async () => {
  const t = performance.now();
  const c = cpuMs();
  await refreshHome(deps, client, TEAM, DIRECTOR);
  homeCpu.push(cpuMs() - c);
  return performance.now() - t;
};

// Changes between opens, as in a live program: a check-in answered (its period already reported),
// a meeting logged last month. Through the same store functions the app uses.
const { saveAnswer } = await import("../src/store/checkins.js");
const { createMeeting } = await import("../src/store/meetings.js");
let changed = 0;
async function changeSomething(): Promise<void> {
  const open = await prisma.checkin.findFirst({ where: { workspaceId: TEAM, answer: null }, select: { id: true }, orderBy: [{ sentAt: "desc" }, { id: "asc" }] });
  if (open) await saveAnswer(prisma, TEAM, open.id, "MET", `t${changed}`, now);
  const matchId = `x${(changed * 37) % TRAINEES}`;
  await createMeeting(prisma, { workspaceId: TEAM, matchId, date: new Date(Date.UTC(2026, 9, 1 + (changed % 28))), agenda: "", notes: "private", nextSteps: "", loggedById: `t${(changed * 37) % TRAINEES}`, createdAt: now });
  changed += 1;
}

const firstOpen = await openHome();
const opens: number[] = [];
for (let r = 0; r < OPENS; r++) {
  if (r % 2 === 1) await changeSomething();
  opens.push(await openHome());
}
console.log(`Home of the director (refreshHome → views.publish answered), load ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}:`);
console.log(`  first open after start                     ${fmt(firstOpen)}`);
console.log(`  next ${OPENS} opens (${Math.ceil((OPENS - 1) / 2)} after a change)           ${summary(opens)}`);
console.log(`  CPU of this process per open (first, then the others)  ${homeCpu[0]!.toFixed(0)} ms; ${summary(homeCpu.slice(1))}`);

const by = { workspaceId: TEAM, actor: DIRECTOR, tz: "UTC" };
const reportRuns: number[] = [];
const reportCpu: number[] = [];
let reply = "";
for (let r = 0; r < Math.max(3, Math.min(RUNS, 5)); r++) {
  const t = performance.now();
  const c = cpuMs();
  reply = await sendReports({ deps, client }, by, program.id);
  reportCpu.push(cpuMs() - c);
  reportRuns.push(performance.now() - t);
}
console.log(`/mentoring-admin report (5 CSVs built and uploaded to the fake Slack):`);
console.log(`  first                                      ${fmt(reportRuns[0]!)}`);
console.log(`  all ${reportRuns.length} runs                                 ${summary(reportRuns)}`);
console.log(`  CPU of this process per report            ${summary(reportCpu)}`);
console.log(`  ${reply}`);

// Prisma operations of one Home open.
let operations = 0;
const counted = prisma.$extends({ query: { $allOperations: ({ args, query }) => ((operations += 1), query(args)) } }) as unknown as Db;
await refreshHome(depsOf(counted), client, TEAM, DIRECTOR);
console.log(`Prisma operations per Home open: ${operations}`);

// ---- where the time goes --------------------------------------------------------------------------
async function time(label: string, work: () => Promise<unknown>): Promise<void> {
  await work(); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(0);
  console.log(`${label.padEnd(44)} p50 ${q(0.5).padStart(6)} ms   p95 ${q(0.95).padStart(6)} ms   (${RUNS} runs)`);
}

let atRisk = 0;
await time("dashboard data (directorDashboard)", async () => {
  const d = await directorDashboard(prisma, TEAM, now);
  atRisk = d.programs[0]!.atRisk.length;
});
const dashboard = await directorDashboard(prisma, TEAM, now);
const october = completedWindows(program.checkinCadence, program.timezone, now, 1)[0]!;
await time("  of which: cohort counts", () => store.cohortCounts(prisma, TEAM, program.id));
await time("  of which: pending requests", () => store.pendingRequests(prisma, TEAM, program.id, 5));
await time("  of which: meetings reported (1 period, recount)", () => store.meetingsReported(prisma, TEAM, program.id, october));
await time("  of which: check-in responses (1 period, recount)", () => store.checkinResponses(prisma, TEAM, program.id, october));
await time("  of which: last period from the summary", () => periodCounts(prisma, TEAM, program.id, { cadence: program.checkinCadence, timezone: program.timezone }, [october], now));
await time("  of which: pair evidence, every active pair", () => store.activePairEvidence(prisma, TEAM, program.id, "MONTHLY"));
await time("  of which: pair evidence, pairs that may be at risk", () => store.riskCandidateEvidence(prisma, TEAM, program.id, "MONTHLY", now));
await time("  of which: mentor load", () => store.mentorLoad(prisma, TEAM, program.id));
await time("  of which: thanks", () => store.thanksReceived(prisma, TEAM, program.id));
await time("dashboard data again, warm", () => directorDashboard(prisma, TEAM, now));
await time("dashboard view (blocks)", async () => HomeTab().blocks(dashboardBlocks(dashboard, "UTC", 100)).buildToObject());
await time("chart data (12 periods) + PNG", async () => chartPng(await chartSeries(prisma, TEAM, program.id, now)));
let rows = 0;
await time("reports (5 CSVs, built only)", async () => {
  const r = await buildReports(prisma, { workspaceId: TEAM, actor: "bench" }, program.id, now);
  rows = r.files.reduce((n, f) => n + f.rows, 0);
});
const candidates = (await store.riskCandidateEvidence(prisma, TEAM, program.id, "MONTHLY", now)).length;
console.log(`pairs at risk: ${atRisk} (of ${candidates} that may be, of ${TRAINEES} active); report rows: ${rows}`);
fakeSlack.stop();
await database.close();
await scratch.drop();
