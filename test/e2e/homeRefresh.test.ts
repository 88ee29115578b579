import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack, RecordedCall } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver } from "../support/slackDriver.js";
import { runJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";

const TEAM = "T0HOMEREF";
const P = {
  tess: { id: "U0TESS", teamId: TEAM, name: "Tess Trainee", tz: "UTC" },
  tom: { id: "U0TOM", teamId: TEAM, name: "Tom Trainee", tz: "UTC" },
  cal: { id: "U0CAL", teamId: TEAM, name: "Dr. Cal", tz: "UTC" },
};
type Key = keyof typeof P;
/** How a trainee's Home lists a request still waiting for Dr. Cal's answer. */
const waitingForCal = (role: string) => `<@U0CAL> — ${role}, Heme Fellowship, sent`;

/** A person's Home is republished when their state changes, without them opening it again (issue 12, item 8). */
describe.each(testProviders)("Homes follow state changes on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  const ids = {} as Record<Key, string>;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", defaultCapacity: 3 } })).id;
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, tz: "UTC", refreshedAt: new Date() } })).id;
    }
    await prisma.enrollment.createMany({
      data: [
        { workspaceId: TEAM, programId, memberId: ids.tess, role: "TRAINEE" },
        { workspaceId: TEAM, programId, memberId: ids.tom, role: "TRAINEE" },
        { workspaceId: TEAM, programId, memberId: ids.cal, role: "MENTOR" },
      ],
    });
    await prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: ids.cal, careerStage: "senior_faculty", rolesOffered: ["mentor", "sponsor"] } });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });
  const seedRequest = (trainee: Key, role: string, createdAt = new Date()) =>
    db.prisma.mentorRequest.create({ data: { workspaceId: TEAM, programId, traineeId: ids[trainee], mentorId: ids.cal, role, createdAt } });
  /** The next Home published to `who` after call number `after`, without them opening it. */
  const nextHomeOf = (who: Key, after: number) =>
    slack.waitFor(() => slack.calls.slice(after).find((c): c is RecordedCall => c.method === "views.publish" && c.args.user_id === P[who].id), 15_000);

  it("after the request-reminders job expires a request, the trainee's Home no longer says it is waiting for the mentor", async () => {
    const created = new Date();
    const request = await seedRequest("tess", "mentor", created);
    expect(JSON.stringify(await drive.openHome("tess"))).toContain(waitingForCal("mentor"));

    const before = slack.calls.length;
    const run = await runJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "request-reminders", new Date(created.getTime() + 10.5 * 24 * 3600_000));
    expect(run.code, run.out).toBe(0);
    expect((await db.prisma.mentorRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("EXPIRED");

    const home = await nextHomeOf("tess", before);
    expect(JSON.stringify(home.args.view)).not.toContain(waitingForCal("mentor"));
    // The mentor's Home, which listed the request waiting for his answer, follows too.
    expect(JSON.stringify((await nextHomeOf("cal", before)).args.view)).not.toContain("<@U0TESS>");
  });

  it("after the mentor accepts, the trainee's Home shows the mentorship instead of the waiting request", async () => {
    const request = await seedRequest("tom", "sponsor");
    expect(JSON.stringify(await drive.openHome("tom"))).toContain(waitingForCal("sponsor"));

    const before = slack.calls.length;
    const { responseId } = await drive.press("cal", "request_accept", request.id, { channel: `D-${P.cal.id}`, ts: "1.000001" });
    expect(await drive.response(responseId)).toContain("You accepted");

    const home = JSON.stringify((await nextHomeOf("tom", before)).args.view);
    expect(home).not.toContain(waitingForCal("sponsor"));
    expect(home).toContain("<@U0CAL>");
    // One refresh row per person, however many changes asked for it.
    expect(await db.prisma.outboxMessage.count({ where: { workspaceId: TEAM, key: `home:${P.tom.id}` } })).toBe(1);
  });
});
