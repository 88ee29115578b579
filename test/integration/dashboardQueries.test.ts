import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/database.js";
import { activePairEvidence, checkinResponses, meetingsReported, riskCandidateEvidence, type Window } from "../../src/store/dashboard.js";
import { pairsAtRisk } from "../../src/domain/dashboardRisk.js";
import { CADENCE_KEYS, periodByIndex, periodIndexAt, type Cadence } from "../../src/domain/cadence.js";
import { completedWindows } from "../../src/domain/dashboardPeriods.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { prng } from "../../bench/prng.js";

/**
 * The dashboard's hot queries against their plain definitions, on a seeded random program: pairs of
 * every cadence started over two years, meetings and check-in answers scattered over their periods,
 * many just either side of the "met recently" bound. The pairs at risk read from the candidates
 * alone must be the pairs at risk of every active pair; the one-statement period counts must equal
 * Prisma's grouped counts (the dashboard's earlier code).
 */

const TEAM = "T0DQ";
const OTHER = "T1DQ";
const DAY = 86_400_000;
const NOWS = ["2026-11-21T12:00:00Z", "2026-03-01T00:00:00Z", "2027-01-04T09:30:00Z"].map((s) => new Date(s));


/** The period counts as the dashboard counted them before (Prisma groupBy), for comparison. */
async function plainMeetingsReported(db: Db, workspaceId: string, programId: string | null, w: Window): Promise<number> {
  const inProgram = programId ? { match: { programId } } : {};
  const day = (key: string) => new Date(`${key}T00:00:00.000Z`);
  const [logged, met] = await Promise.all([
    db.meeting.groupBy({ by: ["matchId"], where: { workspaceId, date: { gte: day(w.key), lt: day(w.endKey) }, ...inProgram }, _count: { _all: true } }),
    db.checkin.groupBy({ by: ["matchId", "periodKey"], where: { workspaceId, answer: "MET", answeredAt: { gte: w.start, lt: w.end }, ...inProgram } }),
  ]);
  const perMatch = new Map<string, { logged: number; met: number }>();
  for (const l of logged) perMatch.set(l.matchId, { logged: l._count._all, met: 0 });
  for (const m of met) {
    const e = perMatch.get(m.matchId) ?? { logged: 0, met: 0 };
    e.met += 1;
    perMatch.set(m.matchId, e);
  }
  let total = 0;
  for (const e of perMatch.values()) total += Math.max(e.logged, e.met);
  return total;
}

async function plainCheckinResponses(db: Db, workspaceId: string, programId: string | null, w: Window): Promise<{ sent: number; answered: number }> {
  const where = { workspaceId, sentAt: { gte: w.start, lt: w.end }, ...(programId ? { match: { programId } } : {}) };
  const [sent, answered] = await Promise.all([db.checkin.count({ where }), db.checkin.count({ where: { ...where, answer: { not: null } } })]);
  return { sent, answered };
}

describe.each(testProviders)("dashboard queries against their plain definitions on %s", (provider) => {
  let database: MigratedTestDatabase;
  let programId: string;
  let weeklyProgramId: string;
  let otherProgramId: string;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const db = database.prisma;
    const random = prng(18);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    await db.workspace.createMany({ data: [{ id: TEAM }, { id: OTHER }] });
    programId = (await db.program.create({ data: { workspaceId: TEAM, name: "Monthly", checkinCadence: "MONTHLY" } })).id;
    weeklyProgramId = (await db.program.create({ data: { workspaceId: TEAM, name: "Weekly", checkinCadence: "WEEKLY" } })).id;
    otherProgramId = (await db.program.create({ data: { workspaceId: OTHER, name: "Elsewhere" } })).id;
    const members = Array.from({ length: 40 }, (_, i) => ({ id: `dq${i}`, workspaceId: i < 36 ? TEAM : OTHER, slackUserId: `UDQ${i}`, name: `Person ${i}`, refreshedAt: NOWS[0]! }));
    await db.member.createMany({ data: members });
    const matches = [];
    const meetings = [];
    const checkins = [];
    for (let i = 0; i < 160; i++) {
      const workspaceId = i < 150 ? TEAM : OTHER;
      const program = workspaceId === OTHER ? otherProgramId : i % 4 === 0 ? weeklyProgramId : programId;
      const cadence: Cadence | null = i % 3 === 0 ? null : pick(CADENCE_KEYS);
      const startedAt = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 700) * DAY + Math.floor(random() * 24) * 3_600_000);
      const who = workspaceId === OTHER ? 36 + (i % 4) : i % 36;
      const id = `dqm${i}`;
      matches.push({ id, workspaceId, programId: program, traineeId: `dq${who}`, mentorId: `dq${(who + 1) % 36}`, role: "mentor", startedAt, cadence, status: i % 11 === 0 ? ("ENDED" as const) : ("ACTIVE" as const) });
      const timeline = { startedAt, cadence: cadence ?? (program === weeklyProgramId ? "WEEKLY" : "MONTHLY") };
      const last = periodIndexAt(timeline, new Date("2027-01-10T00:00:00Z"));
      for (let p = 0; p <= last; p++) {
        const period = periodByIndex(timeline, p);
        const roll = random();
        if (roll < 0.3) continue; // no check-in this period
        const answer = roll < 0.55 ? ("MET" as const) : roll < 0.7 ? ("NOT_YET" as const) : roll < 0.8 ? ("NEED_HELP" as const) : null;
        const sentAt = new Date(period.end.getTime() - Math.floor(random() * 3) * DAY);
        const answeredAt = answer ? new Date(sentAt.getTime() + Math.floor(random() * 20 * 24) * 3_600_000) : null;
        checkins.push({ workspaceId, matchId: id, periodKey: period.key, recipient: "mentor", sentAt, answer, answeredAt });
        if (random() < 0.3) checkins.push({ workspaceId, matchId: id, periodKey: period.key, recipient: "trainee", sentAt, answer: pick(["MET", "NEED_HELP", null] as const), answeredAt: new Date(sentAt.getTime() + DAY) });
        if (random() < 0.4) {
          const day = new Date(period.start.getTime() + Math.floor(random() * (period.end.getTime() - period.start.getTime())));
          meetings.push({ workspaceId, matchId: id, date: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())), loggedById: `dq${who}` });
        }
      }
      // Some pairs met just either side of the "met recently" bound of the first `now`.
      if (i % 5 === 0) {
        const shortest = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 28, BIMONTHLY: 56, QUARTERLY: 84 }[timeline.cadence];
        const edge = NOWS[0]!.getTime() - (2 * shortest + (i % 10 === 0 ? 1 : -1)) * DAY;
        meetings.push({ workspaceId, matchId: id, date: new Date(Math.floor(edge / DAY) * DAY), loggedById: `dq${who}` });
      }
    }
    await db.match.createMany({ data: matches });
    await db.checkin.createMany({ data: checkins });
    await db.meeting.createMany({ data: meetings });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("finds every pair at risk among the candidates alone, and leaves the pairs that met recently unread", async () => {
    const db = database.prisma;
    let candidates = 0;
    let everyone = 0;
    const kinds = new Set<string>();
    for (const now of NOWS) {
      for (const [id, cadence] of [[programId, "MONTHLY"], [weeklyProgramId, "WEEKLY"]] as const) {
        const all = await activePairEvidence(db, TEAM, id, cadence);
        const some = await riskCandidateEvidence(db, TEAM, id, cadence, now);
        const atRisk = pairsAtRisk(all, now);
        expect(pairsAtRisk(some, now)).toEqual(atRisk);
        for (const r of atRisk) kinds.add(r.reason.kind);
        candidates += some.length;
        everyone += all.length;
      }
    }
    expect(kinds).toEqual(new Set(["need_help", "no_meeting"]));
    expect(candidates < everyone).toBe(provider === "sqlite"); // PostgreSQL reads every pair (store/dashboard.ts says why)
  });

  it("counts each period in one statement as Prisma's grouped counts do, per program and for the workspace", async () => {
    const db = database.prisma;
    let nonZero = 0;
    for (const now of NOWS) {
      for (const cadence of ["MONTHLY", "WEEKLY", "QUARTERLY"] as const) {
        for (const w of completedWindows(cadence, "America/New_York", now, 6)) {
          for (const scope of [programId, weeklyProgramId, null]) {
            const reported = await meetingsReported(db, TEAM, scope, w);
            expect(reported).toBe(await plainMeetingsReported(db, TEAM, scope, w));
            expect(await checkinResponses(db, TEAM, scope, w)).toEqual(await plainCheckinResponses(db, TEAM, scope, w));
            if (reported > 0) nonZero += 1;
          }
        }
      }
    }
    expect(nonZero).toBeGreaterThan(20);
  });
});
