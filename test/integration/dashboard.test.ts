import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directorDashboard, endPairAsDirector, nudgePair, type ProgramDashboard } from "../../src/features/dashboard-reports/dashboard.js";
import { chartSeries } from "../../src/features/dashboard-reports/chart.js";
import { buildReports, REPORT_COLUMNS } from "../../src/features/dashboard-reports/reports.js";
import { dashboardMessages } from "../../src/features/dashboard-reports/views/messages.js";
import { nudgeBoth } from "../../src/features/checkins/checkinsDirector.js";
import { checkinMessages } from "../../src/features/checkins/views/messages.js";
import { MatchAlreadyEnded, MatchNotFound } from "../../src/domain/errors.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { DASH_NOW, DASH_OTHER, DASH_PEOPLE, DASH_TEAM, DECLINE_REASON, END_NOTE, OTHER_SECRET, PROGRESS_NOTE, REQUEST_MESSAGE, SECRET_NOTE, seedDashboard, type DashSeed } from "../support/dashboardSeed.js";

const names = (list: { mentor: { name: string } }[]) => list.map((e) => e.mentor.name);

describe.each(testProviders)("dashboard aggregation and reports on %s", (provider) => {
  let database: MigratedTestDatabase;
  let seed: DashSeed;
  let heme: ProgramDashboard;

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    seed = await seedDashboard(database.prisma);
    const dashboard = await directorDashboard(database.prisma, DASH_TEAM, DASH_NOW);
    heme = dashboard.programs.find((p) => p.program.name === "Heme Fellowship")!;
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("counts people, matched trainees and cohorts per program, leaving other workspaces out", async () => {
    const dashboard = await directorDashboard(database.prisma, DASH_TEAM, DASH_NOW);
    expect(dashboard.programs.map((p) => p.program.name)).toEqual(["Heme Fellowship", "Peds Mentoring"]);
    expect(heme.totals).toEqual({ trainees: 5, mentors: 3, matchedTrainees: 4 });
    expect(heme.cohorts).toEqual([
      { cohortId: expect.any(String), cohortName: "2026 Fellows", trainees: 3, mentors: 1, matchedTrainees: 3 },
      { cohortId: null, cohortName: null, trainees: 2, mentors: 2, matchedTrainees: 1 },
    ]);
    expect(dashboard.programs[1]!.totals).toEqual({ trainees: 1, mentors: 1, matchedTrainees: 1 });
  });

  it("reports last period's meetings once per pair and period, and the check-in response rate", () => {
    expect(heme.period.label).toBe("Oct 2026");
    expect(heme.meetingsLastPeriod).toBe(3);
    expect(heme.checkinsLastPeriod).toEqual({ sent: 4, answered: 3 });
  });

  it("lists pending requests oldest first with their age", () => {
    expect(heme.pending.total).toBe(2);
    expect(heme.pending.oldest.map((r) => [r.mentor.name, r.ageDays])).toEqual([
      ["Dr. Jun", 20],
      ["Dr. Rae", 10],
    ]);
  });

  it("puts the pair that asked for help first among pairs at risk, then the one with no meeting in six periods", () => {
    expect(heme.atRisk.map((r) => r.matchId)).toEqual([seed.matches.B, seed.matches.C]);
    expect(heme.atRisk[0]!.reason).toEqual({ kind: "need_help", since: new Date("2026-10-04T10:00:00Z") });
    expect(heme.atRisk[1]!.reason).toEqual({ kind: "no_meeting", missedPeriods: 6, lastMeetingAt: null });
  });

  it("shows who is full and who has room, and thanks per mentor", () => {
    expect(names(heme.load.full)).toEqual(["Dr. Maya", "Dr. Rae"]);
    expect(heme.load.room.map((m) => [m.mentor.name, m.active, m.capacity])).toEqual([["Dr. Jun", 1, 2]]);
    expect(heme.load.openPlaces).toBe(1);
    expect(heme.thanks.map((t) => [t.mentor.name, t.count])).toEqual([
      ["Dr. Maya", 2],
      ["Dr. Rae", 1],
    ]);
  });

  it("charts meetings and response per period for a program and for the whole workspace", async () => {
    const program = await chartSeries(database.prisma, DASH_TEAM, seed.programId, DASH_NOW);
    expect(program.points).toHaveLength(12);
    expect(program.points.at(-1)).toEqual({ label: "Oct 2026", meetings: 3, sent: 4, answered: 3 });
    expect(program.points.at(-2)).toEqual({ label: "Sep 2026", meetings: 0, sent: 0, answered: 0 });
    const all = await chartSeries(database.prisma, DASH_TEAM, null, DASH_NOW);
    expect(all.title).toBe("All programs");
    expect(all.points.at(-1)!.meetings).toBe(4); // Peds' October meeting too, not the other workspace's
  });

  it("exports the five reports with the right rows, director-private reasons, and no private notes", async () => {
    const reports = await buildReports(database.prisma, { workspaceId: DASH_TEAM, actor: DASH_PEOPLE.dir.id }, seed.programId, DASH_NOW);
    expect(reports.files.map((f) => f.filename)).toEqual([
      "rounds-heme-fellowship-matches-2026-11-21.csv",
      "rounds-heme-fellowship-checkins-2026-11-21.csv",
      "rounds-heme-fellowship-requests-2026-11-21.csv",
      "rounds-heme-fellowship-goals-2026-11-21.csv",
      "rounds-heme-fellowship-audit-2026-11-21.csv",
    ]);
    const csv = (name: string) => reports.files.find((f) => f.report === name)!.csv;
    const rows = (name: keyof typeof REPORT_COLUMNS) => parse(csv(name), { columns: true }) as Record<string, string>[];
    for (const f of reports.files) expect(parse(f.csv)[0]).toEqual([...REPORT_COLUMNS[f.report]]);
    const matches = rows("matches");
    expect(matches).toHaveLength(6);
    const a = matches.find((m) => m.match_id === seed.matches.A)!;
    expect(a).toMatchObject({ program: "Heme Fellowship", cohort: "2026 Fellows", trainee: "Ana Fellow", trainee_slack_id: "U0DT1", mentor: "Dr. Maya", status: "active", meetings_logged: "1", last_meeting_on: "2026-10-10" });
    expect(matches.find((m) => m.match_id === seed.matches.E)).toMatchObject({ status: "ended", ended_by: "Dr. Jun", end_note: END_NOTE });
    expect(matches.filter((m) => m.at_risk).map((m) => [m.match_id, m.at_risk])).toEqual([
      [seed.matches.C, "no meeting for 6 periods"],
      [seed.matches.B, "need help (asked 2026-10-04)"],
    ]);
    expect(matches.find((m) => m.match_id === seed.matches.F)).toMatchObject({ trainee: "Former member", trainee_slack_id: "", ended_by: "Former member" });
    expect(rows("checkins").map((c) => [c.period, c.answer, c.answered_by])).toEqual([
      ["2026-09-01", "met", "mentor"],
      ["2026-09-01", "need_help", "mentor"],
      ["2026-09-01", "", ""],
      ["2026-09-15", "met", "mentor"],
    ]);
    expect(rows("requests").map((r) => [r.mentor, r.status, r.waiting_days, r.decline_reason])).toEqual([
      ["Dr. Maya", "declined", "", DECLINE_REASON],
      ["Dr. Jun", "pending", "20", ""],
      ["Dr. Rae", "pending", "10", ""],
    ]);
    expect(rows("goals").map((g) => [g.trainee, g.title, g.status, g.progress_notes])).toEqual([
      ["Ana Fellow", "Submit a K08", "active", "1"],
      ["Ben Fellow", "Publish the case series", "done", "0"],
    ]);
    const audit = rows("audit");
    expect(audit.map((r) => r.action)).toEqual(["program.create", "report.export"]);
    const everything = reports.files.map((f) => f.csv).join("\n");
    for (const secret of [SECRET_NOTE, OTHER_SECRET, REQUEST_MESSAGE, PROGRESS_NOTE, "Olga Other", "Pia Peds"]) expect(everything).not.toContain(secret);
  });

  it("a whole-workspace report covers every program of this workspace only", async () => {
    const reports = await buildReports(database.prisma, { workspaceId: DASH_TEAM, actor: "cli" }, null, DASH_NOW);
    const matches = parse(reports.files[0]!.csv, { columns: true }) as Record<string, string>[];
    expect(new Set(matches.map((m) => m.program))).toEqual(new Set(["Heme Fellowship", "Peds Mentoring"]));
    expect(reports.files.map((f) => f.csv).join("\n")).not.toContain("Other Program");
  });

  it("defuses a name a spreadsheet would run as a formula", async () => {
    await database.prisma.member.update({ where: { id: seed.members.t5 }, data: { name: "=HYPERLINK(\"http://x\")" } });
    const reports = await buildReports(database.prisma, { workspaceId: DASH_TEAM, actor: "cli" }, seed.programId, DASH_NOW);
    const requests = parse(reports.files.find((f) => f.report === "requests")!.csv, { columns: true }) as Record<string, string>[];
    expect(requests.filter((r) => r.status === "pending").map((r) => r.trainee)).toEqual(['\'=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")']);
    await database.prisma.member.update({ where: { id: seed.members.t5 }, data: { name: DASH_PEOPLE.t5.name } });
  });

  it("nudges a pair once per period, and refuses a match of another workspace", async () => {
    const by = { workspaceId: DASH_TEAM, actor: DASH_PEOPLE.dir.id };
    const first = await nudgePair({ db: database.prisma, now: DASH_NOW, workspaceId: by.workspaceId, messages: dashboardMessages }, by, seed.matches.C);
    const again = await nudgePair({ db: database.prisma, now: DASH_NOW, workspaceId: by.workspaceId, messages: dashboardMessages }, by, seed.matches.C);
    expect([first.outcome, again.outcome]).toEqual(["sent", "already"]);
    const queued = await database.prisma.outboxMessage.findMany({ where: { workspaceId: DASH_TEAM, key: { startsWith: `nudge:${seed.matches.C}:` } } });
    expect(queued.map((q) => q.channel).sort()).toEqual([DASH_PEOPLE.m2.id, DASH_PEOPLE.t3.id].sort());
    await expect(nudgePair({ db: database.prisma, now: DASH_NOW, workspaceId: DASH_OTHER, messages: dashboardMessages }, { workspaceId: DASH_OTHER, actor: "U1OTHER" }, seed.matches.C)).rejects.toBeInstanceOf(MatchNotFound);
  });

  it("a pair nudged from the dashboard is not nudged again from an escalation DM in the same period", async () => {
    const directory = { userProfile: async () => { throw new Error("every member is cached"); } };
    const target = { matchId: seed.matches.C, periodKey: "2026-10-01" };
    const escalation = await nudgeBoth({ db: database.prisma, directory, workspaceId: DASH_TEAM, now: DASH_NOW, messages: checkinMessages }, DASH_PEOPLE.dir.id, target);
    expect(escalation.sent).toBe(false);
    expect(await database.prisma.outboxMessage.count({ where: { workspaceId: DASH_TEAM, key: { startsWith: `nudge:${seed.matches.C}:` } } })).toBe(2);
    const audits = await database.prisma.auditLog.count({ where: { workspaceId: DASH_TEAM, action: "match.nudge", target: seed.matches.C } });
    expect(audits).toBe(1);
  });

  it("ends a match for a director once, telling both, and the pair leaves the dashboard", async () => {
    const by = { workspaceId: DASH_TEAM, actor: DASH_PEOPLE.dir.id };
    await endPairAsDirector({ db: database.prisma, now: DASH_NOW, workspaceId: by.workspaceId, messages: dashboardMessages }, by, seed.matches.B);
    await expect(endPairAsDirector({ db: database.prisma, now: DASH_NOW, workspaceId: by.workspaceId, messages: dashboardMessages }, by, seed.matches.B)).rejects.toBeInstanceOf(MatchAlreadyEnded);
    const match = await database.prisma.match.findUniqueOrThrow({ where: { id: seed.matches.B } });
    expect(match).toMatchObject({ status: "ENDED", endedById: seed.members.dir });
    const told = await database.prisma.outboxMessage.count({ where: { workspaceId: DASH_TEAM, key: { startsWith: `match-ended:${seed.matches.B}` } } });
    expect(told).toBe(2);
    const after = (await directorDashboard(database.prisma, DASH_TEAM, DASH_NOW, seed.programId)).programs[0]!;
    expect(after.atRisk.map((r) => r.matchId)).toEqual([seed.matches.C]);
  });
});
