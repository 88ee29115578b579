import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database, type Db } from "../../src/store/database.js";
import { queueDueCheckins } from "../../src/features/checkins/checkins.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { oneClock } from "../support/jobRunner.js";

/** A Monday, past 10:00 UTC: the check-in for the period that ended on Sunday 15 February is due. */
const NOW = new Date("2026-03-02T12:00:00Z");
const PAGE = 3;
/** 7 matches: pages of 3, 3 and a short 1. 6 matches: two full pages, then an empty read. */
const WORKSPACES = { T0PAGES: 7, T1PAGES: 6 } as const;

describe.each(testProviders)("the check-in job over several pages on %s", (provider) => {
  let database: MigratedTestDatabase;
  let second: Database;
  const stuck: Record<string, string> = {};

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    second = connect(database.url);
    const p = database.prisma;
    for (const [workspaceId, count] of Object.entries(WORKSPACES)) {
      await p.workspace.create({ data: { id: workspaceId } });
      const program = (await p.program.create({ data: { workspaceId, name: "Heme" } })).id;
      const director = await p.member.create({ data: { workspaceId, slackUserId: `UDIR${workspaceId}`, name: "Dr. Dir", tz: "UTC", refreshedAt: NOW } });
      await p.enrollment.create({ data: { workspaceId, programId: program, memberId: director.id, role: "DIRECTOR" } });
      for (let i = 0; i < count; i++) {
        const person = (side: string) => p.member.create({ data: { workspaceId, slackUserId: `U${side}${i}${workspaceId}`, name: `Dr. ${side}${i}`, tz: "UTC", refreshedAt: NOW } });
        const [mentor, trainee] = [await person("M"), await person("T")];
        const started = i === count - 1 ? "2025-12-01T09:00:00Z" : "2026-01-15T09:00:00Z";
        const match = await p.match.create({ data: { workspaceId, programId: program, mentorId: mentor.id, traineeId: trainee.id, role: "mentor", startedAt: new Date(started) } });
        if (i !== count - 1) continue;
        // One pair in each workspace answered "not yet" twice: its directors hear about it.
        stuck[workspaceId] = match.id;
        for (const periodKey of ["2025-12-01", "2026-01-01"]) {
          await p.checkin.create({ data: { workspaceId, matchId: match.id, periodKey, recipient: "mentor", sentAt: new Date(`${periodKey}T10:00:00Z`), answer: "NOT_YET", answeredAt: new Date(`${periodKey}T11:00:00Z`) } });
        }
      }
    }
  });

  afterAll(async () => {
    await second?.close();
    await database?.drop();
  });

  it("two instances at once, then a third run, queue every pair's check-in and each escalation exactly once", async () => {
    const run = (db: Db) => queueDueCheckins(db, oneClock(NOW), { pageSize: PAGE });
    const [one, other] = [database.prisma, second.prisma];
    // PostgreSQL: truly at once. SQLite: one after the other (its synchronous driver would block the other client's open transaction).
    const [a, b] = provider === "postgresql" ? await Promise.all([run(one), run(other)]) : [await run(one), await run(other)];
    const again = await run(one);
    const pairs = WORKSPACES.T0PAGES + WORKSPACES.T1PAGES;
    expect(a.checkins + b.checkins).toBe(pairs);
    expect(a.escalations + b.escalations).toBe(2);
    expect(again).toMatchObject({ checkins: 0, reminders: 0, escalations: 0, asks: 0, messages: 0 });
    for (const [workspaceId, count] of Object.entries(WORKSPACES)) {
      const checkins = await database.prisma.outboxMessage.findMany({ where: { workspaceId, key: { startsWith: "checkin:" } }, select: { channel: true } });
      // Every mentor of the workspace, once each (the stuck pair's for its latest period).
      expect(checkins.map((m) => m.channel).sort()).toEqual(Array.from({ length: count }, (_, i) => `UM${i}${workspaceId}`).sort());
      const escalations = await database.prisma.outboxMessage.findMany({ where: { workspaceId, key: { startsWith: "escalate:" } } });
      expect(escalations.map((m) => [m.key.split(":")[1], m.channel])).toEqual([[stuck[workspaceId], `UDIR${workspaceId}`]]);
      expect(await database.prisma.checkin.count({ where: { workspaceId, periodKey: { in: ["2026-01-15", "2026-02-01"] } } })).toBe(count);
    }
  });
});
