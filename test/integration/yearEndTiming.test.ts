import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yearEndRound } from "../../src/features/year/year.js";
import { yearMessages } from "../../src/features/year/views/messages.js";
import { testProviders } from "../support/databases.js";
import { oneClock } from "../support/jobRunner.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

const TEAM = "T0YEARTIME";

describe.each(testProviders)("the year-end questions in each person's working hours on %s", (provider) => {
  let database: MigratedTestDatabase;
  let matchId = "";
  let programId = "";

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const p = database.prisma;
    await p.workspace.create({ data: { id: TEAM } });
    // The 2026–27 year ends Thu 1 Jul 2027 (UTC): the asks open Thu 20 May 2027, 00:00 UTC.
    programId = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", academicYearStart: "07-01", timezone: "UTC" } })).id;
    const person = async (slackUserId: string, tz: string) => (await p.member.create({ data: { workspaceId: TEAM, slackUserId, name: slackUserId, tz, refreshedAt: new Date() } })).id;
    const tokyo = await person("U0TOKYO", "Asia/Tokyo");
    const chicago = await person("U0CHICAGO", "America/Chicago");
    const director = await person("U0LONDON", "Europe/London");
    const early = await person("U0EARLY", "UTC");
    const earlyMentor = await person("U0EARLYMENTOR", "UTC");
    await p.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: director, role: "DIRECTOR" } });
    matchId = (await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: tokyo, mentorId: chicago, role: "mentor", startedAt: new Date("2026-09-01T12:00:00Z") } })).id;
    // A mentorship asked before run keys were per person: its one key covers both sides.
    const asked = await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: early, mentorId: earlyMentor, role: "mentor", startedAt: new Date("2026-09-01T12:00:00Z") } });
    await p.jobRun.create({ data: { key: `year-ask:${asked.id}:2026`, job: "year-end", workspaceId: TEAM, status: "DONE", startedAt: new Date("2027-05-20T00:41:00Z"), finishedAt: new Date("2027-05-20T00:41:00Z") } });
  });

  afterAll(async () => {
    await database?.drop();
  });

  const run = (iso: string) => yearEndRound(database.prisma, oneClock(new Date(iso)), yearMessages);
  const queued = async () =>
    (await database.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM }, select: { key: true, channel: true }, orderBy: { key: "asc" } })).map((m) => `${m.key} → ${m.channel}`);

  it("asks each person once, at 10:00 on a working day in their own zone, not when the window opens", async () => {
    expect(await run("2027-05-20T00:41:00Z")).toBe(0); // 09:41 in Tokyo, the evening before in Chicago and London
    expect(await run("2027-05-20T01:00:00Z")).toBe(1); // 10:00 in Tokyo
    expect(await queued()).toEqual([`year-ask:${matchId}:2026:trainee → U0TOKYO`]);
    expect(await run("2027-05-20T08:45:00Z")).toBe(0);
    expect(await run("2027-05-20T09:00:00Z")).toBe(1); // 10:00 BST: the director
    expect(await run("2027-05-20T14:45:00Z")).toBe(0);
    expect(await run("2027-05-20T15:00:00Z")).toBe(1); // 10:00 CDT
    expect(await run("2027-05-20T15:00:00Z")).toBe(0);
    expect(await run("2027-05-24T15:00:00Z")).toBe(0);
    expect(await queued()).toEqual(
      [`year-ask:${matchId}:2026:mentor → U0CHICAGO`, `year-ask:${matchId}:2026:trainee → U0TOKYO`, `year-prompt:${programId}:2026:U0LONDON → U0LONDON`].sort(),
    );
  });
});
