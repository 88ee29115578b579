import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack, type RecordedCall } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver } from "../support/slackDriver.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE, type ProfileData } from "../../src/domain/profile.js";

const TEAM = "T0FINDMENTOR";
const TEAM2 = "T0OTHERSCHOOL";

type Block = { type: string; text?: { text: string }; elements?: { text?: string; action_id?: string; value?: string }[]; accessory?: { action_id: string; value: string } };
type Reply = { text: string; blocks: Block[]; response_type?: string; replace_original?: boolean };

const MENTOR_BASE: Partial<ProfileData> = { careerStage: "mid_career_faculty", specialty: "oncology", expertise: ["breast cancer"], rolesOffered: ["mentor"], capacity: 3 };
const STRONG: Partial<ProfileData> = {
  careerStage: "senior_faculty",
  specialty: "hematology",
  subspecialty: "non_malignant_hematology",
  expertise: ["thrombosis", "anticoagulation"],
  rolesOffered: ["mentor"],
  helpedGrants: true,
  copublishes: true,
  handsOn: true,
  cadenceOffered: "MONTHLY",
  capacity: 3,
};

describe.each(testProviders)("/findmentor on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    const prisma = db.prisma;

    const person = async (team: string, programId: string, id: string, name: string, role: "TRAINEE" | "MENTOR", profile: Partial<ProfileData> | null, extra: Record<string, unknown> = {}) => {
      slack.addUser({ id, teamId: team, name });
      const m = await prisma.member.create({ data: { workspaceId: team, slackUserId: id, name, tz: "UTC", refreshedAt: new Date(), ...extra } });
      await prisma.enrollment.create({ data: { workspaceId: team, programId, memberId: m.id, role } });
      if (profile) await prisma.profile.create({ data: { workspaceId: team, memberId: m.id, ...EMPTY_PROFILE, ...profile } });
      return m.id;
    };

    await prisma.workspace.create({ data: { id: TEAM, name: "Fake" } });
    const program = await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } });
    const p = program.id;
    const trainee = await person(TEAM, p, "U0TRAINEE", "Tia Trainee", "TRAINEE", {
      careerStage: "fellow",
      specialty: "hematology",
      subspecialty: "non_malignant_hematology",
      interests: ["thrombosis"],
      priorities: ["grants"],
      wantsHandsOn: true,
    });
    const other = await person(TEAM, p, "U0OTHERTRAINEE", "Otto Trainee", "TRAINEE", { careerStage: "resident" });
    await person(TEAM, p, "U0NEWBIE", "Nia Newbie", "TRAINEE", null);
    await person(TEAM, p, "U0BEST", "Dr. Best", "MENTOR", { ...STRONG, pastFellows: "Faculty at <Mayo> & industry" });
    await person(TEAM, p, "U0JUNIOR", "Dr. Junior", "MENTOR", { ...MENTOR_BASE, careerStage: "junior_faculty", specialty: "hematology", expertise: ["sickle cell disease"] });
    for (let i = 1; i <= 5; i++) await person(TEAM, p, `U0GEN${i}`, `Dr. Generic ${i}`, "MENTOR", MENTOR_BASE);
    await person(TEAM, p, "U0PAUSED", "Dr. Paused", "MENTOR", STRONG, { pausedAt: new Date(Date.now() - 86_400_000) });
    const full = await person(TEAM, p, "U0FULL", "Dr. Full", "MENTOR", { ...STRONG, capacity: 1 });
    await prisma.match.create({ data: { workspaceId: TEAM, programId: p, traineeId: other, mentorId: full, role: "mentor", startedAt: new Date() } });
    const secret = await person(TEAM, p, "U0SECRET", "Dr. Secret", "MENTOR", STRONG);
    await prisma.exclusion.create({ data: { workspaceId: TEAM, memberId: trainee, excludedId: secret } });
    await person(TEAM, p, "U0ERASED", "Dr. Erased", "MENTOR", STRONG, { erasedAt: new Date() });
    slack.addUser({ id: "U0STRANGER", teamId: TEAM, name: "Sam Stranger" });

    await prisma.workspace.create({ data: { id: TEAM2, name: "Other school" } });
    const p2 = (await prisma.program.create({ data: { workspaceId: TEAM2, name: "Heme Fellowship" } })).id;
    await person(TEAM2, p2, "U2TRAINEE", "Tom Elsewhere", "TRAINEE", { careerStage: "fellow", interests: ["thrombosis"] });
    await person(TEAM2, p2, "U2MENTOR", "Dr. Elsewhere", "MENTOR", STRONG);
    const p3 = (await prisma.program.create({ data: { workspaceId: TEAM2, name: "New track" } })).id;
    await person(TEAM2, p3, "U2LONELY", "Lou Lonely", "TRAINEE", { careerStage: "resident" });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver({ app: () => app, slack: () => slack });
  const findmentor = (userId: string, text = "", team = TEAM) => drive.command({ id: userId, teamId: team }, "/findmentor", text);
  const reply = (id: string) => drive.responseBody<Reply>(id);
  const mentions = (r: Reply) => r.blocks.filter((b) => b.accessory?.action_id === "findmentor_request").map((b) => /<@(\w+)>/.exec(b.text!.text)![1]);
  const cardOf = (r: Reply, userId: string) => r.blocks.find((b) => b.accessory && b.text!.text.includes(`<@${userId}>`))!;
  const moreValue = (r: Reply) => r.blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.action_id === "findmentor_more")?.value;

  it("shows the five best mentors first, with their reasons, and leaves out paused, full, confidentially excluded and erased mentors", async () => {
    const r = await reply((await findmentor("U0TRAINEE")).responseId);
    expect(r.response_type).toBe("ephemeral");
    const shown = mentions(r);
    expect(shown).toHaveLength(5);
    expect(shown.slice(0, 2)).toEqual(["U0BEST", "U0JUNIOR"]);
    const best = cardOf(r, "U0BEST");
    expect(best.text!.text).toContain("<@U0BEST> — Senior faculty · Hematology · Non-malignant (classical) hematology");
    expect(best.text!.text).toContain("for your priorities — grants: has helped mentees win grants · same subspecialty: non-malignant (classical) hematology · shares: thrombosis");
    expect(JSON.parse(best.accessory!.value)).toMatchObject({ mentorId: expect.any(String), programId: expect.any(String) });
    const all = JSON.stringify(r.blocks);
    for (const hidden of ["U0PAUSED", "U0FULL", "U0SECRET", "U0ERASED", "U0TRAINEE", "U2MENTOR"]) expect(all).not.toContain(hidden);
    expect(all).toContain("Faculty at &lt;Mayo&gt; &amp; industry");
    expect(all).toContain("*Trainees now:* 0 of 3 places taken");
    expect(all).not.toMatch(/confidential/i);
  });

  it("flags a junior faculty mentor as one who can get a senior co-mentor", async () => {
    const r = await reply((await findmentor("U0TRAINEE")).responseId);
    expect(cardOf(r, "U0JUNIOR").text!.text).toContain("junior faculty — a senior co-mentor can be added");
    expect(cardOf(r, "U0BEST").text!.text).not.toContain("co-mentor");
  });

  const pressMore = async (userId: string, value: string) => {
    const { responseId } = await drive.press({ id: userId, teamId: TEAM }, "findmentor_more", value, { ephemeral: { channel: "C0GENERAL", ts: "1.000001" } });
    return reply(responseId);
  };

  it("More replaces the cards with the next ones, and no one is shown twice", async () => {
    const first = await reply((await findmentor("U0TRAINEE")).responseId);
    const value = moreValue(first);
    expect(JSON.parse(value!)).toEqual({ page: 1, q: "" });
    const second = await pressMore("U0TRAINEE", value!);
    expect(second.replace_original).toBe(true);
    const next = mentions(second);
    expect(next).toHaveLength(2);
    expect(next.filter((u) => mentions(first).includes(u))).toEqual([]);
    expect(moreValue(second)).toBeUndefined();
    expect(JSON.stringify(second.blocks)).toContain("#6–7");
  });

  it("finds a thrombosis mentor when the trainee searches for 'VTE'", async () => {
    const r = await reply((await findmentor("U0TRAINEE", "VTE")).responseId);
    expect(mentions(r)).toEqual(["U0BEST"]);
    expect(cardOf(r, "U0BEST").text!.text).toMatch(/matches: vte \(thrombosis\)/i);
    expect(r.text).toContain("VTE");
  });

  it("explains in plain words why no one fits a search, and what to do, without the confidential count", async () => {
    const r = await reply((await findmentor("U0TRAINEE", "xyz")).responseId);
    const all = JSON.stringify(r.blocks);
    expect(mentions(r)).toEqual([]);
    expect(all).toContain("1 mentor is full, 1 mentor is paused, none of the 7 other mentors mention ‘xyz’.");
    expect(all).toContain("try fewer or other words");
    expect(all).toContain("ask your program director");
    expect(all).not.toMatch(/confidential|excluded/i);
  });

  it("opens the profile form for a trainee with no profile yet, and says so", async () => {
    const { responseId: id, triggerId } = await findmentor("U0NEWBIE");
    const r = await reply(id);
    expect(r.text).toContain("Fill in your profile first");
    const opened = await slack.waitFor(() => slack.callsTo("views.open").find((c: RecordedCall) => c.args.trigger_id === triggerId));
    expect((opened.args.view as { callback_id: string }).callback_id).toMatch(/profile/);
  });

  it("tells someone who is not a trainee in any program how to join", async () => {
    const r = await reply((await findmentor("U0STRANGER")).responseId);
    expect(r.text).toBe("You're not in a mentoring program yet.");
    const mentor = await reply((await findmentor("U0BEST")).responseId);
    expect(mentor.text).toBe("You're not in a mentoring program yet.");
  });

  it("keeps two workspaces apart: each trainee sees only their own workspace's mentors", async () => {
    const there = await reply((await findmentor("U2TRAINEE", "", TEAM2)).responseId);
    expect(mentions(there)).toEqual(["U2MENTOR"]);
    const here = await reply((await findmentor("U0TRAINEE", "thrombosis")).responseId);
    expect(mentions(here)).toEqual(["U0BEST"]);
  });

  it("says there are no mentors yet in a program without any", async () => {
    const r = await reply((await findmentor("U2LONELY", "", TEAM2)).responseId);
    expect(r.text).toBe("There are no mentors in your programs yet.");
  });
});
