import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import type { FakeSlack, PostedMessage } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { input, slackDriver, textOf } from "../support/slackDriver.js";
import { runCli, runJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import { academicYearAt } from "../../src/domain/academicYear.js";

const TEAM = "T0YEAR";
const P = {
  dir: { id: "U0DIR", teamId: TEAM, name: "Dr. Director", tz: "UTC" },
  sam: { id: "U0SAM", teamId: TEAM, name: "Sam Senior", tz: "UTC" },
  sue: { id: "U0SUE", teamId: TEAM, name: "Sue Senior", tz: "UTC" },
  jo: { id: "U0JO", teamId: TEAM, name: "Jo Junior", tz: "UTC" },
  jay: { id: "U0JAY", teamId: TEAM, name: "Jay Junior", tz: "UTC" },
  drA: { id: "U0DRA", teamId: TEAM, name: "Dr. Adams", tz: "UTC" },
  drB: { id: "U0DRB", teamId: TEAM, name: "Dr. Baker", tz: "UTC" },
  drC: { id: "U0DRC", teamId: TEAM, name: "Dr. Cruz", tz: "UTC" },
};
type Key = keyof typeof P;
type Block = { type: string; elements?: { action_id?: string; value?: string; options?: { value: string; text: { text: string } }[] }[] };
type View = { callback_id: string; private_metadata?: string; blocks: Record<string, unknown>[] };

/** An academic year that ends about three weeks from today (its start: today + 20 days), so the close is open now. */
function startEndingSoon(): string {
  let d = DateTime.utc().plus({ days: 20 });
  if (d.month === 2 && d.day === 29) d = d.plus({ days: 1 });
  return d.toFormat("MM-dd");
}

const buttonValue = (m: PostedMessage | { blocks?: unknown }, actionId: string): string => {
  for (const b of (m.blocks ?? []) as Block[]) for (const e of b.elements ?? []) if (e.action_id === actionId) return e.value ?? "";
  throw new Error(`no ${actionId} in ${JSON.stringify(m.blocks)}`);
};
const optionValue = (m: { blocks?: unknown }, actionId: string, text: string): string => {
  for (const b of (m.blocks ?? []) as Block[]) for (const e of b.elements ?? []) if (e.action_id === actionId) return e.options!.find((o) => o.text.text.startsWith(text))!.value;
  throw new Error(`no ${actionId}`);
};

describe.each(testProviders)("closing the academic year on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  const ids = {} as Record<Key, string>;
  const match = {} as Record<"sam" | "jo" | "jay", string>;
  const start = startEndingSoon();

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", academicYearStart: start } })).id;
    const year = academicYearAt(new Date(), start, "UTC");
    const seniors = await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "Seniors", endsOn: new Date(year.end.getTime() - 86_400_000) } });
    const juniors = await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "Juniors" } });
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, tz: "UTC", refreshedAt: new Date() } })).id;
    }
    const trainee = async (key: Key, cohortId: string, trainingYear: number) => {
      await prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: ids[key], role: "TRAINEE", cohortId } });
      await prisma.profile.create({ data: { workspaceId: TEAM, memberId: ids[key], ...EMPTY_PROFILE, careerStage: "fellow", specialty: "hematology", trainingYear, interests: ["thrombosis"], rolesWanted: ["mentor"] } });
    };
    await trainee("sam", seniors.id, 3);
    await trainee("sue", seniors.id, 3);
    await trainee("jo", juniors.id, 1);
    await trainee("jay", juniors.id, 2);
    await prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: ids.dir, role: "DIRECTOR" } });
    for (const k of ["drA", "drB", "drC"] as const) {
      await prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: ids[k], role: "MENTOR" } });
      await prisma.profile.create({ data: { workspaceId: TEAM, memberId: ids[k], ...EMPTY_PROFILE, careerStage: "senior_faculty", specialty: "hematology", expertise: ["sickle cell disease"], rolesOffered: ["mentor"] } });
    }
    const started = new Date(Date.now() - 200 * 86_400_000);
    match.sam = (await prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.sam, mentorId: ids.drA, role: "mentor", startedAt: started } })).id;
    match.jo = (await prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.jo, mentorId: ids.drB, role: "mentor", startedAt: started } })).id;
    match.jay = (await prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.jay, mentorId: ids.drC, role: "mentor", startedAt: started } })).id;
    await prisma.goal.create({ data: { workspaceId: TEAM, memberId: ids.sam, text: "Submit a K award", progress: [] } });
    await prisma.meeting.create({ data: { workspaceId: TEAM, matchId: match.sam, loggedById: ids.drA, date: started } });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });
  const target = () => ({ databaseUrl: database.url, slackApiUrl: slack.apiUrl });
  const cli = (...args: string[]) => runCli(args, { DATABASE_URL: database.url });
  const dm = (who: Key, contains: string) => drive.dmTo(who, contains);
  const inDm = (who: Key) => ({ channel: `D${P[who].id}`, ts: "1.000001" });

  it("6 weeks before the year ends, both people of each mentorship are asked \u201ccontinue next year?\u201d and the director is offered the close, each once", async () => {
    const first = await runJob(target(), "year-end");
    expect(first.code).toBe(0);
    expect(first.said).toContain("7 messages queued");
    for (const k of ["sam", "jo", "jay", "drA", "drB", "drC"] as const) expect(textOf(await dm(k, "Continue next year"))).toContain("Would you like to continue with your");
    expect(textOf(await dm("jo", "Continue next year"))).toContain("your mentor <@U0DRB>");
    expect(textOf(await dm("drB", "Continue next year"))).toContain("your mentee <@U0JO>");
    expect(textOf(await dm("dir", "Close the year"))).toContain("Heme Fellowship");
    const again = await runJob(target(), "year-end");
    expect(again.said).toContain("nothing to send");
    await new Promise((r) => setTimeout(r, 1000));
    for (const k of ["sam", "jo", "jay", "drA", "drB", "drC"] as const) expect(drive.countIn(P[k].id, "Continue next year")).toBe(1);
    expect(drive.countIn(P.sue.id, "Continue next year")).toBe(0);
    expect(drive.countIn(P.dir.id, "Close the year")).toBe(1);
  });

  it("each side answers with a button; the message says what they chose; someone outside the mentorship changes nothing", async () => {
    const answer = async (who: Key, action: "year_continue" | "year_end_match") => {
      const value = buttonValue(await dm(who, "Continue next year"), action);
      return drive.response((await drive.press(who, action, value, inDm(who))).responseId);
    };
    expect(await answer("jo", "year_continue")).toContain("You'd like to continue with <@U0DRB> next year");
    expect(await answer("drB", "year_continue")).toContain("continue with <@U0JO>");
    expect(await answer("jay", "year_continue")).toContain("continue");
    const ended = await answer("drC", "year_end_match");
    expect(ended).toContain("You'd like your mentorship with <@U0JAY> to end with the");
    expect(ended).toContain("Continue after all");
    const joValue = buttonValue(await dm("jo", "Continue next year"), "year_end_match");
    const outsider = await drive.press("sue", "year_end_match", joValue, inDm("sue"));
    expect(await drive.response(outsider.responseId)).toContain("This question is for the two people in that mentorship");
    const answers = await db.prisma.yearAnswer.findMany({ where: { workspaceId: TEAM }, select: { memberId: true, answer: true } });
    expect(answers.map((a) => `${a.memberId}:${a.answer}`).sort()).toEqual([`${ids.drB}:CONTINUE`, `${ids.drC}:END`, `${ids.jay}:CONTINUE`, `${ids.jo}:CONTINUE`].sort());
  });

  let approveValue = "";

  it("the director's preview names the graduating cohort, the training years that advance and the mentorships that continue or end, and follows the cohort chosen", async () => {
    const { responseId } = await drive.command("dir", "/mentoring-admin", "close-year");
    const preview = await drive.responseBody<{ blocks: unknown[] }>(responseId);
    const text = JSON.stringify(preview.blocks);
    expect(text).toContain("Nothing changes until you approve");
    expect(text).toContain("Graduating — Seniors: 2 trainees");
    expect(text).toContain("<@U0SAM>");
    expect(text).toContain("<@U0JO>: year 1 → 2");
    expect(text).toContain("<@U0JAY>: year 2 → 3");
    expect(text).toContain("Continuing next year: 1 mentorship*\\n• <@U0JO> with <@U0DRB>");
    expect(text).toContain("<@U0SAM> with <@U0DRA>: the trainee graduates");
    expect(text).toContain("<@U0JAY> with <@U0DRC>: the mentor chose to end it");
    const none = await drive.press("dir", "year_close_cohort", optionValue(preview, "year_close_cohort", "No cohort"), { ephemeral: { channel: "C0ANY", ts: "1.1" } }, { overflow: true });
    const noneText = await drive.response(none.responseId);
    expect(noneText).toContain("Nobody graduates");
    expect(noneText).toContain("<@U0SAM>: year 3 → 4");
    const back = await drive.press("dir", "year_close_cohort", optionValue(preview, "year_close_cohort", "Seniors"), { ephemeral: { channel: "C0ANY", ts: "1.1" } }, { overflow: true });
    const backBody = await drive.responseBody<{ blocks: unknown[] }>(back.responseId);
    expect(JSON.stringify(backBody.blocks)).toContain("Graduating — Seniors: 2 trainees");
    approveValue = buttonValue(backBody, "year_close_approve");
    expect(await db.prisma.enrollment.count({ where: { workspaceId: TEAM, role: "ALUMNUS" } })).toBe(0);
    const refused = await drive.command("jo", "/mentoring-admin", "close-year");
    expect(await drive.response(refused.responseId)).toContain("Only program directors");
  });

  it("Approve graduates the cohort (alumni keep their history), advances training years, ends the declined and graduating mentorships with thanks, and invites the alumni; closing again changes nothing more", async () => {
    const { responseId } = await drive.press("dir", "year_close_approve", approveValue, { ephemeral: { channel: "C0ANY", ts: "1.2" } });
    const done = await drive.response(responseId);
    expect(done).toContain("year of *Heme Fellowship* is closed");
    expect(done).toContain("Seniors graduated: 2 new alumni, 2 invitations to mentor sent");
    expect(done).toContain("roster import");
    expect(done).toContain("round_create");
    const prisma = db.prisma;
    const roles = await prisma.enrollment.findMany({ where: { workspaceId: TEAM, memberId: { in: [ids.sam, ids.sue, ids.jo] } }, select: { memberId: true, role: true, cohortId: true } });
    expect(roles.filter((r) => r.role === "ALUMNUS").map((r) => r.memberId).sort()).toEqual([ids.sam, ids.sue].sort());
    expect(roles.find((r) => r.memberId === ids.jo)?.role).toBe("TRAINEE");
    const years = await prisma.profile.findMany({ where: { memberId: { in: [ids.jo, ids.jay, ids.sam] } }, select: { memberId: true, trainingYear: true } });
    expect(Object.fromEntries(years.map((y) => [y.memberId, y.trainingYear]))).toEqual({ [ids.jo]: 2, [ids.jay]: 3, [ids.sam]: 3 });
    const status = async (id: string) => (await prisma.match.findUniqueOrThrow({ where: { id } })).status;
    expect([await status(match.sam), await status(match.jo), await status(match.jay)]).toEqual(["ENDED", "ACTIVE", "ENDED"]);
    expect(await prisma.goal.count({ where: { memberId: ids.sam } })).toBe(1);
    expect(await prisma.meeting.count({ where: { matchId: match.sam } })).toBe(1);
    expect(textOf(await dm("sam", "thank you"))).toContain("Congratulations on completing your training");
    expect(textOf(await dm("drA", "thank you"))).toContain("<@U0SAM> graduates this year");
    expect(textOf(await dm("drC", "thank you"))).toContain("Thank you for the time and care you gave as a mentor");
    expect(textOf(await dm("jay", "thank you"))).toContain("/findmentor");
    await dm("sam", "Pay it forward");
    await dm("sue", "Pay it forward");

    const again = await drive.press("dir", "year_close_approve", approveValue, { ephemeral: { channel: "C0ANY", ts: "1.3" } });
    expect(await drive.response(again.responseId)).toContain("was already closed");
    const viaCli = await cli("year", "close", "--program", "Heme Fellowship");
    expect(viaCli.code).toBe(0);
    expect(viaCli.out).toContain("was closed on");
    await new Promise((r) => setTimeout(r, 1000));
    expect(await prisma.auditLog.count({ where: { workspaceId: TEAM, action: "year.close" } })).toBe(1);
    expect(await prisma.enrollment.count({ where: { workspaceId: TEAM, role: "ALUMNUS" } })).toBe(2);
    expect((await prisma.profile.findFirstOrThrow({ where: { memberId: ids.jo } })).trainingYear).toBe(2);
    for (const k of ["sam", "drA", "jay", "drC"] as const) expect(drive.countIn(P[k].id, "thank you")).toBe(1);
    expect(drive.countIn(P.jo.id, "thank you")).toBe(0);
    expect(drive.countIn(P.sam.id, "Pay it forward")).toBe(1);
    expect((await runJob(target(), "year-end")).said).toContain("nothing to send");
  });

  it("an alumnus who accepts confirms a pre-filled mentor profile and is found by /findmentor; one who declines stays an alumnus only; neither is a trainee any more", async () => {
    const invite = await dm("sam", "Pay it forward");
    const { triggerId } = await drive.press("sam", "year_alumnus_mentor", buttonValue(invite, "year_alumnus_mentor"), inDm("sam"));
    const modal = await drive.opened<View>(triggerId);
    const shown = JSON.stringify(modal);
    expect(modal.callback_id).toBe("year_alumnus_mentor_submit");
    expect(shown).toContain('"initial_option":{"text":{"type":"plain_text","text":"Junior faculty"');
    expect(shown).toContain("Thrombosis");
    expect(shown).toContain("Become a mentor");
    const picks = (values: string[]) => ({ type: "multi_static_select", selected_options: values.map((v) => ({ text: { type: "plain_text", text: v }, value: v })) });
    const tooMany = await drive.submission<{ response_action: string; errors?: Record<string, string> }>("sam", modal, { careerStage: input.pick("junior_faculty"), capacity: input.text("99") });
    expect(tooMany.answer?.response_action).toBe("errors");
    expect(await db.prisma.enrollment.count({ where: { memberId: ids.sam, role: "MENTOR" } })).toBe(0);
    const ok = await drive.submission<{ response_action: string; view?: unknown }>("sam", modal, {
      careerStage: input.pick("junior_faculty"),
      specialty: input.pick("hematology"),
      expertise_suggested: picks(["thrombosis"]),
      rolesOffered: { type: "checkboxes", selected_options: [{ value: "mentor" }] },
      capacity: input.text("2"),
    });
    expect(ok.answer?.response_action).toBe("update");
    expect(JSON.stringify(ok.answer)).toContain("You're a mentor in Heme Fellowship now");
    const profile = await db.prisma.profile.findFirstOrThrow({ where: { memberId: ids.sam } });
    expect(profile).toMatchObject({ careerStage: "junior_faculty", capacity: 2 });
    expect(profile.expertise).toContain("thrombosis");
    expect(await db.prisma.enrollment.count({ where: { memberId: ids.sam, role: "MENTOR", programId } })).toBe(1);

    const found = await drive.responseBody<{ blocks: unknown[] }>((await drive.command("jo", "/findmentor", "")).responseId);
    expect(JSON.stringify(found.blocks)).toContain("<@U0SAM>");
    expect(JSON.stringify(found.blocks)).not.toContain("<@U0SUE>");

    const declined = await drive.press("sue", "year_alumnus_decline", buttonValue(await dm("sue", "Pay it forward"), "year_alumnus_decline"), inDm("sue"));
    expect(await drive.response(declined.responseId)).toContain("No problem");
    const twice = await drive.press("sue", "year_alumnus_decline", buttonValue(await dm("sue", "Pay it forward"), "year_alumnus_decline"), inDm("sue"));
    expect(await drive.response(twice.responseId)).toContain("already answered");
    expect(await db.prisma.enrollment.count({ where: { memberId: ids.sue, role: { in: ["MENTOR", "TRAINEE"] } } })).toBe(0);
    const sueSearch = await drive.responseBody<{ text: string }>((await drive.command("sue", "/findmentor", "")).responseId);
    expect(sueSearch.text).toBe("You're not in a mentoring program yet.");
  });

  it("the year report lists who graduated (with their answer to mentoring), the mentorships continued and ended", async () => {
    const r = await cli("year", "report", "--program", "Heme Fellowship");
    expect(r.code).toBe(0);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    const line = (outcome: string, trainee: string) => rows.find((x) => x.outcome === outcome && x.trainee === trainee);
    expect(line("graduated", "Sam Senior")?.detail).toContain("invited to mentor: accepted");
    expect(line("graduated", "Sue Senior")?.detail).toContain("invited to mentor: declined");
    expect(line("mentorship_continued", "Jo Junior")?.mentor).toBe("Dr. Baker");
    expect(line("mentorship_ended", "Jay Junior")?.detail).toContain("mentor chose to end");
    expect(line("mentorship_ended", "Sam Senior")?.detail).toContain("trainee graduated");
    expect(line("training_year_advanced", "Jo Junior")?.detail).toBe("year 1 -> 2");
    const preview = await cli("year", "preview", "--program", "Heme Fellowship");
    expect(preview.out).toContain("was closed on");
  });

  it("the academic year's first day is a program setting, in Slack's Edit program and in the CLI: validated and audited", async () => {
    const { triggerId } = await drive.press("dir", "admin_edit_program", programId, { ephemeral: { channel: "C0ANY", ts: "1.4" } });
    const form = await drive.opened<View>(triggerId);
    expect(form.blocks.find((b) => b.block_id === "program_academic_year")?.element).toMatchObject({ type: "plain_text_input", initial_value: start });
    const values = (academicYear: string) => ({
      program_name: input.text("Heme Fellowship"),
      program_description: input.text(""),
      program_timezone: input.pick("UTC"),
      program_cadence: input.pick("MONTHLY"),
      program_checkin_recipients: input.radio("mentor"),
      program_breaks: input.text(""),
      program_channel: { type: "conversations_select", selected_conversation: null },
      program_capacity: { type: "number_input", value: "3" },
      program_academic_year: input.text(academicYear),
    });
    const bad = await drive.submission<{ response_action: string; errors?: Record<string, string> }>("dir", form, values("13-01"));
    expect(bad.answer).toEqual({ response_action: "errors", errors: { program_academic_year: "Write the academic year's first day as month-day, e.g. 07-01 for July 1 (not 02-29)." } });
    const saved = await drive.submission<{ response_action: string }>("dir", form, values("09-01"));
    expect(saved.answer?.response_action).toBe("update");
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).academicYearStart).toBe("09-01");
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { workspaceId: TEAM, action: "program.update" }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toMatchObject({ before: { academicYearStart: start }, after: { academicYearStart: "09-01" } });

    const refused = await cli("program", "settings", "--program", "Heme Fellowship", "--academic-year-start", "02-29");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--academic-year-start 02-29: must be a real day of the year");
    const changed = await cli("program", "settings", "--program", "Heme Fellowship", "--academic-year-start", "07-01");
    expect(changed.code, changed.all).toBe(0);
    expect(changed.out).toContain("academic year: starts 07-01");
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).academicYearStart).toBe("07-01");
  });
});
