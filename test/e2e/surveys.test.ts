import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, type PostedMessage } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { input, slackDriver, textOf } from "../support/slackDriver.js";
import { runCli } from "../support/jobRunner.js";
import { pngSize } from "../support/chartPng.js";
import type { Database } from "../../src/store/database.js";

const TEAM = "T0SURV";
const P = {
  dir: { id: "U0SDIR", name: "Dr. Director" },
  maya: { id: "U0SMAYA", name: "Dr. Maya Mentor" },
  t1: { id: "U0ST1", name: "Ana Fellow" },
  t2: { id: "U0ST2", name: "Ben Fellow" },
  t3: { id: "U0ST3", name: "Cy Fellow" },
  t4: { id: "U0ST4", name: "Dee Fellow" },
  t5: { id: "U0ST5", name: "Eve Fellow" },
  t6: { id: "U0ST6", name: "Fay Fellow" },
  stranger: { id: "U0SSTR", name: "Someone Else" },
};
type Key = keyof typeof P;
const TRAINEES = ["t1", "t2", "t3", "t4", "t5", "t6"] as const;
/** The job's clock: 3 months and a few days after the matches began (a Wednesday, past 10:00 everywhere used here). */
const NOW = new Date("2026-10-14T12:00:00Z");
const STARTED = new Date("2026-07-10T09:00:00Z");
/** Answers to the six 1–5 items of the mentee survey, in order. */
const ITEMS = ["availability", "goals", "career", "feedback", "support", "overall"];
const COMMENT = (who: string) => `Secret words of ${who}: more time for research`;

describe.each(testProviders)("evaluation surveys in Slack on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  const ids = {} as Record<string, string>;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const [key, u] of Object.entries(P)) slack.addUser({ ...u, teamId: TEAM, tz: "UTC", ...(key === "dir" ? { isAdmin: true } : {}) });
    const p = db.prisma;
    await p.workspace.create({ data: { id: TEAM } });
    const programId = (ids.program = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } })).id);
    const cohortId = (await p.cohort.create({ data: { workspaceId: TEAM, programId, name: "2026 Fellows" } })).id;
    for (const [key, u] of Object.entries(P)) ids[key] = (await p.member.create({ data: { workspaceId: TEAM, slackUserId: u.id, name: u.name, tz: "UTC", refreshedAt: NOW, isAdmin: key === "dir" } })).id;
    await p.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: ids.maya!, role: "MENTOR" } });
    for (const t of TRAINEES) {
      await p.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: ids[t]!, role: "TRAINEE", cohortId } });
      ids[`match_${t}`] = (await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids[t]!, mentorId: ids.maya!, role: "mentor", startedAt: STARTED, cohortName: "2026 Fellows" } })).id;
    }
  }, 120_000);

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  }, 120_000);

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (who) => ({ id: P[who].id, teamId: TEAM }) });
  const env = () => ({ DATABASE_URL: database.url, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: slack.apiUrl, LOG_LEVEL: "info" });
  const runJob = async (now: Date) => {
    const r = await runCli(["job", "run", "surveys", "--now", now.toISOString()], env());
    expect(r.code, r.all).toBe(0);
    return r.out;
  };
  const surveyDm = (who: Key) => drive.dmTo(who, "survey_answer", 10_000);
  const surveyDms = (who: Key) => drive.postsIn(P[who].id, "survey_answer");
  const buttonValue = (m: PostedMessage) => {
    const blocks = (m.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
    return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "survey_answer")!.value!;
  };
  /** Presses "Answer the survey" on the DM and resolves with the modal that opened. */
  const openSurvey = async (who: Key, dm: PostedMessage, presser: Key = who) => {
    const { triggerId } = await drive.press(presser, "survey_answer", buttonValue(dm), { channel: dm.channel, ts: dm.ts });
    return drive.opened<{ callback_id: string; private_metadata: string; blocks: { block_id?: string; type: string; element?: { type: string } }[] }>(triggerId);
  };
  const answers = (scores: number[], comment?: string) => ({
    ...Object.fromEntries(ITEMS.map((key, i) => [`survey_item_${key}`, input.radio(String(scores[i]))])),
    survey_item_comments: input.text(comment ?? null),
  });
  /** Answers the survey from the trainee's DM with every item at `score`. */
  const answerAll = async (who: Key, score: number, comment?: string) => {
    const view = await openSurvey(who, await surveyDm(who));
    const { answer } = await drive.submission<{ response_action: string; view?: { title?: { text?: string } } }>(who, view, answers(ITEMS.map(() => score), comment));
    expect(answer?.response_action).toBe("update");
    expect(answer?.view?.title?.text).toBe("Thank you");
  };
  /** `/mentoring-admin surveys results`, and the DM message, CSV and chart it sends. */
  const results = async () => {
    const before = slack.messagesIn(P.dir.id).length;
    const uploads = slack.callsTo("files.completeUploadExternal").length;
    const filesBefore = (await slack.filesSharedIn(P.dir.id)).length;
    const { responseId } = await drive.command("dir", "/mentoring-admin", "surveys results Heme Fellowship");
    const reply = await drive.responseBody<{ text?: string }>(responseId, 20_000);
    expect(reply.text).toBe("I sent the survey results of *Heme Fellowship* to your DM with Rounds.");
    await slack.waitFor(() => slack.callsTo("files.completeUploadExternal").length > uploads, 15_000);
    const message = slack.messagesIn(P.dir.id).slice(before).map(textOf).join("\n");
    const files = (await slack.filesSharedIn(P.dir.id)).slice(filesBefore);
    const csvFile = files.find((f) => f.title.startsWith("Survey results"))!;
    const csv = csvFile.bytes!.toString("utf8");
    const chart = files.find((f) => f.title.includes("survey item means") && f.id !== csvFile.id) ?? null;
    return { message, csv, rows: parse(csv, { columns: true }) as Record<string, string>[], chart };
  };

  it("3 months into each match, the trainee and the mentor get the survey by DM once, however often the job runs", async () => {
    expect(await runJob(NOW)).toContain("surveys");
    await runJob(NOW);
    for (const t of TRAINEES) {
      const dm = await surveyDm(t);
      expect(textOf(dm)).toContain(`how is your mentoring with ${P.maya.name} going, 3 months into the match?`);
      expect(textOf(dm)).toContain("Your answers are anonymous");
    }
    await slack.waitFor(() => (surveyDms("maya").length === 6 ? true : undefined), 10_000);
    expect(textOf(surveyDms("maya")[0]!)).toContain("how is your mentoring of");
    await new Promise((r) => setTimeout(r, 1_000));
    for (const t of TRAINEES) expect(surveyDms(t)).toHaveLength(1);
    expect(surveyDms("maya")).toHaveLength(6);
    expect(surveyDms("dir")).toHaveLength(0);
  }, 120_000);

  it("someone else's press on a survey button opens nothing of it", async () => {
    const view = await openSurvey("t1", await surveyDm("t1"), "stranger");
    expect(JSON.stringify(view)).toContain("not one of yours");
    expect(JSON.stringify(view)).not.toContain("survey_item_");
  }, 120_000);

  it("the survey modal asks each item on a 1–5 scale, answers a missing one inline, and records a full answer once", async () => {
    const view = await openSurvey("t1", await surveyDm("t1"));
    expect(view.callback_id).toBe("survey_form");
    const radios = view.blocks.filter((b) => b.element?.type === "radio_buttons").map((b) => b.block_id);
    expect(radios).toEqual(ITEMS.map((k) => `survey_item_${k}`));
    expect(view.blocks.find((b) => b.block_id === "survey_item_comments")?.element?.type).toBe("plain_text_input");
    expect(JSON.stringify(view)).toContain("5 – Strongly agree");

    const missing = answers([4, 4, 4, 4, 4, 4]);
    delete (missing as Record<string, unknown>).survey_item_career;
    const refused = await drive.submission<{ response_action: string; errors: Record<string, string> }>("t1", view, missing);
    expect(refused.answer).toEqual({ response_action: "errors", errors: { survey_item_career: "Pick one of 1 to 5." } });
    expect(await db.prisma.surveyResponse.count({ where: { workspaceId: TEAM } })).toBe(0);

    const done = await drive.submission<{ view: unknown }>("t1", view, answers([4, 4, 4, 4, 4, 4], COMMENT("Ana")));
    expect(JSON.stringify(done.answer)).toContain("your answers are recorded anonymously");
    const again = await drive.submission<{ view: unknown }>("t1", view, answers([1, 1, 1, 1, 1, 1]));
    expect(JSON.stringify(again.answer)).toContain("already answered");
    expect(await db.prisma.surveyResponse.count({ where: { workspaceId: TEAM } })).toBe(1);
    // Pressing the button again says so instead of opening the form.
    expect(JSON.stringify(await openSurvey("t1", await surveyDm("t1")))).toContain("already answered");
  }, 120_000);

  it("with fewer than 5 responses the director sees response rates and no answers", async () => {
    for (const t of ["t2", "t3", "t4"] as const) await answerAll(t, 3, COMMENT(P[t].name));
    const { message, rows, chart } = await results();
    expect(message).toContain("Mentee's view of the mentoring, 2026–27");
    expect(message).toContain("Whole program: 4 of 6 answered (67%) · _fewer than 5 responses_");
    expect(message).toContain("Cohort 2026 Fellows: 4 of 6 answered (67%) · _fewer than 5 responses_");
    expect(message).toContain(`Mentor ${P.maya.name}: 4 of 6 answered (67%) · _fewer than 5 responses_`);
    expect(message).not.toMatch(/availability \*/);
    expect(message).not.toContain("Secret words");
    expect(chart).toBeNull();
    expect(rows.filter((r) => r.survey === "mentee").map((r) => [r.group, r.note, r.mean])).toEqual([
      ["program", "fewer than 5 responses", ""],
      ["cohort", "fewer than 5 responses", ""],
      ["mentor", "fewer than 5 responses", ""],
    ]);
  }, 120_000);

  it("from the fifth response the director sees item means per program, cohort and mentor, comments program-wide only, and a chart", async () => {
    await answerAll("t5", 5, COMMENT("Eve"));
    const { message, rows, chart, csv } = await results();
    // (4 + 3 + 3 + 3 + 5) / 5 = 3.6 on every item
    expect(message).toContain("Whole program: 5 of 6 answered (83%) · availability *3.6*, goals *3.6*, career *3.6*, feedback *3.6*, support *3.6*, overall *3.6*");
    expect(message).toContain(`Mentor ${P.maya.name}: 5 of 6 answered (83%) · availability *3.6*`);
    expect(message).toContain("*Comments* (program-wide, no names)");
    for (const who of ["Ana", "Ben Fellow", "Eve"]) expect(message).toContain(COMMENT(who));
    expect(message.split("Secret words").length - 1).toBe(5); // once each, in the program-wide group only
    const mentee = rows.filter((r) => r.survey === "mentee");
    expect(mentee.filter((r) => r.group === "program").map((r) => [r.item, r.mean, r.responses, r.response_rate_percent])).toEqual(ITEMS.map((k) => [k, "3.6", "5", "83"]));
    expect(mentee.filter((r) => r.group === "mentor").every((r) => r.mentor === P.maya.name && r.mean === "3.6")).toBe(true);
    expect(csv).not.toContain("Secret words");
    expect(chart).not.toBeNull();
    expect(pngSize(chart!.bytes!)).toEqual({ width: 1200, height: 560 });
    // The mentor's own survey: nobody answered, so nothing but its rate.
    expect(rows.filter((r) => r.survey === "mentor").map((r) => r.note)).toEqual(["fewer than 5 responses", "fewer than 5 responses"]);
  }, 120_000);

  it("no survey export can be joined back to a person: no ids, no time finer than the period, nothing below 5", async () => {
    const r = await runCli(["surveys", "report", "--program", "Heme Fellowship"], env());
    expect(r.code, r.all).toBe(0);
    const exported = r.out;
    const { csv } = await results();
    const invitations = await db.prisma.surveyInvitation.findMany({ where: { workspaceId: TEAM } });
    const responses = await db.prisma.surveyResponse.findMany({ where: { workspaceId: TEAM } });
    for (const text of [exported, csv]) {
      // No id of anything: members, Slack users, matches, invitations, responses, the program.
      const everyId = [...Object.values(ids), ...Object.values(P).map((p) => p.id), ...invitations.map((i) => i.id), ...responses.map((x) => x.id)];
      for (const id of everyId) expect(text).not.toContain(id);
      // No trainee named, no free text, no date or time of day.
      for (const t of TRAINEES) expect(text).not.toContain(P[t].name);
      expect(text).not.toContain("Secret words");
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/);
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)).toEqual(["program", "survey", "period", "group", "cohort", "mentor", "invited", "responses", "response_rate_percent", "item", "question", "mean", "note"]);
      // Every group shown with answers has at least 5 responses; every other says so and shows none.
      for (const row of rows) {
        if (row.mean) expect(Number(row.responses)).toBeGreaterThanOrEqual(5);
        else expect(row.note).toBe("fewer than 5 responses");
      }
    }
    // The stored answers hold no respondent, no match and no time: random ids, the period only.
    expect(responses).toHaveLength(5);
    for (const x of responses) {
      expect(Object.keys(x).sort()).toEqual(["answers", "cohortName", "id", "kind", "mentorId", "milestone", "period", "programId", "workspaceId"]);
      expect(x.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(x.period).toBe("2026–27");
    }
    // The invitations know who answered, not what, nor when.
    expect(invitations.filter((i) => i.answered).map((i) => i.memberId).sort()).toEqual(["t1", "t2", "t3", "t4", "t5"].map((t) => ids[t]).sort());
    expect(Object.keys(invitations[0]!)).not.toContain("answeredAt");
    expect(Object.keys(invitations[0]!)).not.toContain("updatedAt");
  }, 120_000);

  it("an unanswered survey gets exactly one reminder, five days on; answered ones get none", async () => {
    const later = new Date(NOW.getTime() + 6 * 86_400_000); // Tuesday 20 October, 12:00
    await runJob(later);
    await runJob(later);
    const reminder = await drive.dmTo("t6", "A reminder:", 10_000);
    expect(textOf(reminder)).toContain("survey_answer");
    await slack.waitFor(() => (drive.countIn(P.maya.id, "A reminder:") === 6 ? true : undefined), 10_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(drive.countIn(P.t6.id, "A reminder:")).toBe(1);
    for (const t of ["t1", "t2", "t3", "t4", "t5"] as const) expect(drive.countIn(P[t].id, "A reminder:")).toBe(0);
    await runJob(new Date(later.getTime() + 7 * 86_400_000));
    await new Promise((r) => setTimeout(r, 500));
    expect(drive.countIn(P.t6.id, "A reminder:")).toBe(1);
  }, 120_000);

  it("a director changes the surveys in Slack (inline errors for bad months) and the CLI shows the change", async () => {
    const { triggerId } = await drive.command("dir", "/mentoring-admin", "surveys");
    const view = await drive.opened<{ callback_id: string; private_metadata: string; blocks: { block_id?: string }[] }>(triggerId);
    expect(view.callback_id).toBe("survey_settings");
    expect(JSON.stringify(view)).toContain("My mentor is accessible and makes time to meet with me.");
    type Block = { block_id?: string; element?: { type?: string; initial_value?: string } };
    // What Slack sends back: every wording field as it stands (its initial value), then the director's changes.
    const wordings = Object.fromEntries((view.blocks as Block[]).filter((b) => b.element?.type === "plain_text_input" && b.block_id?.startsWith("survey_text_")).map((b) => [b.block_id!, input.text(b.element!.initial_value ?? "")]));
    const values = (months: string) => ({
      ...wordings,
      survey_enabled: { type: "checkboxes", selected_options: [{ text: { type: "plain_text", text: "x" }, value: "mentee" }] },
      survey_months: input.text(months),
      survey_end_of_year: { type: "checkboxes", selected_options: [] },
      survey_text_mentee_availability: input.text("My mentor answers my messages within a week."),
    });
    const refused = await drive.submission<{ response_action: string; errors: Record<string, string> }>("dir", view, values("soon"));
    expect(refused.answer?.errors).toMatchObject({ survey_months: "Write whole months separated by commas, e.g. 3, 9." });
    const saved = await drive.submission("dir", view, values("9, 3"));
    expect(JSON.stringify(saved.answer)).toContain("The mentee and mentor surveys go 3, 9 months into each match.");
    const shown = await runCli(["surveys", "show"], env());
    expect(shown.code, shown.all).toBe(0);
    expect(shown.out).toContain("mentee.availability (1–5): My mentor answers my messages within a week.");
    expect(shown.out).toContain("mentor (mentor's view of the relationship): off");
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "survey.settings" } })).toBe(1);
    // The CLI changes them back.
    const reset = await runCli(["surveys", "set", "--reset"], env());
    expect(reset.code, reset.all).toBe(0);
    expect(reset.out).toContain("mentee.availability (1–5): My mentor is accessible and makes time to meet with me.");
  }, 120_000);
});
