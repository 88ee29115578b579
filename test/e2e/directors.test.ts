import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver } from "../support/slackDriver.js";
import type { Database } from "../../src/store/database.js";
import { HOME_ADMIN_ACTIONS } from "../../src/features/home/views/homeActions.js";

const TEAM = "T0DIRECTORS";
const OTHER_TEAM = "T0ELSEWHERE";

type Values = Record<string, Record<string, Record<string, unknown>>>;
type View = { type: string; callback_id?: string; private_metadata?: string; title?: { text: string }; blocks: { block_id?: string; [k: string]: unknown }[] };

/** A view_submission state entry, shaped like Slack's, for the input with action id "value". */
const text = (value: string | null) => ({ value: { type: "plain_text_input", value } });
const number = (value: string) => ({ value: { type: "number_input", value } });
const option = (value: string | null) => ({ value: { type: "static_select", selected_option: value ? { text: { type: "plain_text", text: value }, value } : null } });
const date = (value: string | null) => ({ value: { type: "datepicker", selected_date: value } });
const users = (ids: string[]) => ({ value: { type: "multi_users_select", selected_users: ids } });
const user = (id: string | null) => ({ value: { type: "users_select", selected_user: id } });
const conversation = (id: string | null) => ({ value: { type: "conversations_select", selected_conversation: id } });

const programValues = (o: { name: string; timezone?: string; capacity?: string; channel?: string | null }): Values => ({
  program_name: text(o.name),
  program_description: text("Mentoring for hematology fellows"),
  program_cadence: option("BIWEEKLY"),
  program_channel: conversation(o.channel ?? "C0ANNOUNCE"),
  program_timezone: option(o.timezone ?? "America/Chicago"),
  program_checkin_recipients: { value: { type: "radio_buttons", selected_option: { text: { type: "plain_text", text: "The mentor" }, value: "mentor" } } },
  program_breaks: text(null),
  program_capacity: number(o.capacity ?? "4"),
});

describe.each(testProviders)("directors set up programs, cohorts and people on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  let cohortId = "";

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    slack.addUser({ id: "U0ADMIN", teamId: TEAM, name: "Dr. Admin", isAdmin: true, email: "admin@example.org" });
    slack.addUser({ id: "U0MENTOR", teamId: TEAM, name: "Dr. Mentor", email: "mentor@example.org" });
    slack.addUser({ id: "U0TRAINEE", teamId: TEAM, name: "Ana Trainee", email: "ana@example.org" });
    slack.addUser({ id: "U0PLAIN", teamId: TEAM, name: "Plain Member", email: "plain@example.org" });
    slack.addUser({ id: "U0DEPUTY", teamId: TEAM, name: "Dr. Deputy", email: "deputy@example.org" });
    slack.addUser({ id: "U1ADMIN", teamId: OTHER_TEAM, name: "Other Admin", isAdmin: true });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver({ app: () => app, slack: () => slack });
  /** Runs a slash command; resolves with the response_url id (for the ephemeral reply, if any) and the trigger id used. */
  const command = (userId: string, commandText = "", team = TEAM) => drive.command({ id: userId, teamId: team }, "/mentoring-admin", commandText);

  const reply = (id: string) => drive.responseBody<{ text: string; blocks?: unknown[]; response_type?: string }>(id);
  const openedView = (triggerId: string) => drive.opened<View>(triggerId);

  /** Clicks a button in the admin menu (an ephemeral message); returns ids to find what follows. */
  const click = (userId: string, actionId: string, value?: string, team = TEAM) =>
    drive.press({ id: userId, teamId: team }, actionId, value, { ephemeral: { channel: "C0GENERAL", ts: "1700000000.000100" } });

  async function submit(userId: string, callbackId: string, values: Values, privateMetadata = "", team = TEAM) {
    const elements = Object.fromEntries(Object.entries(values).map(([block, v]) => [block, v.value]));
    const sent = await drive.submission<{ response_action?: string; errors?: Record<string, string>; view?: View }>({ id: userId, teamId: team }, { callback_id: callbackId, private_metadata: privateMetadata }, elements);
    const answer = sent.answer ?? {};
    // Work that talks to Slack answers with a "working" modal at once, then updates it in place.
    if (answer.view && JSON.stringify(answer.view.title).includes("Adding people")) {
      const update = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === sent.viewId));
      return { ...answer, view: update.args.view as View };
    }
    return answer;
  }

  const adminData = async () => ({
    programs: await db.prisma.program.findMany({ orderBy: { id: "asc" } }),
    cohorts: await db.prisma.cohort.findMany({ orderBy: { id: "asc" } }),
    enrollments: await db.prisma.enrollment.findMany({ orderBy: { id: "asc" } }),
    grants: await db.prisma.member.findMany({ where: { directorGrantedAt: { not: null } }, select: { slackUserId: true } }),
    audit: await db.prisma.auditLog.count(),
  });

  it("shows a Slack admin the admin menu, whose New program button opens the program modal", async () => {
    const { responseId: id } = await command("U0ADMIN");
    const menu = await reply(id);
    expect(menu.response_type).toBe("ephemeral");
    expect(menu.text).toBe("Program administration: /mentoring-admin");
    expect(JSON.stringify(menu.blocks)).toContain("no programs yet");
    expect(JSON.stringify(menu.blocks)).toContain('"action_id":"admin_new_program"');

    const { triggerId } = await click("U0ADMIN", "admin_new_program");
    const modal = await openedView(triggerId);
    expect(modal.type).toBe("modal");
    expect(modal.callback_id).toBe("admin_program");
    expect(modal.title?.text).toBe("New program");
    expect(modal.blocks.map((b) => b.block_id)).toEqual([
      "program_name",
      "program_description",
      "program_timezone",
      "program_cadence",
      "program_checkin_recipients",
      "program_breaks",
      "program_academic_year",
      "program_channel",
      "program_capacity",
    ]);
    expect(modal.blocks[2]).toMatchObject({ element: { type: "static_select", initial_option: { value: "America/New_York" } } }); // the director's own time zone
  });

  it("refuses a bad program form with inline errors and saves nothing", async () => {
    const answer = await submit("U0ADMIN", "admin_program", programValues({ name: "  ", timezone: "Mars/Olympus", capacity: "0" }));
    expect(answer.response_action).toBe("errors");
    expect(answer.errors).toEqual({
      program_name: "Give the program a name.",
      program_timezone: "Pick the program's time zone.",
      program_capacity: "From 1 to 20.",
    });
    expect(await db.prisma.program.count()).toBe(0);
  });

  it("creates the program on submit, logs it, refreshes the director's Home, and refuses a duplicate name inline", async () => {
    const publishes = slack.callsTo("views.publish").length;
    const answer = await submit("U0ADMIN", "admin_program", programValues({ name: "Hematology Fellowship" }));
    expect(answer.response_action).toBe("update");
    expect(JSON.stringify(answer.view)).toContain("*Hematology Fellowship* is ready");
    expect(JSON.stringify(answer.view)).not.toContain("run `/mentoring-admin`"); // the next steps are buttons, not words
    const program = await db.prisma.program.findFirstOrThrow({ where: { workspaceId: TEAM } });
    programId = program.id;
    expect(program).toMatchObject({
      name: "Hematology Fellowship",
      description: "Mentoring for hematology fellows",
      checkinCadence: "BIWEEKLY",
      announcementChannel: "C0ANNOUNCE",
      timezone: "America/Chicago",
      defaultCapacity: 4,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { workspaceId: TEAM, action: "program.create" } });
    expect(audit).toMatchObject({ actor: "U0ADMIN", target: program.id });
    await slack.waitFor(() => slack.callsTo("views.publish").slice(publishes).find((c) => c.args.user_id === "U0ADMIN"));

    const duplicate = await submit("U0ADMIN", "admin_program", programValues({ name: "Hematology Fellowship" }));
    expect(duplicate).toEqual({ response_action: "errors", errors: { program_name: "A program with this name already exists in this workspace." } });
    expect(await db.prisma.program.count()).toBe(1);
  });

  it("edits a program from the menu's Edit button", async () => {
    const { triggerId } = await click("U0ADMIN", "admin_edit_program", programId);
    const modal = await openedView(triggerId);
    expect(modal.private_metadata).toBe(programId);
    expect(JSON.stringify(modal.blocks)).toContain('"initial_value":"Hematology Fellowship"');
    const answer = await submit("U0ADMIN", "admin_program", programValues({ name: "Hematology Fellowship", capacity: "5" }), programId);
    expect(answer.response_action).toBe("update");
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).defaultCapacity).toBe(5);
    expect(await db.prisma.program.count()).toBe(1);
  });

  it("creates a cohort in the program, and refuses an end date before the start", async () => {
    const { triggerId } = await click("U0ADMIN", "admin_new_cohort", programId);
    const modal = await openedView(triggerId);
    expect(modal.callback_id).toBe("admin_cohort");
    expect(modal.private_metadata).toBe(programId);

    const backwards = await submit("U0ADMIN", "admin_cohort", { cohort_name: text("2026–27 Fellows"), cohort_starts: date("2026-07-01"), cohort_ends: date("2026-06-30") }, programId);
    expect(backwards).toEqual({ response_action: "errors", errors: { cohort_ends: "The end date must be on or after the start date." } });
    expect(await db.prisma.cohort.count()).toBe(0);

    const answer = await submit("U0ADMIN", "admin_cohort", { cohort_name: text("2026–27 Fellows"), cohort_starts: date("2026-07-01"), cohort_ends: date("2027-06-30") }, programId);
    expect(JSON.stringify(answer.view)).toContain("Cohort *2026–27 Fellows* is ready");
    expect(JSON.stringify(answer.view)).toContain('"action_id":"admin_add_people","value":"'); // its next step
    const cohort = await db.prisma.cohort.findFirstOrThrow({ where: { programId } });
    cohortId = cohort.id;
    expect(cohort.startsOn?.toISOString().slice(0, 10)).toBe("2026-07-01");
    expect(cohort.endsOn?.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect(JSON.stringify(answer.view)).toContain(`"action_id":"admin_add_people","value":"${programId}:${cohortId}"`);

    // Its "Add people" turns the confirmation into the people form, with the new cohort chosen.
    await drive.press({ id: "U0ADMIN", teamId: TEAM }, "admin_add_people", `${programId}:${cohortId}`, { view: { id: "VCOHORTDONE", callback_id: "", private_metadata: "" } });
    const people = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === "VCOHORTDONE"));
    const form = people.args.view as View;
    expect(form.callback_id).toBe("admin_people");
    expect(form.blocks.find((b) => b.block_id === "people_cohort")).toMatchObject({ element: { initial_option: { value: cohortId } } });
  });

  it("adds a mentor and a trainee; adding an existing member again updates them, never duplicates", async () => {
    const { triggerId } = await click("U0ADMIN", "admin_add_people", programId);
    const modal = await openedView(triggerId);
    expect(modal.callback_id).toBe("admin_people");
    expect(JSON.stringify(modal.blocks)).toContain("2026–27 Fellows");

    const none = await submit("U0ADMIN", "admin_people", { people_users: users([]), people_role: option("MENTOR"), people_cohort: option(null) }, programId);
    expect(none.errors).toEqual({ people_users: "Pick at least one person." });

    const mentor = await submit("U0ADMIN", "admin_people", { people_users: users(["U0MENTOR"]), people_role: option("MENTOR"), people_cohort: option(null) }, programId);
    expect(JSON.stringify(mentor.view)).toContain("Added as mentor: <@U0MENTOR>");
    await submit("U0ADMIN", "admin_people", { people_users: users(["U0TRAINEE"]), people_role: option("TRAINEE"), people_cohort: option(null) }, programId);
    const again = await submit("U0ADMIN", "admin_people", { people_users: users(["U0TRAINEE"]), people_role: option("TRAINEE"), people_cohort: option(cohortId) }, programId);
    expect(JSON.stringify(again.view)).toContain("Updated (already trainees): <@U0TRAINEE>");

    const enrollments = await db.prisma.enrollment.findMany({ where: { programId }, include: { member: true } });
    expect(enrollments.map((e) => [e.member.slackUserId, e.role, e.cohortId]).sort()).toEqual([
      ["U0MENTOR", "MENTOR", null],
      ["U0TRAINEE", "TRAINEE", cohortId],
    ]);
    expect(await db.prisma.member.count({ where: { workspaceId: TEAM, slackUserId: "U0TRAINEE" } })).toBe(1);

    // what the trainee now sees
    const hub = await drive.command({ id: "U0TRAINEE", teamId: TEAM }, "/mentoring", "");
    expect(JSON.stringify((await reply(hub.responseId)).blocks)).toContain("Hematology Fellowship — trainee (2026–27 Fellows)");
  });

  it("refuses a plain member every admin action politely, and nothing changes", async () => {
    const before = await adminData();
    const { responseId: id } = await command("U0PLAIN");
    const refused = await reply(id);
    expect(refused.text).toBe("Only program directors can use /mentoring-admin.");
    expect(JSON.stringify(refused.blocks)).toContain("Only program directors can do that, so nothing was changed.");

    const direct = await command("U0PLAIN", "program");
    expect((await reply(direct.responseId)).text).toBe("Only program directors can use /mentoring-admin.");
    const clicked = await click("U0PLAIN", "admin_add_people", programId);
    expect((await reply(clicked.responseId)).text).toContain("Only program directors can do that");
    const forged = await submit("U0PLAIN", "admin_program", programValues({ name: "Sneaky Program" }));
    expect(forged.response_action).toBe("update");
    expect(JSON.stringify(forged.view)).toContain("Only program directors can do that");
    const granted = await submit("U0PLAIN", "admin_directors", { director_grant: user("U0PLAIN") });
    expect(JSON.stringify(granted.view)).toContain("Only program directors can do that");

    expect(slack.callsTo("views.open").some((c) => c.args.trigger_id === direct.triggerId || c.args.trigger_id === clicked.triggerId)).toBe(false);
    expect(await adminData()).toEqual(before);
  });

  it("lets a director grant the role to a member, who can then use /mentoring-admin, and revoke it", async () => {
    const { triggerId } = await command("U0ADMIN", "directors");
    const modal = await openedView(triggerId);
    expect(modal.callback_id).toBe("admin_directors");
    expect(JSON.stringify(modal.blocks)).toContain("Nobody has been granted the role yet.");

    const answer = await submit("U0ADMIN", "admin_directors", { director_grant: user("U0DEPUTY") });
    expect(JSON.stringify(answer.view)).toContain("<@U0DEPUTY> is now a director.");
    const deputy = await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: "U0DEPUTY" } });
    expect(deputy.directorGrantedBy).toBe("U0ADMIN");
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "director.grant", actor: "U0ADMIN", target: "U0DEPUTY" } })).toBe(1);

    // the new director's Home tab now shows the director section
    const home = await slack.waitFor(() => slack.callsTo("views.publish").find((c) => c.args.user_id === "U0DEPUTY"));
    expect(JSON.stringify(home.args.view)).toContain(`"action_id":"${HOME_ADMIN_ACTIONS.newProgram}"`);

    const asDeputy = await command("U0DEPUTY");
    const menu = await reply(asDeputy.responseId);
    expect(menu.text).toBe("Program administration: /mentoring-admin");
    expect(JSON.stringify(menu.blocks)).toContain("*Hematology Fellowship* — 2 people");

    // the granted director can grant and revoke too; revoking from the directors modal updates it
    const listed = await command("U0DEPUTY", "directors");
    const list = await openedView(listed.triggerId);
    expect(JSON.stringify(list.blocks)).toContain("<@U0DEPUTY> — director since");
    await drive.press({ id: "U0ADMIN", teamId: TEAM }, "admin_revoke_director", "U0DEPUTY", { view: { id: "VDIRECTORS", callback_id: "admin_directors", private_metadata: "" } });
    const updated = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === "VDIRECTORS"));
    expect(JSON.stringify(updated.args.view)).toContain("Nobody has been granted the role yet.");
    const after = await command("U0DEPUTY");
    expect((await reply(after.responseId)).text).toBe("Only program directors can use /mentoring-admin.");
  });

  it("sends the roster CSV to the director's DM from the Export roster button", async () => {
    const { responseId: id } = await click("U0ADMIN", "admin_export_roster", programId);
    expect((await reply(id)).text).toBe("I sent the roster of *Hematology Fellowship* (2 rows) to your DM with Rounds.");
    const complete = await slack.waitFor(() => slack.callsTo("files.completeUploadExternal")[0]);
    expect(complete.args.channel_id).toBe("D-U0ADMIN");
    const fileId = (complete.args.files as { id: string }[])[0]!.id;
    const csv = slack.uploads.get(fileId)!.toString("utf8"); // the multipart body holding the file
    expect(csv).toContain("email,role,cohort,career_stage,training_year,specialty,subspecialty,interests,expertise,career_paths,roles_offered,roles_wanted,capacity\n");
    expect(csv).toContain("ana@example.org,trainee,2026–27 Fellows");
    expect(csv).toContain("mentor@example.org,mentor,");
  });

  it("opens the same forms from the App Home's director buttons, and answers a refusal there by DM", async () => {
    const fromHome = async (userId: string, actionId: string, value?: string) =>
      (await drive.press({ id: userId, teamId: TEAM }, actionId, value, { view: { id: "VHOME", type: "home", callback_id: "", private_metadata: "" } })).triggerId;
    const cohortForm = await openedView(await fromHome("U0ADMIN", "admin_cohort_new", programId));
    expect(cohortForm.callback_id).toBe("admin_cohort");
    expect(cohortForm.private_metadata).toBe(programId);

    const before = slack.messagesIn("U0PLAIN").length;
    const refusedTrigger = await fromHome("U0PLAIN", "admin_program_new");
    const dm = await slack.waitFor(() => slack.messagesIn("U0PLAIN")[before]);
    expect(dm.text).toContain("Only program directors can do that, so nothing was changed.");
    expect(slack.callsTo("views.open").some((c) => c.args.trigger_id === refusedTrigger)).toBe(false);
  });

  it("shows a second workspace none of the first's programs, and will not touch them", async () => {
    const { responseId: id } = await command("U1ADMIN", "", OTHER_TEAM);
    const menu = await reply(id);
    expect(menu.text).toBe("Program administration: /mentoring-admin");
    expect(JSON.stringify(menu.blocks)).toContain("no programs yet");
    expect(JSON.stringify(menu.blocks)).not.toContain("Hematology");

    const before = await adminData();
    const edit = await click("U1ADMIN", "admin_edit_program", programId, OTHER_TEAM);
    expect((await reply(edit.responseId)).text).toBe("That program isn't in this workspace any more, so nothing was changed. Run `/mentoring-admin` for the current list.");
    const cohort = await submit("U1ADMIN", "admin_cohort", { cohort_name: text("Intruders"), cohort_starts: date(null), cohort_ends: date(null) }, programId, OTHER_TEAM);
    expect(JSON.stringify(cohort.view)).toContain("That program isn't in this workspace any more, so nothing was changed.");
    const people = await submit("U1ADMIN", "admin_people", { people_users: users(["U1ADMIN"]), people_role: option("MENTOR") }, programId, OTHER_TEAM);
    expect(JSON.stringify(people.view)).toContain("That program isn't in this workspace any more, so nothing was changed.");
    expect(await adminData()).toEqual(before);

    // the same program name is free in the other workspace
    const own = await submit("U1ADMIN", "admin_program", programValues({ name: "Hematology Fellowship" }), "", OTHER_TEAM);
    expect(own.response_action).toBe("update");
    expect(await db.prisma.program.count({ where: { workspaceId: OTHER_TEAM } })).toBe(1);
  });

  it("a director of 50 programs gets the admin menu and the App Home: Slack takes both, and they say how many programs did not fit", async () => {
    const LARGE = "T0LARGE";
    slack.addUser({ id: "U2ADMIN", teamId: LARGE, name: "Dr. Dean", isAdmin: true });
    await db.prisma.workspace.create({ data: { id: LARGE } });
    const ids = Array.from({ length: 50 }, (_, i) => `large-program-${String(i).padStart(2, "0")}`);
    await db.prisma.program.createMany({ data: ids.map((id, i) => ({ id, workspaceId: LARGE, name: `Residency ${i} & fellowship`, timezone: "America/Chicago" })) });
    await db.prisma.cohort.createMany({ data: ids.flatMap((programId) => Array.from({ length: 12 }, (_, k) => ({ workspaceId: LARGE, programId, name: `PGY-${k} <${2026 + k}>` }))) });
    // Before, the menu had 154 blocks (Slack takes 50) and the Home over 100: Slack refused both.
    const { responseId } = await command("U2ADMIN", "", LARGE);
    const menu = await reply(responseId); // fails with Slack's error if the fake Slack refused it
    expect(menu.blocks!.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(menu.blocks)).toContain("…and 35 more programs, not shown");
    const home = await drive.openHome<View>({ id: "U2ADMIN", teamId: LARGE }, 20_000); // the dashboard of 50 programs takes a while
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(home.blocks)).toMatch(/…and \d+ more programs, not shown/);
  });
});
