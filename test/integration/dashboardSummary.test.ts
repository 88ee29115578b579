import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directorDashboard, endPairAsDirector } from "../../src/features/dashboard-reports/dashboard.js";
import { chartSeries } from "../../src/features/dashboard-reports/chart.js";
import { dashboardMessages } from "../../src/features/dashboard-reports/views/messages.js";
import { answerCheckin } from "../../src/features/checkins/checkinsAnswer.js";
import { checkinMessages } from "../../src/features/checkins/views/messages.js";
import { logMeeting } from "../../src/features/goals-meetings/meetings.js";
import { createCheckins } from "../../src/store/checkins.js";
import type { SlackDirectory } from "../../src/features/ports.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { DASH_NOW, DASH_PEOPLE, DASH_TEAM, seedDashboard, type DashSeed } from "../support/dashboardSeed.js";

/**
 * The dashboard's per-period summary (DashboardPeriod) against a full recount: after check-ins
 * answered (and re-answered), meetings logged into past periods, check-ins sent and a match ended,
 * every number the Home and the charts show is the one a recount from the check-ins and meetings gives.
 */

const directory: SlackDirectory = {
  userProfile: async (id) => ({ name: id, realName: null, email: null, tz: "UTC", isAdmin: false, isOwner: false }),
};

describe.each(testProviders)("dashboard per-period summary on %s", (provider) => {
  let database: MigratedTestDatabase;
  let seed: DashSeed;
  const DEC_5 = new Date("2026-12-05T12:00:00Z");
  const JAN_10 = new Date("2027-01-10T12:00:00Z");

  /** What the director sees: the dashboard of every program and the three charts. */
  async function seen(now: Date) {
    const db = database.prisma;
    return {
      dashboard: await directorDashboard(db, DASH_TEAM, now),
      charts: [await chartSeries(db, DASH_TEAM, seed.programId, now), await chartSeries(db, DASH_TEAM, seed.pedsProgramId, now), await chartSeries(db, DASH_TEAM, null, now)],
    };
  }

  /** The same, counted from scratch: every stored period forgotten first. */
  async function recounted(now: Date) {
    await database.prisma.dashboardPeriod.deleteMany({ where: { workspaceId: DASH_TEAM } });
    return seen(now);
  }

  const stored = (key: string) => database.prisma.dashboardPeriod.count({ where: { workspaceId: DASH_TEAM, programId: seed.programId, key } });
  const heme = (s: Awaited<ReturnType<typeof seen>>) => s.dashboard.programs.find((p) => p.program.id === seed.programId)!;
  const checkinOf = (matchId: string, periodKey: string) => database.prisma.checkin.findFirstOrThrow({ where: { matchId, periodKey }, select: { id: true } });
  const answer = (now: Date, who: keyof typeof DASH_PEOPLE, checkinId: string, a: "MET" | "NOT_YET" | "NEED_HELP") =>
    answerCheckin({ db: database.prisma, workspaceId: DASH_TEAM, now, messages: checkinMessages }, DASH_PEOPLE[who].id, checkinId, a, null);
  const meet = (now: Date, who: keyof typeof DASH_PEOPLE, matchId: string, date: string, key: string) =>
    logMeeting({ db: database.prisma, workspaceId: DASH_TEAM, now, directory }, DASH_PEOPLE[who].id, key, { matchId, date, agenda: "", notes: "private", nextSteps: "", progress: [] });

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    seed = await seedDashboard(database.prisma);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("stores each complete period once it is read, and reads the same numbers back", async () => {
    const first = await seen(DASH_NOW);
    expect(await stored("2026-10-01")).toBe(1);
    expect(await stored("2026-09-01")).toBe(1);
    expect(await stored("2026-11-01")).toBe(0); // still running
    expect(heme(first).meetingsLastPeriod).toBe(3);
    expect(heme(first).checkinsLastPeriod).toEqual({ sent: 4, answered: 3 });
    expect(await seen(DASH_NOW)).toEqual(first);
  });

  it("after answers, a meeting logged into last period, check-ins sent and a match ended, equals a full recount", async () => {
    const cOctober = (await checkinOf(seed.matches.C, "2026-09-01")).id;
    await answer(DASH_NOW, "m2", cOctober, "MET"); // October's check-in answered late: October answered 4 of 4
    await meet(DASH_NOW, "t1", seed.matches.A, "2026-10-20", "summary-1"); // A: two logged in October, one "We met"
    await database.prisma.$transaction((tx) =>
      createCheckins(tx, [{ id: "summary-nov-d", workspaceId: DASH_TEAM, matchId: seed.matches.D, periodKey: "2026-11-05", recipient: "mentor", sentAt: DASH_NOW }]),
    );
    const by = { workspaceId: DASH_TEAM, actor: DASH_PEOPLE.dir.id };
    await endPairAsDirector({ db: database.prisma, now: DASH_NOW, workspaceId: DASH_TEAM, messages: dashboardMessages }, by, seed.matches.B);

    expect(await stored("2026-10-01")).toBe(0); // forgotten by the changes, with them
    expect(await stored("2026-09-01")).toBe(1); // untouched periods stay stored
    const after = await seen(DASH_NOW);
    expect(heme(after).meetingsLastPeriod).toBe(4);
    expect(heme(after).checkinsLastPeriod).toEqual({ sent: 4, answered: 4 });
    expect(heme(after).atRisk.map((r) => r.matchId)).not.toContain(seed.matches.B);
    expect(await recounted(DASH_NOW)).toEqual(after);
  });

  it("a period already stored follows a changed answer, a meeting logged into it and a late answer, a month on", async () => {
    const before = await seen(DEC_5); // November is now complete, and stored
    expect(await stored("2026-11-01")).toBe(1);
    const novemberMet = heme(before).meetingsLastPeriod;
    const cOctober = (await checkinOf(seed.matches.C, "2026-09-01")).id;
    await answer(DEC_5, "m2", cOctober, "NOT_YET"); // its "We met" (answered in November) taken back
    await meet(DEC_5, "t4", seed.matches.D, "2026-11-25", "summary-2");
    await answer(DEC_5, "m3", "summary-nov-d", "MET"); // November's check-in answered in December

    const after = await seen(DEC_5);
    expect(heme(after).checkinsLastPeriod).toEqual({ sent: 1, answered: 1 });
    expect(heme(after).meetingsLastPeriod).toBe(novemberMet); // one "We met" fewer, one meeting more
    expect(await recounted(DEC_5)).toEqual(after);
    const january = await seen(JAN_10);
    expect(heme(january).meetingsLastPeriod).toBe(1); // December: D's "We met"
    expect(await recounted(JAN_10)).toEqual(january);
  });
});
