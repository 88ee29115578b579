import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf } from "../support/slackDriver.js";
import { cliReport } from "../support/cliReport.js";
import type { Database } from "../../src/store/database.js";

const TEAM = "T0PRIV";
const P = {
  tara: { id: "U0TARA", teamId: TEAM, name: "Tara Trainee", tz: "UTC" },
  nora: { id: "U0NORA", teamId: TEAM, name: "Nora Ng", tz: "UTC" },
  ola: { id: "U0OLA", teamId: TEAM, name: "Ola Okafor", tz: "UTC" },
  vic: { id: "U0VIC", teamId: TEAM, name: "Vic Vance", tz: "UTC" },
};
type Key = keyof typeof P;

describe.each(testProviders)("deleting one's data, as the person and as those around them on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  const ids = {} as Record<Key, string>;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    const program = await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } });
    const cohort = await prisma.cohort.create({ data: { workspaceId: TEAM, programId: program.id, name: "2026–27 Fellows" } });
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, tz: "UTC", refreshedAt: new Date() } })).id;
    }
    await prisma.enrollment.createMany({
      data: [
        { workspaceId: TEAM, programId: program.id, memberId: ids.tara, role: "TRAINEE", cohortId: cohort.id },
        { workspaceId: TEAM, programId: program.id, memberId: ids.vic, role: "TRAINEE", cohortId: cohort.id },
        { workspaceId: TEAM, programId: program.id, memberId: ids.nora, role: "MENTOR" },
        { workspaceId: TEAM, programId: program.id, memberId: ids.ola, role: "MENTOR" },
      ],
    });
    // A pairing from before matches recorded their cohort: deleting her data must keep it all the same.
    await prisma.match.create({ data: { workspaceId: TEAM, programId: program.id, traineeId: ids.tara, mentorId: ids.nora, role: "mentor", startedAt: new Date("2026-09-01T12:00:00Z") } });
    await prisma.mentorRequest.create({ data: { workspaceId: TEAM, programId: program.id, traineeId: ids.vic, mentorId: ids.ola, role: "coach" } });
    await prisma.goal.create({ data: { workspaceId: TEAM, memberId: ids.tara, text: "Win a K award", status: "ACTIVE", progress: [] } });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });

  /** The director's matches report, from the CLI. */
  const matchesReport = () => cliReport(database.url, TEAM, "Heme Fellowship", "matches");

  it("a trainee who deletes their data leaves the shared match's report row with its cohort, and their mentor is told the mentorship ended", async () => {
    const before = await matchesReport();
    expect(before.rows.map((r) => [r.cohort, r.trainee, r.mentor])).toEqual([["2026–27 Fellows", "Tara Trainee", "Nora Ng"]]);

    const { triggerId } = await drive.press("tara", "privacy_open", undefined);
    const modal = JSON.stringify(await drive.opened(triggerId));
    expect(modal).toContain("Win a K award — active, no progress notes yet");
    expect(modal).toContain("Your current mentorships end (the other person is told)");
    await drive.press("tara", "privacy_delete", undefined, { view: { id: "V0PRIVACY" } });
    await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === "V0PRIVACY"));

    const after = await matchesReport();
    expect(after.rows.map((r) => [r.cohort, r.trainee, r.trainee_slack_id, r.mentor, r.status])).toEqual([["2026–27 Fellows", "Former member", "", "Nora Ng", "ended"]]);
    expect(after.raw).toContain(",2026–27 Fellows,Former member,");

    const told = textOf(await drive.dmTo("nora", "has left the mentoring program"));
    expect(told).toContain("<@U0TARA> has left the mentoring program, so your mentorship with them in Heme Fellowship has ended and your place is free again");
    expect(JSON.stringify(await drive.openHome("nora"))).toContain("No mentees yet.");
    expect(JSON.stringify(await drive.openHome("nora"))).not.toContain("U0TARA");
    expect(await db.prisma.goal.count({ where: { memberId: ids.tara } })).toBe(0);
  });

  it("a mentor who deletes their data closes the requests waiting for them, and each trainee is told and pointed to /findmentor", async () => {
    await drive.press("ola", "privacy_delete", undefined, { view: { id: "V0PRIVACY2" } });
    const told = textOf(await drive.dmTo("vic", "has left the mentoring program"));
    expect(told).toContain("<@U0OLA> has left the mentoring program, so your request to them is closed");
    expect(told).toContain("/findmentor");
    expect(JSON.stringify(await drive.openHome("vic"))).not.toContain("Waiting for an answer");
  });
});
