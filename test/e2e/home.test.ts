import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, type Person } from "../support/slackDriver.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";

const TEAM = "T0HOME";
const OTHER_TEAM = "T1HOME";
const people = {
  fellow: { id: "U0FELLOW", teamId: TEAM, name: "Ana Fellow", tz: "America/Chicago" },
  mentor: { id: "U0MENTOR", teamId: TEAM, name: "Dr. Maya", tz: "America/New_York" },
  junior: { id: "U0JUNIOR", teamId: TEAM, name: "Dr. Jun", tz: "Europe/London" },
  director: { id: "U0DIRECTOR", teamId: TEAM, name: "Dr. Director", tz: "UTC", isAdmin: true },
  outsider: { id: "U1ADMIN", teamId: OTHER_TEAM, name: "Other Admin", tz: "UTC", isAdmin: true },
};

describe.each(testProviders)("the App Home for each role on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const p of Object.values(people)) slack.addUser(p);
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    const program = await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", defaultCapacity: 2 } });
    const cohort = await prisma.cohort.create({ data: { workspaceId: TEAM, programId: program.id, name: "2026–27 Fellows" } });
    const ids: Record<string, string> = {};
    for (const [key, p] of Object.entries(people).filter(([k]) => k !== "outsider" && k !== "director")) {
      const m = await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, tz: p.tz, refreshedAt: new Date() } });
      ids[key] = m.id;
    }
    await prisma.enrollment.createMany({
      data: [
        { workspaceId: TEAM, programId: program.id, memberId: ids.fellow!, role: "TRAINEE", cohortId: cohort.id },
        { workspaceId: TEAM, programId: program.id, memberId: ids.mentor!, role: "MENTOR" },
        { workspaceId: TEAM, programId: program.id, memberId: ids.junior!, role: "MENTOR" },
        { workspaceId: TEAM, programId: program.id, memberId: ids.junior!, role: "TRAINEE" },
      ],
    });
    await prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: ids.fellow! } });
    await prisma.goal.create({ data: { workspaceId: TEAM, memberId: ids.fellow!, text: "Submit a K08 by June", status: "ACTIVE", progress: [] } });
    await prisma.match.create({
      data: { workspaceId: TEAM, programId: program.id, traineeId: ids.fellow!, mentorId: ids.mentor!, role: "sponsor", startedAt: new Date("2026-09-01T15:00:00Z") },
    });
    await prisma.mentorRequest.create({
      data: { workspaceId: TEAM, programId: program.id, traineeId: ids.fellow!, mentorId: ids.junior!, role: "coach", createdAt: new Date("2026-11-18T15:00:00Z") },
    });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver({ app: () => app, slack: () => slack });
  const openHome = async (user: Person): Promise<string> => JSON.stringify(await drive.openHome(user));

  it("shows a trainee their mentor with the role, the request still open, and their goal once, with its progress", async () => {
    const home = await openHome(people.fellow);
    expect(home).toContain("As a trainee");
    expect(home).toContain("<@U0MENTOR> — sponsor, Heme Fellowship, since Tue 1 Sep 2026");
    expect(home).toContain("Waiting for an answer*\\n• <@U0JUNIOR> — coach");
    expect(home.split("Submit a K08 by June")).toHaveLength(2);
    expect(home).toContain("My goals");
    expect(home).not.toContain("No goals");
    expect(home).not.toContain("As a mentor");
    expect(home).not.toContain("Programs you direct");
  });

  it("shows a mentor their mentee and how many places are used", async () => {
    const home = await openHome(people.mentor);
    expect(home).toContain("As a mentor");
    expect(home).toContain("1 of 2 places used — 1 open");
    expect(home).toContain("<@U0FELLOW> — sponsor");
    expect(home).not.toContain("As a trainee");
  });

  it("shows someone who both mentors and trains both parts, with the request waiting for them", async () => {
    const home = await openHome(people.junior);
    expect(home).toContain("As a trainee");
    expect(home).toContain("As a mentor");
    expect(home).toContain("Request waiting for your answer");
    expect(home).toContain("<@U0FELLOW> asks you to be their *coach* in Heme Fellowship");
    expect(home).toContain('"action_id":"request_accept"');
  });

  it("welcomes a director who is in no program as a director, and gives each program's numbers once, in one wording", async () => {
    const home = await openHome(people.director);
    expect(home).toContain("Welcome, Dr. Director.* You direct the mentoring programs here");
    expect(home).not.toContain("not in a mentoring program");
    expect(home).toContain("Programs you direct");
    expect(home).toContain("*Heme Fellowship* · 1 cohort");
    expect(home.split("2 trainees · 2 mentors · 1 matched (50%) · 1 pending request\\n")).toHaveLength(2);
    expect(home).not.toContain("pending requests");
    expect(home).not.toContain("1 cohorts");
  });

  it("lets a mentor accept a request from their Home: told in a small window, the request leaves both Homes", async () => {
    const request = await db.prisma.mentorRequest.findFirstOrThrow({ where: { workspaceId: TEAM, status: "PENDING" } });
    const { triggerId } = await drive.press(people.junior, "request_accept", request.id, "home");
    const shown = JSON.stringify(await drive.opened(triggerId));
    expect(shown).toContain("You accepted <@U0FELLOW>'s request to be their coach. I've introduced you in a group message.");
    expect(await openHome(people.junior)).not.toContain("waiting for your answer");
    const fellow = await openHome(people.fellow);
    expect(fellow).not.toContain("Waiting for an answer");
    expect(fellow).toContain("<@U0JUNIOR> — coach, Heme Fellowship, since");
  });

  it("shows another workspace's admin nothing of this workspace", async () => {
    const home = await openHome(people.outsider);
    expect(home).toContain("Programs you direct");
    expect(home).toContain("No programs yet");
    expect(home).not.toContain("Heme Fellowship");
  });
});
