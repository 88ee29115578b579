import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf } from "../support/slackDriver.js";
import { cliReport } from "../support/cliReport.js";
import { runJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";

const TEAM = "T0PRIV";
const P = {
  tara: { id: "U0TARA", teamId: TEAM, name: "Tara Trainee", tz: "UTC" },
  nora: { id: "U0NORA", teamId: TEAM, name: "Nora Ng", tz: "UTC" },
  ola: { id: "U0OLA", teamId: TEAM, name: "Ola Okafor", tz: "UTC" },
  vic: { id: "U0VIC", teamId: TEAM, name: "Vic Vance", tz: "UTC" },
  max: { id: "U0MAX", teamId: TEAM, name: "Max Moreau", tz: "UTC" },
};
const DAY_MS = 86_400_000;
type Key = keyof typeof P;

describe.each(testProviders)("deleting one's data, as the person and as those around them on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  const ids = {} as Record<Key, string>;
  let programId = "";

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    const program = await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } });
    programId = program.id;
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
        { workspaceId: TEAM, programId: program.id, memberId: ids.max, role: "MENTOR" },
      ],
    });
    // A pairing from before matches recorded their cohort: deleting her data must keep it all the same.
    const match = await prisma.match.create({ data: { workspaceId: TEAM, programId: program.id, traineeId: ids.tara, mentorId: ids.nora, role: "mentor", startedAt: new Date("2026-09-01T12:00:00Z") } });
    await prisma.mentorRequest.create({ data: { workspaceId: TEAM, programId: program.id, traineeId: ids.vic, mentorId: ids.ola, role: "coach" } });
    await prisma.goal.create({ data: { workspaceId: TEAM, memberId: ids.tara, text: "Win a K award", status: "ACTIVE", progress: [] } });

    // The surveys Tara and Vic were asked; Tara answered the mentee survey, anonymously (no link from the answers to her).
    const invitation = (memberId: string, kind: string, milestone: string, sentAt: string, answered: boolean) => ({
      workspaceId: TEAM,
      programId: program.id,
      kind,
      milestone,
      period: "2026–27",
      matchId: kind === "mentee" ? match.id : null,
      memberId,
      cohortName: cohort.name,
      mentorId: kind === "mentee" ? ids.nora : null,
      key: `${kind}:${kind === "mentee" ? match.id : "program"}:${milestone}:${memberId}`,
      sentAt: new Date(sentAt),
      answered,
    });
    await prisma.surveyInvitation.createMany({
      data: [
        invitation(ids.tara, "mentee", "m3", "2026-12-01T10:00:00Z", true),
        invitation(ids.tara, "program", "year-2026", "2027-06-17T10:00:00Z", false),
        invitation(ids.vic, "program", "year-2026", "2027-06-17T10:00:00Z", false),
      ],
    });
    await prisma.surveyResponse.create({ data: { id: "anonymous-answers", workspaceId: TEAM, programId: program.id, cohortName: cohort.name, mentorId: ids.nora, kind: "mentee", milestone: "m3", period: "2026–27", answers: { overall: 5 } } });

    // Career round tables hosted by Nora and Max: one session seated (Tara and Vic have their tables), one whose choices are still open.
    const session = async (startsInDays: number, seated: boolean) => {
      const startsAt = new Date(Date.now() + startsInDays * DAY_MS);
      const s = await prisma.roundTableSession.create({
        data: {
          workspaceId: TEAM,
          programId: program.id,
          startsAt,
          rotations: 2,
          minutesPerRotation: 20,
          tableSize: 6,
          choiceDeadline: new Date(startsAt.getTime() - DAY_MS),
          createdById: "U0DIRECTOR",
          seatedAt: seated ? new Date() : null,
          hosts: { create: [{ workspaceId: TEAM, memberId: ids.nora, careerPath: "academic_research" }, { workspaceId: TEAM, memberId: ids.max, careerPath: "medical_education" }] },
        },
        select: { id: true, hosts: { select: { id: true, memberId: true } } },
      });
      const table = (memberId: string) => s.hosts.find((h) => h.memberId === memberId)!.id;
      for (const k of ["tara", "vic"] as const) await prisma.roundTableChoice.create({ data: { workspaceId: TEAM, sessionId: s.id, memberId: ids[k], paths: ["academic_research", "medical_education"] } });
      if (seated) {
        await prisma.roundTableSeat.createMany({
          data: [
            { workspaceId: TEAM, sessionId: s.id, hostId: table(ids.nora), memberId: ids.tara, rotation: 0 },
            { workspaceId: TEAM, sessionId: s.id, hostId: table(ids.max), memberId: ids.tara, rotation: 1 },
            { workspaceId: TEAM, sessionId: s.id, hostId: table(ids.max), memberId: ids.vic, rotation: 0 },
            { workspaceId: TEAM, sessionId: s.id, hostId: table(ids.nora), memberId: ids.vic, rotation: 1 },
          ],
        });
      }
    };
    await session(2, true);
    await session(3, false);
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
    // The surveys she was asked and whether she answered — never what: the answers hold no link to her.
    expect(modal).toContain("Heme Fellowship — Mentee's view of the mentoring, 3 months into the match: asked Tue 1 Dec 2026, answered");
    expect(modal).toContain("Heme Fellowship — Program-wide end-of-year survey, at the end of the 2026–27 year: asked Thu 17 Jun 2027, not answered");
    expect(modal).toContain("Your answers are anonymous");
    expect(modal).not.toContain("anonymous-answers");
    // Her round-table choices and seats.
    expect(modal).toContain("you chose Academic research, Medical education; your seats: 1. Academic research with Nora Ng; 2. Medical education with Max Moreau");
    expect(modal.split("you chose Academic research, Medical education").length).toBe(3);
    expect(modal).toContain("the surveys you were asked, your round-table choices and seats");
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

    // Who was asked which survey goes with her; the anonymous answers stay, and so does everything of Vic's.
    const p = db.prisma;
    expect(await p.surveyInvitation.count({ where: { memberId: ids.tara } })).toBe(0);
    expect(await p.surveyInvitation.count({ where: { memberId: ids.vic } })).toBe(1);
    expect(await p.surveyResponse.count({ where: { workspaceId: TEAM } })).toBe(1);
    expect(await p.roundTableChoice.count({ where: { memberId: ids.tara } })).toBe(0);
    expect(await p.roundTableSeat.count({ where: { memberId: ids.tara } })).toBe(0);
    expect(await p.roundTableChoice.count({ where: { memberId: ids.vic } })).toBe(2);
    expect(await p.roundTableSeat.count({ where: { memberId: ids.vic } })).toBe(2);
    const audit = await p.auditLog.findFirstOrThrow({ where: { workspaceId: TEAM, action: "member.erased", target: ids.tara } });
    expect(audit.details).toMatchObject({ surveyInvitations: 2, roundTableChoices: 2, roundTableSeats: 2 });
  });

  it("a mentor who deletes their data closes the requests waiting for them, and each trainee is told and pointed to /findmentor", async () => {
    await drive.press("ola", "privacy_delete", undefined, { view: { id: "V0PRIVACY2" } });
    const told = textOf(await drive.dmTo("vic", "has left the mentoring program"));
    expect(told).toContain("<@U0OLA> has left the mentoring program, so your request to them is closed");
    expect(told).toContain("/findmentor");
    expect(JSON.stringify(await drive.openHome("vic"))).not.toContain("Waiting for an answer");
  });

  it("career round tables go on for the others after a trainee deleted her data: seated, scheduled and followed up without her", async () => {
    // After both sessions: the job seats the open one (Vic alone chose now) and asks the trainees of both whether to request a host.
    const after = new Date(Date.now() + 4 * DAY_MS);
    const run = await runJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "round-tables", after);
    expect(run.code, run.out).toBe(0);
    const schedule = textOf(await drive.dmTo("vic", "Your tables at"));
    expect(schedule).toContain("Rotation 1");
    expect(schedule).toContain("Rotation 2");
    const noraTable = textOf(await drive.dmTo("nora", "Academic research table"));
    expect(noraTable).toContain("<@U0VIC>");
    expect(noraTable).toContain("1 trainee in all");
    await slack.waitFor(() => (drive.countIn(P.vic.id, "request one of your hosts") === 2 ? true : undefined));
    const sessionDms = await db.prisma.outboxMessage.findMany({ where: { workspaceId: TEAM, key: { startsWith: "roundtable-" } }, select: { channel: true, status: true } });
    expect(sessionDms.map((m) => m.channel).sort()).toEqual([P.max.id, P.nora.id, P.vic.id, P.vic.id, P.vic.id].sort());
    expect(drive.countIn(P.tara.id, "round tables")).toBe(0);
    expect(await db.prisma.roundTableSeat.count({ where: { workspaceId: TEAM, memberId: ids.vic } })).toBe(4);
  });
});
