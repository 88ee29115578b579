import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf } from "../support/slackDriver.js";
import { runCli } from "../support/jobRunner.js";
import { pngSize } from "../support/chartPng.js";
import type { Database } from "../../src/store/database.js";
import { DASH_OTHER, DASH_PEOPLE, DASH_TEAM, DECLINE_REASON, OTHER_SECRET, PROGRESS_NOTE, REQUEST_MESSAGE, SECRET_NOTE, seedDashboard, type DashKey, type DashSeed } from "../support/dashboardSeed.js";

const OTHER_DIRECTOR = { id: "U1ODIR", teamId: DASH_OTHER, name: "Olu Admin", isAdmin: true };
type Who = DashKey | "otherDirector";
const userOf = (who: Who) => (who === "otherDirector" ? OTHER_DIRECTOR : { id: DASH_PEOPLE[who].id, teamId: DASH_TEAM });
const REFUSAL = "Only program directors can do that";

describe.each(testProviders)("the director dashboard, chart and reports on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let seed: DashSeed;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const p of Object.values(DASH_PEOPLE)) slack.addUser({ id: p.id, teamId: DASH_TEAM, name: p.name, tz: "UTC" });
    slack.addUser({ ...OTHER_DIRECTOR, tz: "UTC" });
    seed = await seedDashboard(db.prisma, new Date()); // the app reads the real clock
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Who>({ app: () => app, slack: () => slack, user: userOf });

  async function openHome(who: Who): Promise<string> {
    const view = await drive.openHome<{ blocks: unknown[] }>(who);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    return JSON.stringify(view);
  }

  /** A button pressed on the App Home. */
  const { press } = drive;

  /** `/mentoring-admin TEXT`; resolves with the ephemeral reply's text. */
  async function adminCommand(who: Who, text: string): Promise<string> {
    const { responseId } = await drive.command(who, "/mentoring-admin", text);
    const reply = await drive.responseBody<{ text?: unknown }>(responseId, 15_000);
    return String(reply.text ?? "");
  }

  const dmText = (userId: string) => slack.messagesIn(userId).map(textOf).join("\n");
  const csvRows = (bytes: Buffer | null) => parse(bytes!.toString("utf8"), { columns: true }) as Record<string, string>[];

  it("shows a director the program numbers, pairs at risk, load and thanks on the Home", async () => {
    const home = await openHome("dir");
    expect(home).toContain("Program dashboard");
    expect(home).toContain("5 trainees · 3 mentors · 4 matched (80%) · 2 pending requests");
    expect(home).toContain("Meetings reported: *3* · Check-ins: 3 of 4 answered (75%)");
    expect(home).toContain("• 2026 Fellows: 3 trainees, 3 matched (100%), 1 mentor");
    expect(home).toContain(`• <@${DASH_PEOPLE.t5.id}> → <@${DASH_PEOPLE.m2.id}>, mentor, waiting 20 days`);
    expect(home).toContain("*Pairs at risk (2)*");
    expect(home).toMatch(/asked for help on .*no meeting reported for \d+ check-in periods/);
    expect(home).toContain(`Full (2): <@${DASH_PEOPLE.m1.id}> 2/2, <@${DASH_PEOPLE.m3.id}> 1/1`);
    expect(home).toContain(`*Appreciation received* (3 thank-yous): <@${DASH_PEOPLE.m1.id}> 2 · <@${DASH_PEOPLE.m3.id}> 1`);
    expect(home).toContain("Peds Mentoring");
    expect(home).not.toContain("Other Program");
  });

  it("shows no dashboard to a trainee, and refuses their presses and commands without changing anything", async () => {
    const home = await openHome("t1");
    expect(home).not.toContain("Program dashboard");
    const uploadsBefore = slack.callsTo("files.completeUploadExternal").length;
    await press("t1", "dashboard_nudge_pair", seed.matches.A);
    await press("t1", "dashboard_end_pair", seed.matches.A);
    await press("t1", "dashboard_chart", seed.programId);
    await slack.waitFor(() => (dmText(DASH_PEOPLE.t1.id).split(REFUSAL).length - 1 >= 3 ? true : null));
    expect(await adminCommand("t1", "report")).toContain("Only program directors can use /mentoring-admin.");
    expect(await adminCommand("t1", "chart Heme Fellowship")).toContain("Only program directors can use /mentoring-admin.");
    expect(slack.callsTo("files.completeUploadExternal")).toHaveLength(uploadsBefore);
    expect(dmText(DASH_PEOPLE.m1.id)).not.toContain("friendly nudge");
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: seed.matches.A } })).status).toBe("ACTIVE");
  });

  it("Nudge both sends each of the pair one friendly DM, however often it is pressed", async () => {
    await press("dir", "dashboard_nudge_pair", seed.matches.C);
    await slack.waitFor(() => dmText(DASH_PEOPLE.t3.id).includes("friendly nudge") && dmText(DASH_PEOPLE.m2.id).includes("friendly nudge"));
    expect(dmText(DASH_PEOPLE.dir.id)).toContain("I nudged");
    await press("dir", "dashboard_nudge_pair", seed.matches.C);
    await slack.waitFor(() => dmText(DASH_PEOPLE.dir.id).includes("were already nudged this check-in period"));
    expect(slack.messagesIn(DASH_PEOPLE.t3.id).filter((m) => (m.text ?? "").includes("nudge"))).toHaveLength(1);
    expect(slack.messagesIn(DASH_PEOPLE.m2.id).filter((m) => (m.text ?? "").includes("nudge"))).toHaveLength(1);
  });

  it("End match ends the mentorship, tells both kindly, and the pair leaves the dashboard", async () => {
    await press("dir", "dashboard_end_pair", seed.matches.B);
    await slack.waitFor(() => dmText(DASH_PEOPLE.t2.id).includes("has ended your mentorship with") && dmText(DASH_PEOPLE.m1.id).includes("has ended your mentorship with"));
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: seed.matches.B } })).status).toBe("ENDED");
    const home = await openHome("dir");
    expect(home).toContain("*Pairs at risk (1)*");
    expect(home).not.toContain("asked for help on");
  });

  it("the Chart button uploads a PNG chart to the director's DM", async () => {
    const before = slack.callsTo("files.completeUploadExternal").length;
    await press("dir", "dashboard_chart", seed.programId);
    await slack.waitFor(() => slack.callsTo("files.completeUploadExternal").length > before, 15_000);
    const [file] = (await slack.filesSharedIn(DASH_PEOPLE.dir.id)).filter((f) => f.title.startsWith("Heme Fellowship"));
    expect(file!.title).toBe("Heme Fellowship: meetings and check-ins");
    expect(pngSize(file!.bytes!)).toEqual({ width: 1000, height: 500 });
  });

  it("/mentoring-admin chart NAME uploads the chart; an unknown name is named back", async () => {
    expect(await adminCommand("dir", "chart peds mentoring")).toBe("I sent the chart of *Peds Mentoring* to your DM with Rounds.");
    const peds = (await slack.filesSharedIn(DASH_PEOPLE.dir.id)).find((f) => f.title.startsWith("Peds Mentoring"));
    expect(pngSize(peds!.bytes!).width).toBe(1000);
    expect(await adminCommand("dir", "chart Cardiology")).toBe('There is no program named "Cardiology" here, so nothing was sent. Programs: Heme Fellowship, Peds Mentoring.');
  });

  it("/mentoring-admin report NAME sends five CSVs with the right rows and no private notes", async () => {
    expect(await adminCommand("dir", "report Heme Fellowship")).toBe("I sent the reports for *Heme Fellowship* (5 CSV files) to your DM with Rounds.");
    const files = (await slack.filesSharedIn(DASH_PEOPLE.dir.id)).filter((f) => f.title.startsWith("rounds-heme-fellowship-"));
    expect(files.map((f) => f.title.replace(/-\d{4}-\d{2}-\d{2}\.csv$/, ""))).toEqual([
      "rounds-heme-fellowship-matches",
      "rounds-heme-fellowship-checkins",
      "rounds-heme-fellowship-requests",
      "rounds-heme-fellowship-goals",
      "rounds-heme-fellowship-audit",
    ]);
    const [matches, checkins, requests, goals, audit] = files.map((f) => csvRows(f.bytes));
    expect(matches!.find((m) => m.match_id === seed.matches.B)).toMatchObject({ status: "ended", ended_by: "Dr. Director" });
    expect(matches!.find((m) => m.match_id === seed.matches.F)).toMatchObject({ trainee: "Former member", trainee_slack_id: "" });
    expect(checkins).toHaveLength(4);
    expect(requests!.find((r) => r.status === "declined")!.decline_reason).toBe(DECLINE_REASON);
    expect(goals!.map((g) => g.title)).toEqual(["Submit a K08", "Publish the case series"]);
    expect(audit!.map((a) => a.action)).toEqual(expect.arrayContaining(["match.nudge", "match.end", "report.export"]));
    const everything = files.map((f) => f.bytes!.toString("utf8")).join("\n");
    for (const secret of [SECRET_NOTE, OTHER_SECRET, REQUEST_MESSAGE, PROGRESS_NOTE]) expect(everything).not.toContain(secret);
  });

  it("keeps two workspaces apart: the other director sees and reports only their own program, and cannot touch ours", async () => {
    const home = await openHome("otherDirector");
    expect(home).toContain("Other Program");
    expect(home).not.toContain("Heme Fellowship");
    await press("otherDirector", "dashboard_nudge_pair", seed.matches.A);
    await slack.waitFor(() => dmText(OTHER_DIRECTOR.id).includes("isn't yours, or isn't here any more"));
    expect(dmText(DASH_PEOPLE.t1.id)).not.toContain("friendly nudge");
    expect(await adminCommand("otherDirector", "report")).toBe("I sent the reports for *all programs* (5 CSV files) to your DM with Rounds.");
    const files = await slack.filesSharedIn(OTHER_DIRECTOR.id);
    const text = files.map((f) => f.bytes!.toString("utf8")).join("\n");
    expect(text).toContain("Other Program");
    expect(text).not.toContain("Heme Fellowship");
    expect(text).not.toContain(OTHER_SECRET);
  });

  it("the CLI writes the same reports into a folder", async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "rounds-report-"));
    const run = (args: string[]) => runCli(args, { DATABASE_URL: database.url });
    const done = await run(["report", "--team", DASH_TEAM, "--program", "Heme Fellowship", "--out", out]);
    expect(done.code).toBe(0);
    expect(readdirSync(out).sort()).toHaveLength(5);
    const matchesFile = readdirSync(out).find((f) => f.includes("-matches-"))!;
    expect(csvRows(readFileSync(path.join(out, matchesFile)))).toHaveLength(6);
    expect(readdirSync(out).map((f) => readFileSync(path.join(out, f), "utf8")).join("\n")).not.toContain(SECRET_NOTE);
    const bad = await run(["report", "--team", DASH_TEAM]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--out DIR is required");
  });
});
