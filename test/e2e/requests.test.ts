import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf, input } from "../support/slackDriver.js";
import { runJob as runCliJob } from "../support/jobRunner.js";
import { cliReport } from "../support/cliReport.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";

const TEAM = "T0REQ";
const OTHER = "T1REQ";
const P = {
  ana: { id: "U0ANA", teamId: TEAM, name: "Ana Fellow", tz: "UTC" },
  ben: { id: "U0BEN", teamId: TEAM, name: "Ben Resident", tz: "UTC" },
  cal: { id: "U0CAL", teamId: TEAM, name: "Cal Fellow", tz: "UTC" },
  dee: { id: "U0DEE", teamId: TEAM, name: "Dee Fellow", tz: "UTC" },
  eve: { id: "U0EVE", teamId: TEAM, name: "Eve Student", tz: "UTC" },
  maya: { id: "U0MAYA", teamId: TEAM, name: "Dr. Maya", tz: "UTC" },
  jun: { id: "U0JUN", teamId: TEAM, name: "Dr. Jun", tz: "UTC" },
  rae: { id: "U0RAE", teamId: TEAM, name: "Dr. Rae", tz: "UTC" },
  dir: { id: "U0DIR", teamId: TEAM, name: "Dr. Director", tz: "UTC" },
  kim: { id: "U0KIM", teamId: TEAM, name: "Dr. Kim", tz: "UTC" },
  lou: { id: "U0LOU", teamId: TEAM, name: "Dr. Lou", tz: "UTC" },
  nia: { id: "U0NIA", teamId: TEAM, name: "Dr. Nia", tz: "UTC" },
  fay: { id: "U0FAY", teamId: TEAM, name: "Fay Fellow", tz: "UTC" },
  gus: { id: "U0GUS", teamId: TEAM, name: "Gus Resident", tz: "UTC" },
  hal: { id: "U0HAL", teamId: TEAM, name: "Hal Fellow", tz: "UTC" },
  ivy: { id: "U0IVY", teamId: TEAM, name: "Ivy Fellow", tz: "UTC" },
  jay: { id: "U0JAY", teamId: TEAM, name: "Jay Resident", tz: "UTC" },
  kay: { id: "U0KAY", teamId: TEAM, name: "Kay Student", tz: "UTC" },
  otherMentor: { id: "U1OLGA", teamId: OTHER, name: "Dr. Olga", tz: "UTC" },
};
type Key = keyof typeof P;
type View = { callback_id: string; private_metadata?: string; blocks: { block_id?: string; element?: { options?: { value: string }[] } }[] };

describe.each(testProviders)("mentor requests, answers and introductions on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  let otherProgramId = "";
  const ids = {} as Record<Key, string>;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.createMany({ data: [{ id: TEAM }, { id: OTHER }] });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", defaultCapacity: 3 } })).id;
    otherProgramId = (await prisma.program.create({ data: { workspaceId: OTHER, name: "Other Program" } })).id;
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: p.teamId, slackUserId: p.id, name: p.name, tz: "UTC", refreshedAt: new Date() } })).id;
    }
    const enroll = (key: Key, role: "TRAINEE" | "MENTOR" | "DIRECTOR", program = programId, workspaceId = TEAM) => ({ workspaceId, programId: program, memberId: ids[key], role });
    await prisma.enrollment.createMany({
      data: [
        ...(["ana", "ben", "cal", "dee", "eve", "fay", "gus", "hal", "ivy", "jay", "kay"] as Key[]).map((k) => enroll(k, "TRAINEE")),
        ...(["maya", "jun", "rae", "kim", "lou", "nia"] as Key[]).map((k) => enroll(k, "MENTOR")),
        enroll("dir", "DIRECTOR"),
        enroll("otherMentor", "MENTOR", otherProgramId, OTHER),
      ],
    });
    const profile = (key: Key, data: Partial<typeof EMPTY_PROFILE>, workspaceId = TEAM) =>
      prisma.profile.create({ data: { ...EMPTY_PROFILE, ...data, workspaceId, memberId: ids[key] } });
    await profile("ana", { careerStage: "fellow", specialty: "hematology", interests: ["thrombosis"] });
    for (const [i, text] of ["Submit a K08 by June", "Publish my <first> paper"].entries()) {
      await prisma.goal.create({ data: { workspaceId: TEAM, memberId: ids.ana, text, status: "ACTIVE", progress: [], createdAt: new Date(Date.now() - 60_000 + i) } });
    }
    await profile("maya", { careerStage: "senior_faculty", rolesOffered: ["mentor", "sponsor"] });
    await profile("jun", { careerStage: "junior_faculty", rolesOffered: ["coach"] });
    await profile("rae", { careerStage: "senior_faculty", capacity: 2 });
    for (const m of ["kim", "lou", "nia"] as Key[]) await profile(m, { capacity: 1 });
    // Rae has one mentee already: one place left.
    await prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.eve, mentorId: ids.rae, role: "mentor", startedAt: new Date() } });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });
  const { press, response, submit, dmTo, countIn } = drive;
  const opened = (triggerId: string) => drive.opened<View>(triggerId);
  const { pick, text } = input;

  /** The trainee presses "Request" on a card and gets the modal. */
  const openRequest = async (trainee: Key, mentor: Key) => {
    const { triggerId } = await press(trainee, "findmentor_request", JSON.stringify({ mentorId: ids[mentor], programId }));
    return opened(triggerId);
  };

  const seedRequest = (trainee: Key, mentor: Key, role: string, createdAt = new Date()) =>
    db.prisma.mentorRequest.create({ data: { workspaceId: TEAM, programId, traineeId: ids[trainee], mentorId: ids[mentor], role, createdAt } });

  it("a request modal offers the mentor's roles and the trainee's goals; a double submit makes one request; the mentor gets the escaped card", async () => {
    const view = await openRequest("ana", "maya");
    expect(view.callback_id).toBe("request_submit");
    const roleOptions = view.blocks.find((b) => b.block_id === "role")!.element!.options!.map((o) => o.value);
    expect(roleOptions).toEqual(["mentor", "sponsor"]);
    expect(view.blocks.find((b) => b.block_id === "goal")!.element!.options!.map((o) => o.value)).toEqual(["0", "1"]);
    const values = { role: pick("mentor"), message: text("I'd love help with <b>grants</b> & *papers*"), goal: pick("1") };
    const [first, second] = await Promise.all([submit("ana", view, values), submit("ana", view, values)]);
    const bodies = [first, second].sort();
    expect(bodies[0]).toBe("");
    expect(bodies[1]).toContain("already requested");
    expect(await db.prisma.mentorRequest.count({ where: { workspaceId: TEAM, traineeId: ids.ana, mentorId: ids.maya } })).toBe(1);
    const card = textOf(await dmTo("maya", "asks you to be their"));
    expect(card).toContain("Ana Fellow");
    expect(card).toContain("Fellow · Hematology");
    // What she typed reaches the mentor as typed: no tag, no link, and her stars fenced so they are not bold.
    expect(card).toContain("&lt;b&gt;grants&lt;/b&gt; &amp; \u200B*\u200Bpapers\u200B*\u200B");
    expect(card).toContain("<@U0ANA> asks you to be their *mentor*"); // named once, by mention
    expect(card).toContain("Publish my &lt;first&gt; paper");
    expect(card).toContain("request_accept");
    expect(card).toContain("request_decline");
    expect(textOf(await dmTo("ana", ":outbox_tray: You asked"))).not.toContain("co-mentor");
  });

  it("a role the mentor does not offer is refused inline and nothing is stored", async () => {
    const view = await openRequest("ben", "jun");
    const body = await submit("ben", view, { role: pick("sponsor"), message: text("") });
    expect(body).toContain("doesn't offer this kind of help");
    expect(await db.prisma.mentorRequest.count({ where: { traineeId: ids.ben, mentorId: ids.jun } })).toBe(0);
  });

  it("accepting creates the match, updates the mentor's DM and introduces the pair with cadence buttons; a click stores the cadence", async () => {
    const request = await db.prisma.mentorRequest.findFirstOrThrow({ where: { traineeId: ids.ana, mentorId: ids.maya } });
    const card = await dmTo("maya", "asks you to be their");
    const { responseId } = await press("maya", "request_accept", request.id, { channel: card.channel, ts: card.ts });
    expect(await response(responseId)).toContain("You accepted");
    const match = await db.prisma.match.findFirstOrThrow({ where: { traineeId: ids.ana, mentorId: ids.maya } });
    expect(match).toMatchObject({ status: "ACTIVE", role: "mentor" });
    expect((await db.prisma.mentorRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("ACCEPTED");
    const group = `G-${[P.ana.id, P.maya.id].sort().join("-")}`;
    const intro = await slack.waitFor(() => slack.messagesIn(group).find((m) => textOf(m).includes("How often to meet")));
    for (const word of ["match_cadence_weekly", "match_cadence_quarterly", "agenda two days before", "notes and next steps", "End mentorship"]) {
      expect(textOf(intro)).toContain(word);
    }
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: match.id } })).introChannelId).toBe(group);
    const again = await press("maya", "request_accept", request.id, { channel: card.channel, ts: card.ts });
    expect(await response(again.responseId)).toContain("You accepted");
    expect(await db.prisma.match.count({ where: { traineeId: ids.ana, mentorId: ids.maya } })).toBe(1);

    await press("ana", "match_cadence_monthly", JSON.stringify({ matchId: match.id, cadence: "MONTHLY" }), { channel: group, ts: intro.ts });
    await slack.waitFor(() => textOf(slack.messagesIn(group).find((m) => m.ts === intro.ts)!).includes("Agreed: *every month*"));
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: match.id } })).cadence).toBe("MONTHLY");
    expect(slack.callsTo("views.publish").some((c) => c.args.user_id === P.ana.id)).toBe(true);
  });

  it("declining keeps the reason for directors and tells the trainee kindly without it", async () => {
    const request = await seedRequest("ben", "maya", "sponsor");
    const { triggerId } = await press("maya", "request_decline", request.id, { channel: `D-${P.maya.id}`, ts: "1.000001" });
    const modal = await opened(triggerId);
    expect(await submit("maya", modal, { reason: text("He needs a clinical mentor, not me") })).toBe("");
    const told = textOf(await dmTo("ben", "can't be your sponsor right now"));
    expect(told).toContain("/findmentor");
    expect(told).not.toContain("clinical mentor");
    const stored = await db.prisma.mentorRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ status: "DECLINED", declineReason: "He needs a clinical mentor, not me" });
  });

  it("a trainee withdraws from the App Home; the mentor who then accepts is told it was withdrawn and nothing is matched", async () => {
    const request = await seedRequest("ben", "maya", "mentor");
    const before = slack.callsTo("views.publish").length;
    await press("ben", `request_withdraw_home_${request.id}`, request.id);
    const home = await slack.waitFor(() => slack.callsTo("views.publish").slice(before).find((c) => c.args.user_id === P.ben.id));
    expect(JSON.stringify(home.args.view)).not.toContain("waiting for <@U0MAYA>");
    expect((await db.prisma.mentorRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("WITHDRAWN");
    const { responseId } = await press("maya", "request_accept", request.id, { channel: `D-${P.maya.id}`, ts: "1.000007" });
    expect(await response(responseId)).toContain("no longer open (they withdrew it)");
    expect(await db.prisma.match.count({ where: { traineeId: ids.ben, mentorId: ids.maya } })).toBe(0);
  });

  it("a trainee withdraws from their confirmation DM, which then says so", async () => {
    const view = await openRequest("cal", "maya");
    expect(await submit("cal", view, { role: pick("sponsor") })).toBe("");
    const confirmation = await dmTo("cal", ":outbox_tray: You asked");
    const request = await db.prisma.mentorRequest.findFirstOrThrow({ where: { traineeId: ids.cal, mentorId: ids.maya, status: "PENDING" } });
    const { responseId } = await press("cal", "request_withdraw", request.id, { channel: confirmation.channel, ts: confirmation.ts });
    expect(await response(responseId)).toContain("You withdrew your request asking <@U0MAYA> to be your");
    expect((await db.prisma.mentorRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("WITHDRAWN");
  });

  it("two accepts racing for a mentor's last place make exactly one match; the other request closes and its trainee is told at once", async () => {
    const [r1, r2] = await Promise.all([seedRequest("cal", "rae", "mentor"), seedRequest("dee", "rae", "mentor")]);
    const [a, b] = await Promise.all([
      press("rae", "request_accept", r1.id, { channel: `D-${P.rae.id}`, ts: "1.000002" }),
      press("rae", "request_accept", r2.id, { channel: `D-${P.rae.id}`, ts: "1.000003" }),
    ]);
    const answers = [await response(a.responseId), await response(b.responseId)];
    expect(answers.filter((t) => t.includes("You accepted"))).toHaveLength(1);
    expect(answers.filter((t) => t.includes("places are all taken"))).toHaveLength(1);
    expect(await db.prisma.match.count({ where: { workspaceId: TEAM, mentorId: ids.rae, status: "ACTIVE" } })).toBe(2);
    const statuses = (await db.prisma.mentorRequest.findMany({ where: { id: { in: [r1.id, r2.id] } } })).map((r) => r.status).sort();
    expect(statuses).toEqual(["ACCEPTED", "MENTOR_FULL"]);
    const loser = (await db.prisma.mentorRequest.findFirstOrThrow({ where: { id: { in: [r1.id, r2.id] }, status: "MENTOR_FULL" } })).traineeId === ids.cal ? "cal" : "dee";
    expect(textOf(await dmTo(loser, "mentoring places have all filled"))).toContain("/findmentor");
  });

  it("a trainee can have several mentors in different roles; asking a junior-faculty mentor brings an offer of senior co-mentors", async () => {
    const view = await openRequest("ana", "jun");
    expect(await submit("ana", view, { role: pick("coach"), message: text("Coaching on talks, please") })).toBe("");
    expect(textOf(await dmTo("ana", "is junior faculty"))).toContain("senior co-mentor");
    // Maya already mentors Ana and Rae is full, so the offer says so rather than staying silent.
    expect(textOf(await dmTo("ana", "co-mentor beside"))).toContain("in your programs has room to co-mentor beside them right now");
    const request = await db.prisma.mentorRequest.findFirstOrThrow({ where: { traineeId: ids.ana, mentorId: ids.jun } });
    const { responseId } = await press("jun", "request_accept", request.id, { channel: `D-${P.jun.id}`, ts: "1.000004" });
    expect(await response(responseId)).toContain("You accepted");
    const roles = (await db.prisma.match.findMany({ where: { traineeId: ids.ana, status: "ACTIVE" } })).map((m) => m.role).sort();
    expect(roles).toEqual(["coach", "mentor"]);
  });

  it("ending a mentorship tells the other side kindly and sends the private feedback to the director only", async () => {
    const match = await db.prisma.match.findFirstOrThrow({ where: { traineeId: ids.ana, mentorId: ids.jun } });
    const { triggerId } = await press("jun", "match_end", match.id, { channel: `G-${[P.ana.id, P.jun.id].sort().join("-")}`, ts: "1.000005" });
    const modal = await opened(triggerId);
    expect(await submit("jun", modal, { note: text("Schedules never lined up") })).toBe("");
    expect(textOf(await dmTo("dir", "Schedules never lined up"))).toContain("<@U0JUN> ended");
    const told = textOf(await dmTo("ana", "Your coach <@U0JUN> has ended your mentorship in"));
    expect(told).not.toContain("Schedules");
    expect(told).toContain("/findmentor"); // the trainee's next step
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: match.id } })).toMatchObject({ status: "ENDED", endNote: "Schedules never lined up", endedById: ids.jun });
  });

  const runJob = (now: Date, job = "request-reminders") => runCliJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, job, now);

  it("the reminder job reminds the mentor once after 3 days and expires the request after 7, telling the trainee once and taking the reminder's buttons away", async () => {
    const created = new Date();
    const request = await seedRequest("ben", "jun", "coach", created);
    const day = 24 * 60 * 60_000;
    // Each DM waits for the first working morning (10:00, Mon–Fri) at least 3 or 7 days on: at most
    // about 3 days more (Friday after 10:00 → Monday 10:00), so these runs are right on any day of the week.
    const early = await runJob(new Date(created.getTime() + 2.9 * day));
    expect(early.code, early.out).toBe(0);
    expect(early.out).toContain('"reminded":0');
    const first = await runJob(new Date(created.getTime() + 6.5 * day));
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/"reminded":[1-9]/);
    const reminder = await dmTo("jun", "A request is waiting for your answer");
    expect((await runJob(new Date(created.getTime() + 6.6 * day))).out).toContain('"reminded":0');

    const expiry = await runJob(new Date(created.getTime() + 10.5 * day));
    expect(expiry.out).toMatch(/"expired":[1-9]/);
    expect(textOf(await dmTo("ben", "has expired"))).toContain("/findmentor");
    expect((await db.prisma.mentorRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("EXPIRED");
    expect((await runJob(new Date(created.getTime() + 11 * day))).out).toContain('"expired":0');
    await new Promise((r) => setTimeout(r, 1500)); // one more outbox poll: nothing new may arrive
    // One reminder was sent; once the request expired it says so, with no Accept or Decline left on it.
    expect(slack.messagesIn(P.jun.id).filter((m) => textOf(m).includes("<@U0BEN>'s request to be their coach")).map((m) => m.ts)).toEqual([reminder.ts]);
    expect(textOf(slack.messagesIn(P.jun.id).find((m) => m.ts === reminder.ts)!)).toContain("<@U0BEN>'s request to be their coach expired without an answer");
    expect(textOf(slack.messagesIn(P.jun.id).find((m) => m.ts === reminder.ts)!)).not.toContain("request_accept");
    expect(countIn(P.ben.id, "has expired")).toBe(1);
  });

  it("when Slack fails to open the group DM at accept, the match stands and the outbox introduces the pair once on its retry", async () => {
    const request = await seedRequest("cal", "jun", "coach");
    slack.failNext("conversations.open", { error: "fatal_error" });
    const opens = slack.callsTo("conversations.open").length;
    const { responseId } = await press("jun", "request_accept", request.id, { channel: `D-${P.jun.id}`, ts: "1.000008" });
    expect(await response(responseId)).toContain("You accepted");
    const match = await db.prisma.match.findFirstOrThrow({ where: { traineeId: ids.cal, mentorId: ids.jun, status: "ACTIVE" } });
    const group = `G-${[P.cal.id, P.jun.id].sort().join("-")}`;
    await slack.waitFor(() => slack.messagesIn(group).find((m) => textOf(m).includes("How often to meet")), 15_000);
    expect(slack.callsTo("conversations.open").length - opens, "the failed open, then the retry").toBeGreaterThanOrEqual(2);
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: match.id } })).introChannelId).toBe(group);
    await new Promise((r) => setTimeout(r, 1500)); // one more outbox poll: nothing new may arrive
    expect(slack.messagesIn(group).filter((m) => textOf(m).includes("How often to meet"))).toHaveLength(1);
  });

  it("another workspace can neither request this workspace's mentors nor answer its requests", async () => {
    const { triggerId } = await press("otherMentor", "findmentor_request", JSON.stringify({ mentorId: ids.maya, programId }));
    expect(JSON.stringify(await opened(triggerId))).toContain("not a trainee in that program");
    const pending = await seedRequest("dee", "maya", "sponsor");
    const { responseId } = await press("otherMentor", "request_accept", pending.id, { channel: "D-U1OLGA", ts: "1.000006" });
    expect(await response(responseId)).toContain("isn't here any more");
    expect((await db.prisma.mentorRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
    expect(await db.prisma.mentorRequest.count({ where: { workspaceId: OTHER } })).toBe(0);
  });

  /** The current version of a posted message (chat.update changes it in place). */
  const current = (m: { channel: string; ts: string }) => slack.messagesIn(m.channel).find((x) => x.ts === m.ts)!;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const requestOf = (trainee: Key, mentor: Key) => db.prisma.mentorRequest.findFirstOrThrow({ where: { traineeId: ids[trainee], mentorId: ids[mentor] } });
  const ask = async (trainee: Key, mentor: Key) => {
    expect(await submit(trainee, await openRequest(trainee, mentor), { role: pick("mentor") })).toBe("");
    return { card: await dmTo(mentor, P[trainee].name), sent: await dmTo(trainee, ":outbox_tray: You asked") };
  };

  it("a full mentor who presses Accept closes the request coherently: its trainee, and every other trainee waiting for her, is told at once and pointed to /findmentor", async () => {
    const fay = await ask("fay", "kim");
    const gus = await ask("gus", "kim");
    // A pairing round fills Dr. Kim's only place meanwhile.
    await db.prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.hal, mentorId: ids.kim, role: "mentor", startedAt: new Date() } });
    const request = await requestOf("fay", "kim");

    const { responseId } = await press("kim", "request_accept", request.id, { channel: fay.card.channel, ts: fay.card.ts });
    const answer = await response(responseId);
    expect(answer).toContain("Your mentoring places are all taken, so <@U0FAY>'s request to be their mentor is closed; they were told kindly");
    expect(answer).toContain("1 other request waiting for you was closed the same way");
    expect(answer).not.toContain("request_accept");
    expect(answer).toContain("profile_edit"); // raising her capacity is one press away

    // Told at once (no job has run), kindly, with the next step.
    for (const t of ["fay", "gus"] as Key[]) {
      const told = textOf(await dmTo(t, "mentoring places have all filled"));
      expect(told).toContain("not about you");
      expect(told).toContain("/findmentor");
    }
    // No button is left on a closed request: Dr. Kim's DM about Gus, and each trainee's confirmation.
    await slack.waitFor(() => !textOf(current(gus.card)).includes("request_accept"));
    expect(textOf(current(gus.card))).toContain("<@U0GUS>'s request to be their mentor is closed");
    for (const sent of [fay.sent, gus.sent]) await slack.waitFor(() => !textOf(current(sent)).includes("request_withdraw"));
    expect(textOf(current(fay.sent))).toContain("is closed: their mentoring places filled up");
    // Every Home agrees.
    const kimHome = JSON.stringify(await drive.openHome("kim"));
    expect(kimHome).not.toContain("waiting for your answer");
    expect(kimHome).toContain("1 of 1 place used — you're full");
    for (const t of ["fay", "gus"] as Key[]) expect(JSON.stringify(await drive.openHome(t))).not.toContain("Waiting for an answer");
    expect((await db.prisma.mentorRequest.findMany({ where: { mentorId: ids.kim } })).map((r) => r.status)).toEqual(["MENTOR_FULL", "MENTOR_FULL"]);

    // No reminder three days on, no expiry notice a week on.
    const day = 24 * 60 * 60_000;
    for (const days of [6.5, 10.5]) expect((await runJob(new Date(request.createdAt.getTime() + days * day))).code).toBe(0);
    await sleep(1500); // one more outbox poll: nothing new may arrive
    expect(countIn(P.kim.id, "A request is waiting for your answer")).toBe(0);
    for (const t of ["fay", "gus"] as Key[]) {
      expect(countIn(P[t].id, "has expired")).toBe(0);
      expect(countIn(P[t].id, "mentoring places have all filled")).toBe(1);
    }

    // The director's report says what happened.
    const { rows } = await cliReport(database.url, TEAM, "Heme Fellowship", "requests");
    expect(rows.filter((r) => r.mentor === "Dr. Kim").map((r) => [r.trainee, r.status])).toEqual([
      ["Fay Fellow", "mentor_full"],
      ["Gus Resident", "mentor_full"],
    ]);
  });

  it("accepting a mentor's last place closes the other requests waiting for him at once, and says so", async () => {
    await ask("ivy", "lou");
    const jay = await ask("jay", "lou");
    const request = await requestOf("ivy", "lou");
    const { responseId } = await press("lou", "request_accept", request.id, { channel: `D-${P.lou.id}`, ts: "1.000009" });
    expect(await response(responseId)).toContain("That was your last place, so 1 other request waiting for you was closed and each trainee told kindly");
    expect(textOf(await dmTo("jay", "mentoring places have all filled"))).toContain("/findmentor");
    await slack.waitFor(() => !textOf(current(jay.card)).includes("request_accept"));
    expect((await requestOf("jay", "lou")).status).toBe("MENTOR_FULL");
    expect(await db.prisma.match.count({ where: { mentorId: ids.lou, status: "ACTIVE" } })).toBe(1);
  });

  it("a request to a mentor whose last place a round filled closes within the hour, without waiting for her Accept", async () => {
    const kay = await ask("kay", "nia");
    await db.prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.hal, mentorId: ids.nia, role: "mentor", startedAt: new Date() } });
    const run = await runJob(new Date());
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/"closedFull":[1-9]/);
    expect(textOf(await dmTo("kay", "mentoring places have all filled"))).toContain("/findmentor");
    expect((await requestOf("kay", "nia")).status).toBe("MENTOR_FULL");
    await slack.waitFor(() => !textOf(current(kay.card)).includes("request_accept"));
    // A trainee who asks her now is told why at once, instead of waiting.
    const { triggerId } = await press("fay", "findmentor_request", JSON.stringify({ mentorId: ids.nia, programId }));
    expect(JSON.stringify(await opened(triggerId))).toContain("places are all taken right now");
  });
});
