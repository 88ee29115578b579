import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remindAndExpire } from "../../src/features/requests/requests.js";
import { requestMessages } from "../../src/features/requests/views/messages.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { seedProgram } from "../support/programSeed.js";

const TEAM = "T0PAUSEREQ";
const CREATED = new Date("2026-11-02T15:00:00Z"); // Monday: the reminder is due Thursday 10:00 UTC

describe.each(testProviders)("a paused mentor and the requests waiting for them on %s", (provider) => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const { programId, member } = await seedProgram(database.prisma, TEAM, { mentor: { role: "MENTOR" }, trainee: { role: "TRAINEE" } }, CREATED);
    // Paused through Friday 6 November (the end of that day, UTC).
    await database.prisma.member.update({ where: { id: member.mentor! }, data: { pausedAt: CREATED, pausedUntil: new Date("2026-11-06T23:59:59.999Z") } });
    await database.prisma.mentorRequest.create({ data: { id: "req-paused", workspaceId: TEAM, programId, traineeId: member.trainee!, mentorId: member.mentor!, role: "mentor", createdAt: CREATED } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("gets no reminder while paused (as the pause message promises), and gets it once back if the request is still waiting", async () => {
    const run = (iso: string) => remindAndExpire(database.prisma, { now: new Date(iso), sendFrom: new Date(iso) }, requestMessages);
    expect(await run("2026-11-05T10:00:00Z")).toMatchObject({ reminded: 0, expired: 0 });
    expect(await run("2026-11-06T12:00:00Z")).toMatchObject({ reminded: 0, expired: 0 });
    expect(await run("2026-11-07T10:00:00Z")).toMatchObject({ reminded: 1, expired: 0 });
    expect(await run("2026-11-07T11:00:00Z")).toMatchObject({ reminded: 0, expired: 0 });
    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: TEAM, key: "request-reminder:req-paused" } })).toBe(1);
  });
});
