import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver } from "../support/slackDriver.js";
import type { Database } from "../../src/store/database.js";
import { availableMentors } from "../../src/features/profiles/availability.js";
import { exclusionsFor } from "../../src/store/exclusions.js";
import { findProfile } from "../../src/store/profiles.js";

const TEAM = "T0PROFILES";
const FELLOW = { id: "U0FELLOW", teamId: TEAM, name: "Ana Fellow", realName: "Ana María Fellow", email: "ana@example.org", tz: "America/Chicago" };
const MENTOR = { id: "U0MENTOR", teamId: TEAM, name: "Dr. Mentor", realName: "Maya Mentor", email: "maya@example.org", tz: "America/New_York" };
const OTHER_MENTOR = { id: "U0OTHERMENTOR", teamId: TEAM, name: "Dr. Other", email: "other@example.org", tz: "Europe/London" };
const STRANGER = { id: "U0STRANGER", teamId: TEAM, name: "Sam Stranger", tz: "UTC" };

type Block = { block_id?: string; type: string; element?: Record<string, unknown>; text?: unknown };
type View = { callback_id: string; private_metadata?: string; title: { text: string }; blocks: Block[] };
type ElementValue = Record<string, unknown>;

describe.each(testProviders)("profiles, availability, exclusions and privacy on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId: string;
  const memberIds: Record<string, string> = {};

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of [FELLOW, MENTOR, OTHER_MENTOR, STRANGER]) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM, name: "Fake" } });
    const program = await prisma.program.create({
      data: { workspaceId: TEAM, name: "Heme Fellowship", vocabulary: { interests: [{ key: "vte_prevention", label: "VTE prevention" }] } },
    });
    programId = program.id;
    for (const [u, role] of [
      [FELLOW, "TRAINEE"],
      [MENTOR, "MENTOR"],
      [OTHER_MENTOR, "MENTOR"],
    ] as const) {
      const m = await prisma.member.create({
        data: { workspaceId: TEAM, slackUserId: u.id, name: u.name, realName: "realName" in u ? u.realName : null, email: u.email, tz: u.tz, refreshedAt: new Date() },
      });
      memberIds[u.id] = m.id;
      await prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: m.id, role } });
    }
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  /** Runs `/mentoring <text>` as `userId`; returns the trigger id and the response-url id it used. */
  const drive = slackDriver({ app: () => app, slack: () => slack });
  const as = (userId: string) => ({ id: userId, teamId: TEAM });
  const mentoring = (userId: string, text: string) => drive.command(as(userId), "/mentoring", text);

  const reply = (id: string) => drive.responseBody<{ text: string; blocks: unknown[]; response_type: string }>(id);
  const opened = (triggerId: string) => drive.opened<View>(triggerId);
  const blockIds = (view: View) => view.blocks.map((b) => b.block_id).filter(Boolean);
  const element = (view: View, blockId: string) => view.blocks.find((b) => b.block_id === blockId)?.element as Record<string, unknown>;

  /** A view_submission shaped like Slack's, for a view the app opened. */
  const submit = (userId: string, view: View, values: Record<string, ElementValue>) => drive.submission(as(userId), view, values);

  /** A button pressed on the App Home, or in a modal (`inView`). */
  const press = async (userId: string, actionId: string, inView?: { id: string; type: string }) => {
    const res = await drive.press(as(userId), actionId, "", inView ? { view: inView } : "home");
    return { res, triggerId: res.triggerId };
  };

  const text = (value: string | null) => ({ type: "plain_text_input", value });
  const pick = (value: string | null) => ({ type: "static_select", selected_option: value ? { text: { type: "plain_text", text: value }, value } : null });
  const picks = (type: string, values: string[]) => ({ type, selected_options: values.map((v) => ({ text: { type: "plain_text", text: v }, value: v })) });
  const radio = (value: string | null) => ({ type: "radio_buttons", selected_option: value ? { text: { type: "plain_text", text: value }, value } : null });

  const traineeValues = (over: Record<string, ElementValue> = {}) => ({
    careerStage: pick("fellow"),
    specialty: pick("hematology"),
    subspecialty: pick("non_malignant_hematology"),
    careerPaths: picks("multi_static_select", ["academic_research", "medical_education"]),
    meetingFormats: picks("checkboxes", ["video"]),
    trainingYear: text("2"),
    interests_suggested: picks("multi_static_select", ["thrombosis", "vte_prevention"]),
    interests: text("anticoagulation, Sickle cell disease"),
    goal_1: text("Submit a K award"),
    goal_2: text(null),
    priorities: picks("checkboxes", ["grants", "publications"]),
    rolesWanted: picks("checkboxes", ["mentor", "sponsor"]),
    meetingCadence: pick("MONTHLY"),
    wantsHandsOn: radio("yes"),
    ...over,
  });

  const mentorValues = (over: Record<string, ElementValue> = {}) => ({
    careerStage: pick("senior_faculty"),
    specialty: pick("hematology"),
    subspecialty: pick("thrombosis_hemostasis"),
    careerPaths: picks("multi_static_select", ["academic_research"]),
    meetingFormats: picks("checkboxes", ["in_person", "video"]),
    expertise_suggested: picks("multi_static_select", ["thrombosis"]),
    expertise: text("hemophilia, VTE"),
    rolesOffered: picks("checkboxes", ["mentor", "sponsor"]),
    capacity: text("3"),
    handsOn: radio("no"),
    supervisorNote: text("Dr. Lee runs the lab day to day"),
    cadenceOffered: pick("MONTHLY"),
    helpedGrants: radio("yes"),
    copublishes: radio("yes"),
    editorialRoles: text("Associate editor, Blood Advances"),
    pastFellows: text("Two academic hematologists, one in industry"),
    bio: text("Thrombosis researcher & clinician."),
    ...over,
  });

  const errorsOf = (body: string) => JSON.parse(body) as { response_action: string; errors: Record<string, string> };
  const mentorIdsAvailable = async (now: Date) => (await availableMentors(db.prisma, TEAM, programId, now)).map((m) => m.slackUserId);

  it("tells someone in no program to ask their director instead of opening the profile modal", async () => {
    const { responseId: id, triggerId } = await mentoring(STRANGER.id, "profile");
    const answer = await reply(id);
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.text).toBe("You're not in a mentoring program yet.");
    expect(JSON.stringify(answer.blocks)).toContain("Ask your program director to add you");
    expect(slack.callsTo("views.open").some((c) => c.args.trigger_id === triggerId)).toBe(false);
  });

  it("opens the trainee's profile modal with the trainee part and the program's own words", async () => {
    const { triggerId } = await mentoring(FELLOW.id, "profile");
    const view = await opened(triggerId);
    expect(view.callback_id).toBe("profile_save");
    expect(view.title.text).toBe("Your profile");
    expect(blockIds(view)).toEqual(expect.arrayContaining(["careerStage", "trainingYear", "interests", "goal_1", "goal_2", "priorities", "wantsHandsOn"]));
    expect(blockIds(view)).not.toContain("capacity");
    expect(blockIds(view)).not.toContain("bio");
    expect(JSON.stringify(element(view, "interests_suggested"))).toContain("VTE prevention");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it("saves a trainee's profile submitted through the modal and shows it prefilled when reopened", async () => {
    const { triggerId } = await mentoring(FELLOW.id, "profile");
    const res = await submit(FELLOW.id, await opened(triggerId), traineeValues());
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    const stored = await findProfile(db.prisma, TEAM, memberIds[FELLOW.id]!);
    expect(stored).toMatchObject({
      careerStage: "fellow",
      trainingYear: 2,
      specialty: "hematology",
      subspecialty: "non_malignant_hematology",
      careerPaths: ["academic_research", "medical_education"],
      interests: ["thrombosis", "vte_prevention", "anticoagulation", "sickle_cell_disease"],
      priorities: ["grants", "publications"],
      rolesWanted: ["mentor", "sponsor"],
      meetingCadence: "MONTHLY",
      meetingFormats: ["video"],
      wantsHandsOn: true,
      capacity: null,
      expertise: [],
    });
    // The goal box is the trainee's active goal, tracked with its progress.
    expect((await db.prisma.goal.findMany({ where: { memberId: memberIds[FELLOW.id]! } })).map((g) => [g.text, g.status])).toEqual([["Submit a K award", "ACTIVE"]]);
    await slack.waitFor(() => slack.callsTo("views.publish").find((c) => c.args.user_id === FELLOW.id));

    const again = await mentoring(FELLOW.id, "profile");
    const view = await opened(again.triggerId);
    expect((element(view, "careerStage").initial_option as { value: string }).value).toBe("fellow");
    expect(element(view, "trainingYear").initial_value).toBe("2");
    expect(element(view, "goal_1").initial_value).toBe("Submit a K award");
    expect(element(view, "goal_2").initial_value).toBeUndefined();
    expect((element(view, "interests_suggested").initial_options as { value: string }[]).map((o) => o.value)).toEqual([
      "thrombosis",
      "vte_prevention",
      "sickle_cell_disease",
    ]);
    expect(element(view, "interests").initial_value).toBe("anticoagulation");
    expect((element(view, "wantsHandsOn").initial_option as { value: string }).value).toBe("yes");
    expect((element(view, "priorities").initial_options as { value: string }[]).map((o) => o.value)).toEqual(["grants", "publications"]);
  });

  it("answers a trainee's bad values with inline errors on their fields and saves nothing", async () => {
    const { triggerId } = await mentoring(FELLOW.id, "profile");
    const view = await opened(triggerId);
    const res = await submit(FELLOW.id, view, traineeValues({ trainingYear: text("abc"), goal_2: text("x".repeat(201)), goal_1: text("A new goal") }));
    expect(res.status).toBe(200);
    const body = errorsOf(res.body);
    expect(body.response_action).toBe("errors");
    expect(body.errors.trainingYear).toBe("Must be a whole number.");
    expect(body.errors.goal_2).toMatch(/at most 200 characters/);
    expect(Object.keys(body.errors).sort()).toEqual(["goal_2", "trainingYear"]);
    const stored = await findProfile(db.prisma, TEAM, memberIds[FELLOW.id]!);
    expect(stored?.trainingYear).toBe(2);
    expect((await db.prisma.goal.findMany({ where: { memberId: memberIds[FELLOW.id]! } })).map((g) => [g.text, g.status])).toEqual([["Submit a K award", "ACTIVE"]]);
  });

  it("saves a mentor's profile through the modal, with only the mentor part shown, and rejects capacity 50 or an over-long bio", async () => {
    const { triggerId } = await mentoring(MENTOR.id, "profile");
    const view = await opened(triggerId);
    expect(blockIds(view)).toEqual(expect.arrayContaining(["careerStage", "expertise", "rolesOffered", "capacity", "handsOn", "supervisorNote", "helpedGrants", "copublishes", "editorialRoles", "pastFellows", "bio"]));
    expect(blockIds(view)).not.toContain("trainingYear");
    expect(blockIds(view)).not.toContain("goal_1");

    const ok = await submit(MENTOR.id, view, mentorValues());
    expect(ok.body).toBe("");
    const stored = await findProfile(db.prisma, TEAM, memberIds[MENTOR.id]!);
    expect(stored).toMatchObject({
      careerStage: "senior_faculty",
      expertise: ["thrombosis", "hemophilia", "vte"],
      rolesOffered: ["mentor", "sponsor"],
      capacity: 3,
      handsOn: false,
      supervisorNote: "Dr. Lee runs the lab day to day",
      cadenceOffered: "MONTHLY",
      helpedGrants: true,
      copublishes: true,
      editorialRoles: "Associate editor, Blood Advances",
      bio: "Thrombosis researcher & clinician.",
      trainingYear: null,
    });

    const tooMany = errorsOf((await submit(MENTOR.id, view, mentorValues({ capacity: text("50") }))).body);
    expect(tooMany).toEqual({ response_action: "errors", errors: { capacity: "Must be from 0 to 20." } });
    const longBio = errorsOf((await submit(MENTOR.id, view, mentorValues({ bio: text("b".repeat(1001)), capacity: text("5") }))).body);
    expect(longBio).toEqual({ response_action: "errors", errors: { bio: "Must be at most 1000 characters." } });
    const after = await findProfile(db.prisma, TEAM, memberIds[MENTOR.id]!);
    expect(after?.capacity).toBe(3);
    expect(after?.bio).toBe("Thrombosis researcher & clinician.");

    const reopened = await opened((await mentoring(MENTOR.id, "profile")).triggerId);
    expect(element(reopened, "capacity").initial_value).toBe("3");
    expect(element(reopened, "expertise").initial_value).toBe("vte");
    expect((element(reopened, "expertise_suggested").initial_options as { value: string }[]).map((o) => o.value)).toEqual(["thrombosis", "hemophilia"]);
    expect((element(reopened, "handsOn").initial_option as { value: string }).value).toBe("no");
  });

  it("opens the profile modal from the App Home's profile_edit button", async () => {
    const { res, triggerId } = await press(MENTOR.id, "profile_edit");
    expect(res.status).toBe(200);
    const view = await opened(triggerId);
    expect(view.callback_id).toBe("profile_save");
    expect(blockIds(view)).toContain("capacity");
  });

  it("pauses a mentor until a date, saying that suggestions, pairings, check-ins and reminders stop till the end of that day in their zone; resume brings them back", async () => {
    expect(await mentorIdsAvailable(new Date())).toEqual([MENTOR.id, OTHER_MENTOR.id]);
    const day = DateTime.now().setZone(MENTOR.tz).plus({ days: 30 }).toISODate()!;
    const { responseId: id } = await mentoring(MENTOR.id, `pause ${day}`);
    const answer = await reply(id);
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.text).toContain(`You're paused until the end of ${DateTime.fromISO(day).toFormat("ccc d LLL yyyy")} (your time zone, America/New_York).`);
    expect(answer.text).toContain("Rounds doesn't suggest you or pair you, and sends you no check-ins or reminders. Your current mentorships carry on.");
    expect(JSON.stringify(answer.blocks)).toContain("/mentoring resume");

    const endOfDay = DateTime.fromISO(day, { zone: MENTOR.tz }).endOf("day");
    const member = await db.prisma.member.findUniqueOrThrow({ where: { id: memberIds[MENTOR.id]! } });
    expect(member.pausedUntil?.getTime()).toBe(endOfDay.toMillis());
    expect(await mentorIdsAvailable(new Date())).toEqual([OTHER_MENTOR.id]);
    expect(await mentorIdsAvailable(endOfDay.minus({ minutes: 1 }).toJSDate())).toEqual([OTHER_MENTOR.id]);
    expect(await mentorIdsAvailable(endOfDay.plus({ seconds: 1 }).toJSDate())).toEqual([MENTOR.id, OTHER_MENTOR.id]);

    const resumed = await mentoring(MENTOR.id, "resume");
    expect((await reply(resumed.responseId)).text).toBe("Welcome back: you're available again.");
    expect(await mentorIdsAvailable(new Date())).toEqual([MENTOR.id, OTHER_MENTOR.id]);
  });

  it("refuses a pause date that is not a date, with nothing changed", async () => {
    const { responseId: id } = await mentoring(MENTOR.id, "pause 2027-13-45");
    expect((await reply(id)).text).toContain("Give the date as YYYY-MM-DD");
    expect(await mentorIdsAvailable(new Date())).toContain(MENTOR.id);
  });

  it("pauses indefinitely from the modal without a date, refuses a past date inline, and resumes from the Home button", async () => {
    const { triggerId } = await mentoring(MENTOR.id, "pause");
    const view = await opened(triggerId);
    expect(view.callback_id).toBe("availability_pause_save");
    expect(element(view, "pause_until").type).toBe("datepicker");
    expect(JSON.stringify(view.blocks)).toContain("sends you no check-ins or reminders");

    const yesterday = DateTime.now().setZone(MENTOR.tz).minus({ days: 1 }).toISODate();
    const past = await submit(MENTOR.id, view, { pause_until: { type: "datepicker", selected_date: yesterday } });
    expect(errorsOf(past.body).errors.pause_until).toContain("already passed");
    expect(await mentorIdsAvailable(new Date())).toContain(MENTOR.id);

    const open = await submit(MENTOR.id, view, { pause_until: { type: "datepicker", selected_date: null } });
    const update = JSON.parse(open.body) as { response_action: string; view: View };
    expect(update.response_action).toBe("update");
    expect(JSON.stringify(update.view.blocks)).toContain("paused until you resume.* While you're paused, Rounds doesn't suggest you or pair you, and sends you no check-ins or reminders");
    const far = DateTime.now().plus({ years: 5 }).toJSDate();
    expect(await mentorIdsAvailable(far)).toEqual([OTHER_MENTOR.id]);

    const { res, triggerId: resumeTrigger } = await press(MENTOR.id, "availability_resume");
    expect(res.status).toBe(200);
    expect(JSON.stringify((await opened(resumeTrigger)).blocks)).toContain("Welcome back: you're available again.");
    expect(await mentorIdsAvailable(new Date())).toEqual([MENTOR.id, OTHER_MENTOR.id]);
  });

  it("keeps a confidential never-pair list that the matcher reads and nobody else sees", async () => {
    const { triggerId } = await mentoring(FELLOW.id, "exclusions");
    const view = await opened(triggerId);
    expect(view.callback_id).toBe("exclusions_save");
    expect(element(view, "excluded").type).toBe("multi_users_select");
    expect(element(view, "excluded").initial_users).toBeUndefined();

    const saved = await submit(FELLOW.id, view, { excluded: { type: "multi_users_select", selected_users: [MENTOR.id, FELLOW.id] } });
    expect(JSON.stringify((JSON.parse(saved.body) as { view: View }).view.blocks)).toContain("never pair you with that person");
    expect(await exclusionsFor(db.prisma, TEAM, [memberIds[MENTOR.id]!])).toEqual([{ memberId: memberIds[FELLOW.id], excludedId: memberIds[MENTOR.id] }]);
    expect(await exclusionsFor(db.prisma, "T0OTHERTEAM", [memberIds[MENTOR.id]!])).toEqual([]);

    const reopened = await opened((await mentoring(FELLOW.id, "exclusions")).triggerId);
    expect(element(reopened, "excluded").initial_users).toEqual([MENTOR.id]);

    const mentorsView = await opened((await mentoring(MENTOR.id, "privacy")).triggerId);
    const seen = JSON.stringify(mentorsView.blocks);
    expect(seen).toContain("never-pair list has 0 people");
    expect(seen).not.toContain(FELLOW.name);
  });

  it("shows a person everything stored about them, and deleting erases it and unlinks them from Slack", async () => {
    // The mentor also excludes the fellow: deletion must clear exclusions in both directions.
    const mv = await opened((await mentoring(MENTOR.id, "exclusions")).triggerId);
    await submit(MENTOR.id, mv, { excluded: { type: "multi_users_select", selected_users: [FELLOW.id] } });
    const paused = await mentoring(FELLOW.id, `pause ${DateTime.now().setZone(FELLOW.tz).plus({ days: 3 }).toISODate()}`);
    await reply(paused.responseId);

    const { triggerId } = await mentoring(FELLOW.id, "privacy");
    const view = await opened(triggerId);
    expect(view.title.text).toBe("Your data in Rounds");
    const shown = JSON.stringify(view.blocks);
    for (const expected of ["ana@example.org", "Ana María Fellow", "America/Chicago", "Heme Fellowship — trainee", "Fellow", "Thrombosis, VTE prevention, anticoagulation, Sickle cell disease", "Submit a K award — active, no progress notes yet", "1 person", "paused until the end of"]) {
      expect(shown).toContain(expected);
    }
    const deleteButton = view.blocks.map((b) => (b as { accessory?: Record<string, unknown> }).accessory).find((a) => a?.action_id === "privacy_delete");
    expect(deleteButton?.style).toBe("danger");
    expect(deleteButton?.confirm).toBeDefined();

    const fellowId = memberIds[FELLOW.id]!;
    const { res } = await press(FELLOW.id, "privacy_delete", { id: "V0PRIVACY", type: "modal" });
    expect(res.status).toBe(200);
    const update = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === "V0PRIVACY"));
    expect(JSON.stringify(update.args.view)).toContain("Your data was deleted.");
    await slack.waitFor(() => slack.callsTo("views.publish").find((c) => c.args.user_id === FELLOW.id && JSON.stringify(c.args.view).includes("Your data was deleted.")));

    const p = db.prisma;
    expect(await p.profile.count({ where: { memberId: fellowId } })).toBe(0);
    expect(await p.exclusion.count({ where: { OR: [{ memberId: fellowId }, { excludedId: fellowId }] } })).toBe(0);
    expect(await p.enrollment.count({ where: { memberId: fellowId } })).toBe(0);
    const erased = await p.member.findUniqueOrThrow({ where: { id: fellowId } });
    expect(erased).toMatchObject({ name: "Former member", realName: null, email: null, tz: "UTC", slackUserId: `erased:${fellowId}`, pausedAt: null, pausedUntil: null });
    expect(erased.erasedAt).toBeInstanceOf(Date);
    const audit = await p.auditLog.findMany({ where: { workspaceId: TEAM, action: "member.erased" } });
    expect(audit).toHaveLength(1);
    const auditText = JSON.stringify(audit);
    for (const personal of [FELLOW.id, FELLOW.email, FELLOW.name, FELLOW.realName]) expect(auditText).not.toContain(personal);

    const { responseId: id } = await mentoring(FELLOW.id, "");
    expect((await reply(id)).text).toBe("You're not in a mentoring program yet.");
    const fresh = await p.member.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId: TEAM, slackUserId: FELLOW.id } } });
    expect(fresh.id).not.toBe(fellowId);
    expect(fresh.erasedAt).toBeNull();
    expect(await findProfile(p, TEAM, fresh.id)).toBeNull();
  });

  it("opens the privacy view from the App Home's privacy_open button", async () => {
    const { triggerId } = await press(MENTOR.id, "privacy_open");
    const view = await opened(triggerId);
    expect(view.callback_id).toBe("privacy_view");
    expect(JSON.stringify(view.blocks)).toContain("maya@example.org");
  });
});
