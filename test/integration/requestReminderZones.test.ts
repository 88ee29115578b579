import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remindAndExpire } from "../../src/features/requests/requests.js";
import { requestMessages } from "../../src/features/requests/views/messages.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { seedProgram } from "../support/programSeed.js";

const TEAM = "T0ZONES";
// Created Monday 2026-11-02 15:00Z. Three days on is Thursday 15:00Z: 07:00 in Los Angeles (PST, so
// the reminder waits for 10:00 there, 18:00Z) and Friday 00:00 in Tokyo (10:00 there is Friday 01:00Z).
const CREATED = new Date("2026-11-02T15:00:00Z");
const at = (iso: string) => new Date(iso);

describe.each(testProviders)("request reminders and expiry follow each person's zone on %s", (provider) => {
  let database: MigratedTestDatabase;
  let programId = "";
  let member: Record<string, string> = {};

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const prisma = database.prisma;
    ({ programId, member } = await seedProgram(prisma, TEAM, {
      laMentor: { role: "MENTOR", tz: "America/Los_Angeles" },
      tokyoMentor: { role: "MENTOR", tz: "Asia/Tokyo" },
      tokyoTrainee: { role: "TRAINEE", tz: "Asia/Tokyo" },
      laTrainee: { role: "TRAINEE", tz: "America/Los_Angeles" },
    }, CREATED));
    // The Los Angeles mentor's trainee is in Tokyo, and the other way round: reminders follow the mentor, expiry the trainee.
    await prisma.mentorRequest.create({ data: { id: "req-la-mentor", workspaceId: TEAM, programId, traineeId: member.tokyoTrainee!, mentorId: member.laMentor!, role: "mentor", createdAt: CREATED } });
    await prisma.mentorRequest.create({ data: { id: "req-tokyo-mentor", workspaceId: TEAM, programId, traineeId: member.laTrainee!, mentorId: member.tokyoMentor!, role: "mentor", createdAt: CREATED } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  const outboxKeys = async () =>
    (await database.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM }, select: { key: true }, orderBy: { key: "asc" } })).map((m) => m.key);
  /** The messages queued (Home refreshes, also outbox rows, are checked on their own). */
  const queued = async () => (await outboxKeys()).filter((key) => !key.startsWith("home:"));
  const run = (now: string) => remindAndExpire(database.prisma, { now: at(now), sendFrom: at(now) }, requestMessages);

  it("reminds each mentor at 10:00 on their own weekday morning, once", async () => {
    expect(await run("2026-11-05T15:30:00Z")).toMatchObject({ reminded: 0, expired: 0 }); // 3 days on: 07:30 in LA, 00:30 in Tokyo
    expect(await run("2026-11-05T17:59:00Z")).toMatchObject({ reminded: 0, expired: 0 });
    expect(await run("2026-11-05T18:00:00Z")).toMatchObject({ reminded: 1, expired: 0 }); // 10:00 Thursday in LA
    expect(await queued()).toEqual(["request-reminder:req-la-mentor"]);
    expect(await run("2026-11-06T00:59:00Z")).toMatchObject({ reminded: 0, expired: 0 }); // 09:59 Friday in Tokyo
    expect(await run("2026-11-06T01:00:00Z")).toMatchObject({ reminded: 1, expired: 0 }); // 10:00 Friday in Tokyo
    expect(await run("2026-11-06T02:00:00Z")).toMatchObject({ reminded: 0, expired: 0 });
    expect(await queued()).toEqual(["request-reminder:req-la-mentor", "request-reminder:req-tokyo-mentor"]);
  });

  it("expires each request at 10:00 on the trainee's first weekday morning after 7 days", async () => {
    // 7 days on is Monday 2026-11-09 15:00Z: 07:00 in LA (10:00 = 18:00Z), Tuesday 00:00 in Tokyo (10:00 = 01:00Z).
    expect(await run("2026-11-09T17:59:00Z")).toMatchObject({ reminded: 0, expired: 0 });
    expect(await run("2026-11-09T18:00:00Z")).toMatchObject({ reminded: 0, expired: 1 }); // the LA trainee's request
    expect((await database.prisma.mentorRequest.findUniqueOrThrow({ where: { id: "req-tokyo-mentor" } })).status).toBe("EXPIRED");
    expect((await database.prisma.mentorRequest.findUniqueOrThrow({ where: { id: "req-la-mentor" } })).status).toBe("PENDING");
    expect(await run("2026-11-10T00:59:00Z")).toMatchObject({ reminded: 0, expired: 0 });
    expect(await run("2026-11-10T01:00:00Z")).toMatchObject({ reminded: 0, expired: 1 }); // 10:00 Tuesday in Tokyo
    expect(await queued()).toEqual(["request-expired:req-la-mentor", "request-expired:req-tokyo-mentor", "request-reminder:req-la-mentor", "request-reminder:req-tokyo-mentor"]);
    // Both sides of each expired request get their Home redrawn.
    expect((await outboxKeys()).filter((key) => key.startsWith("home:"))).toEqual(["home:U0LAMENTOR", "home:U0LATRAINEE", "home:U0TOKYOMENTOR", "home:U0TOKYOTRAINEE"]);
  });
});
