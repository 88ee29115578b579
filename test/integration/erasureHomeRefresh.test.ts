import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseMember } from "../../src/store/privacy.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

const TEAM = "T0ERASEHOME";

describe.each(testProviders)("a member deleting their data on %s", (provider) => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("queues a Home refresh for the people whose mentorship or waiting request it ended, and for no one else", async () => {
    const p = database.prisma;
    await p.workspace.create({ data: { id: TEAM } });
    const programId = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } })).id;
    const member = async (slackUserId: string) => (await p.member.create({ data: { workspaceId: TEAM, slackUserId, name: slackUserId, tz: "UTC", refreshedAt: new Date() } })).id;
    const [cal, tess, tom, uma] = [await member("U0CAL"), await member("U0TESS"), await member("U0TOM"), await member("U0UMA")];
    await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: tess, mentorId: cal, role: "mentor", startedAt: new Date() } });
    await p.mentorRequest.create({ data: { workspaceId: TEAM, programId, traineeId: tom, mentorId: cal, role: "sponsor" } });
    await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: uma, mentorId: tess, role: "coach", startedAt: new Date() } });

    await eraseMember(p, TEAM, cal, new Date());

    const refreshes = await p.outboxMessage.findMany({ where: { workspaceId: TEAM, kind: "HOME" }, orderBy: { channel: "asc" } });
    expect(refreshes.map((r) => [r.channel, r.status])).toEqual([
      ["U0TESS", "PENDING"],
      ["U0TOM", "PENDING"],
    ]);
  });
});
