import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directorDashboard, type ProgramDashboard } from "../../src/features/dashboard-reports/dashboard.js";
import { connect, type Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { DASH_NOW, DASH_TEAM, seedDashboard, type DashSeed } from "../support/dashboardSeed.js";

/**
 * The Home keeps each program's cohort counts, mentor load and thanks between opens (rosterCache.ts),
 * for as long as the workspace's roster fingerprint is unchanged. Every change to what they are read
 * from must show on the next open, whether this instance made it or another one did: after each
 * change below, the dashboard this app shows equals the one a fresh instance (no cache) reads.
 */
describe.each(testProviders)("the dashboard's roster between opens on %s", (provider) => {
  let database: MigratedTestDatabase;
  let other: Database; // a second instance of the app, on the same database
  let fresh: () => Promise<Database>;
  let seed: DashSeed;

  const heme = async (db = database.prisma): Promise<ProgramDashboard> => (await directorDashboard(db, DASH_TEAM, DASH_NOW, seed.programId)).programs[0]!;
  /** What an instance with nothing cached shows. */
  async function uncached(): Promise<ProgramDashboard> {
    const db = await fresh();
    try {
      return await heme(db.prisma);
    } finally {
      await db.close();
    }
  }
  const loadOf = (p: ProgramDashboard) => [...p.load.full, ...p.load.room].map((m) => `${m.mentor.name} ${m.active}/${m.capacity}`);

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    seed = await seedDashboard(database.prisma);
    fresh = async () => connect(database.url);
    other = connect(database.url);
  });

  afterAll(async () => {
    await other?.close();
    await database?.drop();
  });

  it("reads the same roster again while nothing changed", async () => {
    const first = await heme();
    expect(first.totals).toEqual({ trainees: 5, mentors: 3, matchedTrainees: 4 });
    expect(await heme()).toEqual(first);
    expect(await uncached()).toEqual(first);
  });

  it("shows each change to people, enrollments, capacity, matches, cohorts, programs and thanks on the next open", async () => {
    const db = database.prisma;
    const changes: [string, () => Promise<unknown>, (p: ProgramDashboard) => void][] = [
      ["the program's default capacity", () => db.program.update({ where: { id: seed.programId }, data: { defaultCapacity: 5 } }), (p) => expect(loadOf(p)).toContain("Dr. Jun 1/5")],
      ["a mentor's capacity", () => db.profile.updateMany({ where: { memberId: seed.members.m2 }, data: { capacity: 1 } }).then(async (r) => r.count || db.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: DASH_TEAM, memberId: seed.members.m2, capacity: 1 } })), (p) => expect(loadOf(p)).toContain("Dr. Jun 1/1")],
      ["a mentor renamed", () => db.member.update({ where: { id: seed.members.m1 }, data: { name: "Dr. Maya Renamed" } }), (p) => expect(loadOf(p)).toContain("Dr. Maya Renamed 2/2")],
      ["a trainee enrolled", () => db.enrollment.create({ data: { workspaceId: DASH_TEAM, programId: seed.programId, memberId: seed.members.nobody, role: "TRAINEE" } }), (p) => expect(p.totals.trainees).toBe(6)],
      ["a match ended", () => db.match.update({ where: { id: seed.matches.D }, data: { status: "ENDED", endedAt: DASH_NOW } }), (p) => expect(loadOf(p)).toContain("Dr. Rae 0/1")],
      ["thanks given", () => db.thanks.create({ data: { workspaceId: DASH_TEAM, programId: seed.programId, fromId: seed.members.t3, toId: seed.members.m2, message: "thank you" } }), (p) => expect(p.thanks.map((t) => t.mentor.name)).toContain("Dr. Jun")],
      ["a cohort renamed", () => db.cohort.updateMany({ where: { programId: seed.programId }, data: { name: "2027 Fellows" } }), (p) => expect(p.cohorts[0]!.cohortName).toBe("2027 Fellows")],
      ["a mentor erased", () => db.member.update({ where: { id: seed.members.m3 }, data: { erasedAt: DASH_NOW, name: "Former member" } }), (p) => expect(p.totals.mentors).toBe(2)],
      ["an enrollment removed, by another instance", () => other.prisma.enrollment.deleteMany({ where: { programId: seed.programId, memberId: seed.members.nobody } }), (p) => expect(p.totals.trainees).toBe(5)],
      ["a match made, by another instance", () => other.prisma.match.create({ data: { workspaceId: DASH_TEAM, programId: seed.programId, traineeId: seed.members.t5, mentorId: seed.members.m2, role: "mentor", startedAt: DASH_NOW } }), (p) => expect(p.totals.matchedTrainees).toBe(4)], // D ended above, E's trainee matched again
    ];
    for (const [what, change, shows] of changes) {
      await heme(); // cached before the change
      await change();
      const after = await heme();
      shows(after);
      expect(after, what).toEqual(await uncached());
    }
  });
});
