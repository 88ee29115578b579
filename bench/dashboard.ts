/**
 * npm run bench:dashboard — the director dashboard, chart and reports for a big program.
 *
 * Seeds a fresh database (SQLite by default; a fresh PostgreSQL database with --postgres URL) with
 * one program of --trainees trainees (default 5,000) in 10 cohorts and trainees / 2.5 mentors, one
 * active match per trainee, 12 months of check-ins (one per match and month, 80% answered) and
 * meetings (about two in three months), 2% pending requests and some thanks; all with createMany.
 * Then measures, p50 / p95 over --runs:
 *   1. directorDashboard (everything the App Home's dashboard shows), and the view that renders it;
 *   2. chartSeries (12 periods) + rendering the PNG;
 *   3. buildReports (five CSVs with every row of the program).
 *
 *   npm run bench:dashboard -- [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--trainees 5000] [--runs 10] [--seed 42]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { HomeTab } from "slack-block-builder";
import { createTestDatabase } from "../test/support/databases.js";
import { openDatabase } from "../src/store/database.js";
import { directorDashboard } from "../src/features/dashboard-reports/dashboard.js";
import { chartPng, chartSeries } from "../src/features/dashboard-reports/chart.js";
import { buildReports } from "../src/features/dashboard-reports/reports.js";
import { dashboardBlocks } from "../src/features/dashboard-reports/views/dashboard.js";
import * as store from "../src/store/dashboard.js";
import { completedWindows } from "../src/domain/dashboardPeriods.js";
import { prng } from "./prng.js";

const { values } = parseArgs({
  options: {
    postgres: { type: "string" },
    trainees: { type: "string", default: "5000" },
    runs: { type: "string", default: "10" },
    seed: { type: "string", default: "42" },
  },
});
const TRAINEES = Number(values.trainees);
const MENTORS = Math.ceil(TRAINEES / 2.5);
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
const TEAM = "T0BENCHDASH";
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
console.log(
  `${provider}: ${TRAINEES} trainees, ${MENTORS} mentors, ${TRAINEES} active matches, ${checkins.length} check-ins, ${meetings.length} meetings; seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

// ---- measure ------------------------------------------------------------------------------------
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
const october = completedWindows("MONTHLY", "UTC", now, 1)[0]!;
await time("  of which: cohort counts", () => store.cohortCounts(prisma, TEAM, program.id));
await time("  of which: pending requests", () => store.pendingRequests(prisma, TEAM, program.id, 5));
await time("  of which: meetings reported (1 period)", () => store.meetingsReported(prisma, TEAM, program.id, october));
await time("  of which: check-in responses (1 period)", () => store.checkinResponses(prisma, TEAM, program.id, october));
await time("  of which: pair evidence (pairs at risk)", () => store.activePairEvidence(prisma, TEAM, program.id, "MONTHLY"));
await time("  of which: mentor load", () => store.mentorLoad(prisma, TEAM, program.id));
await time("  of which: thanks", () => store.thanksReceived(prisma, TEAM, program.id));
await time("dashboard data again, warm", () => directorDashboard(prisma, TEAM, now));
await time("dashboard view (blocks)", async () => HomeTab().blocks(dashboardBlocks(dashboard, "UTC", 100)).buildToObject());
await time("chart data (12 periods) + PNG", async () => chartPng(await chartSeries(prisma, TEAM, program.id, now)));
let rows = 0;
await time("reports (5 CSVs)", async () => {
  const r = await buildReports(prisma, { workspaceId: TEAM, actor: "bench" }, program.id, now);
  rows = r.files.reduce((n, f) => n + f.rows, 0);
});
console.log(`pairs at risk: ${atRisk}; report rows: ${rows}`);
await database.close();
await scratch.drop();
