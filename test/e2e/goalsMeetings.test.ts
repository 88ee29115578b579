import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf, input } from "../support/slackDriver.js";
import { runJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";

const TEAM = "T0GOAL";
const OTHER = "T1GOAL";
const P = {
  ana: { id: "U0ANA", teamId: TEAM, name: "Ana Fellow", tz: "UTC" },
  ben: { id: "U0BEN", teamId: TEAM, name: "Ben Resident", tz: "UTC" },
  zed: { id: "U0ZED", teamId: TEAM, name: "Zed Student", tz: "UTC" },
  maya: { id: "U0MAYA", teamId: TEAM, name: "Dr. Maya", tz: "UTC" },
  dir: { id: "U0DIR", teamId: TEAM, name: "Dr. Director", tz: "UTC", isAdmin: true },
  amy: { id: "U0AMY", teamId: TEAM, name: "Amy Fellow", tz: "UTC" },
  jun: { id: "U0JUN", teamId: TEAM, name: "Dr. Jun", tz: "UTC" },
  olga: { id: "U1OLGA", teamId: OTHER, name: "Olga Fellow", tz: "UTC" },
  oleg: { id: "U1OLEG", teamId: OTHER, name: "Dr. Oleg", tz: "UTC" },
};
type Key = keyof typeof P;
type Block = { block_id?: string; element?: Record<string, unknown>; accessory?: Record<string, unknown> };
type View = { callback_id: string; private_metadata?: string; blocks: Block[] };

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const SECRET = "SECRET-NOTE: talked about my divorce";

describe.each(testProviders)("goals, meeting log and agendas on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  const ids = {} as Record<Key, string>;
  const matches = {} as Record<"ana" | "ben" | "olga" | "amy", string>;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.createMany({ data: [{ id: TEAM }, { id: OTHER }] });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } })).id;
    const otherProgram = (await prisma.program.create({ data: { workspaceId: OTHER, name: "Heme Fellowship" } })).id;
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: p.teamId, slackUserId: p.id, name: p.name, tz: "UTC", isAdmin: key === "dir", refreshedAt: new Date() } })).id;
    }
    const enroll = (key: Key, role: "TRAINEE" | "MENTOR" | "DIRECTOR", program = programId) => ({ workspaceId: P[key].teamId, programId: program, memberId: ids[key], role });
    await prisma.enrollment.createMany({
      data: [enroll("ana", "TRAINEE"), enroll("ben", "TRAINEE"), enroll("zed", "TRAINEE"), enroll("amy", "TRAINEE"), enroll("jun", "MENTOR"), enroll("maya", "MENTOR"), enroll("dir", "DIRECTOR"), enroll("olga", "TRAINEE", otherProgram), enroll("oleg", "MENTOR", otherProgram)],
    });
    const started = new Date(Date.now() - 40 * DAY);
    const match = (trainee: Key, mentor: Key, program = programId) =>
      prisma.match.create({ data: { workspaceId: P[trainee].teamId, programId: program, traineeId: ids[trainee], mentorId: ids[mentor], role: "mentor", startedAt: started } });
    matches.ana = (await match("ana", "maya")).id;
    matches.ben = (await match("ben", "maya")).id;
    matches.olga = (await match("olga", "oleg", otherProgram)).id;
    // Monthly from Monday 5 January 2026, 09:00 UTC: the first meeting is due by 5 February.
    matches.amy = (await prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids.amy, mentorId: ids.jun, role: "mentor", startedAt: new Date("2026-01-05T09:00:00Z") } })).id;
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });
  const { press, submit } = drive;
  const mentoring = (who: Key, text: string) => drive.command(who, "/mentoring", text);
  /** The view the app opened or pushed for a trigger. */
  const shown = (triggerId: string) => drive.shown<View>(triggerId);
  const { text, date } = input;
  const option = (type: string, value: string) => ({ type, selected_option: { text: { type: "plain_text", text: value }, value } });

  const lastHome = (who: Key, after = 0) =>
    slack.waitFor(() => slack.callsTo("views.publish").slice(after).filter((c) => c.args.user_id === P[who].id).at(-1)).then((c) => JSON.stringify(c.args.view));
  const openHome = async (who: Key) => JSON.stringify(await drive.openHome(who));
  const goalsOf = (who: Key) => db.prisma.goal.findMany({ where: { memberId: ids[who] }, orderBy: { createdAt: "asc" } });

  const addGoal = async (who: Key, goal: string) => {
    const { triggerId } = await press(who, "goal_add", "", "modal");
    return submit(who, await shown(triggerId), { goal_text: text(goal) });
  };

  it("a trainee adds two goals; a third asks which to park, and parking one makes room for it", async () => {
    const { triggerId } = await mentoring("ana", "goals");
    const list = await shown(triggerId);
    expect(list.callback_id).toBe("goals_list");
    expect(JSON.stringify(list)).toContain("No goals yet");

    expect(await addGoal("ana", "Submit a K08 by June")).toBe("");
    expect(await addGoal("ana", "Publish my <first> paper")).toBe("");
    const answer = JSON.parse(await addGoal("ana", "Present at ASH"));
    expect(answer.response_action).toBe("update");
    expect(answer.view.callback_id).toBe("goal_park_submit");
    expect(JSON.stringify(answer.view)).toContain("already have 2 active goals");
    expect((await goalsOf("ana")).map((g) => g.status)).toEqual(["ACTIVE", "ACTIVE"]);

    const [k08, paper] = await goalsOf("ana");
    expect(await submit("ana", answer.view, { park: option("radio_buttons", paper!.id) })).toBe("");
    const after = await goalsOf("ana");
    expect(after.map((g) => [g.text, g.status])).toEqual([
      ["Submit a K08 by June", "ACTIVE"],
      ["Publish my <first> paper", "PARKED"],
      ["Present at ASH", "ACTIVE"],
    ]);
    expect(after.every((g) => Array.isArray(g.progress))).toBe(true);

    // Reactivating the parked goal asks again which to park; parking the K08 goal lets it back in.
    const menu = await press("ana", "goal_menu", `activate:${paper!.id}`, "modal", { overflow: true });
    const ask = await shown(menu.triggerId);
    expect(ask.callback_id).toBe("goal_park_submit");
    expect(await submit("ana", ask, { park: option("radio_buttons", k08!.id) })).toBe("");
    expect(Object.fromEntries((await goalsOf("ana")).map((g) => [g.text, g.status]))).toEqual({
      "Submit a K08 by June": "PARKED",
      "Publish my <first> paper": "ACTIVE",
      "Present at ASH": "ACTIVE",
    });

    // Marking the parked K08 goal done updates the open goals list in place.
    const updates = slack.callsTo("views.update").length;
    await press("ana", "goal_menu", `done:${k08!.id}`, "modal", { overflow: true });
    const list2 = await slack.waitFor(() => slack.callsTo("views.update").slice(updates).find((c) => c.args.view_id === "V0MODAL"));
    expect(JSON.stringify(list2.args.view)).toContain("Submit a K08 by June* _(done)_");
    expect((await db.prisma.goal.findUniqueOrThrow({ where: { id: k08!.id } })).status).toBe("DONE");
  });

  it("an empty or overlong goal is answered inline and nothing is stored", async () => {
    const before = (await goalsOf("ben")).length;
    expect(JSON.parse(await addGoal("ben", "   "))).toEqual({ response_action: "errors", errors: { goal_text: "Write your goal in a few words." } });
    expect(JSON.parse(await addGoal("ben", "x".repeat(201))).errors.goal_text).toContain("200 characters");
    expect(await goalsOf("ben")).toHaveLength(before);
  });

  it("a goal a trainee writes in their profile is a tracked goal, shown once on their Home; replacing it parks it, notes kept", async () => {
    const profile = async () => shown((await mentoring("ben", "profile")).triggerId);
    expect(await submit("ben", await profile(), { goal_1: text("Finish my QI project"), goal_2: text("") })).toBe("");
    expect((await goalsOf("ben")).map((g) => [g.text, g.status])).toEqual([["Finish my QI project", "ACTIVE"]]);
    const board = JSON.stringify(await shown((await mentoring("ben", "goals")).triggerId));
    expect(board).toContain("Finish my QI project* _(active)_");
    const home = await openHome("ben");
    expect(home.split("Finish my QI project")).toHaveLength(2); // once, in the one goals section
    expect(home).toContain("My goals");
    expect(home).not.toContain("No goals");

    const form = await profile();
    expect(JSON.stringify(form.blocks.find((b) => b.block_id === "goal_1"))).toContain('"initial_value":"Finish my QI project"');
    expect(await submit("ben", form, { goal_1: text("Present at ASH"), goal_2: text("") })).toBe("");
    expect((await goalsOf("ben")).map((g) => [g.text, g.status])).toEqual([
      ["Finish my QI project", "PARKED"],
      ["Present at ASH", "ACTIVE"],
    ]);
    expect(await submit("ben", await profile(), { goal_1: text("Present at ASH"), goal_2: text("finish my QI project") })).toBe("");
    expect((await goalsOf("ben")).map((g) => [g.text, g.status])).toEqual([
      ["Finish my QI project", "ACTIVE"],
      ["Present at ASH", "ACTIVE"],
    ]);
  });

  it("a mentor sees the mentee's goals and adds a progress note, which the trainee then sees on their App Home", async () => {
    const { triggerId } = await mentoring("maya", "goals");
    const board = JSON.stringify(await shown(triggerId));
    expect(board).toContain("Goals of* <@U0ANA>");
    expect(board).toContain("Publish my &lt;first&gt; paper");
    const ash = (await goalsOf("ana")).find((g) => g.text === "Present at ASH")!;
    expect(board).toContain(`"action_id":"goal_note","value":"${ash.id}"`);
    expect(board).not.toContain("goal_menu"); // she may not change Ana's goals

    const note = await press("maya", "goal_note", ash.id, "modal");
    const before = slack.callsTo("views.publish").length;
    expect(await submit("maya", await shown(note.triggerId), { note: text("Abstract <drafted> & sent") })).toBe("");
    const stored = await db.prisma.goal.findUniqueOrThrow({ where: { id: ash.id } });
    expect(stored.progress).toMatchObject([{ by: ids.maya, note: "Abstract <drafted> & sent" }]);
    const home = await lastHome("ana", before);
    expect(home).toContain("Dr. Maya: Abstract &lt;drafted&gt; &amp; sent");
  });

  it("only the trainee changes their goals, and only their mentors add notes", async () => {
    const ash = (await goalsOf("ana")).find((g) => g.text === "Present at ASH")!;
    const done = await press("maya", "goal_menu", `done:${ash.id}`, "modal", { overflow: true });
    expect(JSON.stringify(await shown(done.triggerId))).toContain("Only the trainee changes their goals");
    const note = await press("ben", "goal_note", ash.id, "modal");
    expect(JSON.stringify(await shown(note.triggerId))).toContain("isn't yours or your mentee's");
    const stored = await db.prisma.goal.findUniqueOrThrow({ where: { id: ash.id } });
    expect(stored.status).toBe("ACTIVE");
    expect(stored.progress).toHaveLength(1);
  });

  it("the trainee sets an agenda from the prompt; the mentor is told; the App Home shows it", async () => {
    const where = { channel: `D-${P.ana.id}`, ts: "1.000001" };
    const { triggerId } = await press("ana", "agenda_set_open", matches.ana, where);
    const modal = await shown(triggerId);
    expect(modal.callback_id).toBe("agenda_submit");
    const before = slack.callsTo("views.publish").length;
    expect(await submit("ana", modal, { agenda: text("K08 <aims> & budget") })).toBe("");
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: matches.ana } })).agenda).toBe("K08 <aims> & budget");
    const told = await slack.waitFor(() => slack.messagesIn(P.maya.id).find((m) => textOf(m).includes("set the agenda")));
    expect(textOf(told)).toContain("K08 &lt;aims&gt; &amp; budget");
    expect(await lastHome("maya", before)).toContain("K08 &lt;aims&gt; &amp; budget");
    // A repeat submission of the same agenda tells the mentor nothing more.
    expect(await submit("ana", modal, { agenda: text("K08 <aims> & budget") })).toBe("");
    expect(await db.prisma.outboxMessage.count({ where: { key: { startsWith: `agenda-set:${matches.ana}:` } } })).toBe(1);
  });

  it("/mentoring log with no active mentorship says so plainly", async () => {
    const { responseId: id } = await mentoring("zed", "log");
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === id));
    expect(JSON.stringify(reply.body)).toContain("no active mentorship to log a meeting for");
  });

  it("bad meeting input gets inline errors: a future day, a day before the match, notes too long", async () => {
    const { triggerId } = await press("ana", "meeting_log_open", matches.ana);
    const modal = await shown(triggerId);
    const future = JSON.parse(await submit("ana", modal, { date: date(isoDay(Date.now() + 2 * DAY)) }));
    expect(future).toEqual({ response_action: "errors", errors: { date: "That day hasn't happened yet. Log a meeting once it has taken place." } });
    const early = JSON.parse(await submit("ana", modal, { date: date(isoDay(Date.now() - 60 * DAY)) }));
    expect(early.errors.date).toContain("before your mentorship started");
    const long = JSON.parse(await submit("ana", modal, { date: date(isoDay(Date.now())), notes: text("x".repeat(3001)) }));
    expect(long.errors.notes).toContain("3000 characters");
    expect(await db.prisma.meeting.count({ where: { matchId: matches.ana } })).toBe(0);
  });

  it("/mentoring log as a mentor of two asks which mentorship, saves the meeting once on a double submit, clears the agenda and shows it on the App Home", async () => {
    const { triggerId } = await mentoring("maya", "log");
    const pick = await shown(triggerId);
    expect(pick.callback_id).toBe("meeting_pick_submit");
    const step2 = JSON.parse(await submit("maya", pick, { match: option("static_select", matches.ana) }));
    expect(step2.response_action).toBe("update");
    const form = step2.view as View;
    expect(form.callback_id).toBe("meeting_log_submit");
    expect(JSON.stringify(form)).toContain('"initial_value":"K08 <aims> & budget"');
    expect(JSON.stringify(form)).toContain(`"initial_date":"${isoDay(Date.now())}"`);
    const active = (await goalsOf("ana")).filter((g) => g.status === "ACTIVE");
    expect(form.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(["date", "agenda", "notes", "next_steps", ...active.map((g) => `progress_${g.id}`)]);

    const yesterday = isoDay(Date.now() - DAY);
    const values = { date: date(yesterday), agenda: text("K08 aims"), notes: text(SECRET), next_steps: text("Ana sends <aims> page"), [`progress_${active[0]!.id}`]: text("Aims page drafted") };
    const before = slack.callsTo("views.publish").length;
    const [a, b] = await Promise.all([submit("maya", form, values, "V0MEETING1"), submit("maya", form, values, "V0MEETING1")]);
    for (const body of [a, b]) expect(JSON.parse(body).view.callback_id).toBe("meeting_done");
    const meetings = await db.prisma.meeting.findMany({ where: { matchId: matches.ana } });
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ agenda: "K08 aims", notes: SECRET, nextSteps: "Ana sends <aims> page", loggedById: ids.maya });
    expect(meetings[0]!.date.toISOString().slice(0, 10)).toBe(yesterday);
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: matches.ana } })).agenda).toBeNull();
    const goal = await db.prisma.goal.findUniqueOrThrow({ where: { id: active[0]!.id } });
    expect((goal.progress as { note: string }[]).filter((p) => p.note === "Aims page drafted")).toHaveLength(1);

    const home = await lastHome("ana", before);
    const shownDay = DateTime.fromISO(yesterday, { zone: "UTC" }).toFormat("ccc d LLL yyyy");
    expect(home).toContain(`Last meeting: ${shownDay}`);
    expect(home).toContain("Ana sends &lt;aims&gt; page");
    expect(home).toContain("No agenda set for the next meeting");
    expect(home).toContain("Next check-in:");
    expect(home).not.toContain("SECRET-NOTE");
  });

  it("meeting notes never reach a director: not on their App Home, not in an export, not in any Slack call or log line", async () => {
    const home = await openHome("dir");
    expect(home).toContain("Programs you direct");
    expect(home).not.toContain("SECRET-NOTE");
    const { triggerId } = await press("dir", "admin_roster_export", programId);
    await slack.waitFor(() => slack.uploads.size > 0 || slack.callsTo("views.open").some((c) => c.args.trigger_id === triggerId));
    for (const file of slack.uploads.values()) expect(file.toString("utf8")).not.toContain("SECRET-NOTE");
    expect(JSON.stringify(slack.calls)).not.toContain("SECRET-NOTE");
    expect(JSON.stringify(slack.responses)).not.toContain("SECRET-NOTE");
    expect(app.output()).not.toContain("SECRET-NOTE");
  });

  it("the Home's Log a meeting opens the modal for that match only for its pair", async () => {
    const own = await press("ben", "meeting_log_open", matches.ben);
    const view = await shown(own.triggerId);
    expect(view.callback_id).toBe("meeting_log_submit");
    expect(JSON.stringify(view)).toContain("<@U0MAYA>");
    const stranger = await press("zed", "meeting_log_open", matches.ana);
    expect(JSON.stringify(await shown(stranger.triggerId))).toContain("That mentorship isn't yours");
  });

  it("a meeting form whose metadata no longer reads is refused in its own words, and nothing is saved", async () => {
    const own = await press("ben", "meeting_log_open", matches.ben);
    const form = await shown(own.triggerId);
    const before = await db.prisma.meeting.count();
    const answer = JSON.parse(await submit("ben", { ...form, private_metadata: "{not json" }, { date: date(isoDay(Date.now())) }));
    expect(answer).toEqual({ response_action: "errors", errors: { date: "This form is out of date; close it and run /mentoring log again." } });
    expect(await db.prisma.meeting.count()).toBe(before);
  });

  it("two workspaces are isolated: another team's member can't see or touch this team's goals or matches", async () => {
    const { triggerId } = await mentoring("olga", "goals");
    const board = JSON.stringify(await shown(triggerId));
    expect(board).not.toContain("ASH");
    const ash = (await goalsOf("ana")).find((g) => g.text === "Present at ASH")!;
    const note = await press("olga", "goal_note", ash.id, "modal");
    expect(JSON.stringify(await shown(note.triggerId))).toContain("isn't yours or your mentee's");
    const log = await press("olga", "meeting_log_open", matches.ana);
    expect(JSON.stringify(await shown(log.triggerId))).toContain("That mentorship isn't yours");
    expect((await db.prisma.goal.findUniqueOrThrow({ where: { id: ash.id } })).progress).toHaveLength(1);

    // Olga's own mentorship works in her workspace.
    const own = await press("olga", "meeting_log_open", matches.olga);
    const form = await shown(own.triggerId);
    expect(await submit("olga", form, { date: date(isoDay(Date.now())) }).then((b) => JSON.parse(b).view.callback_id)).toBe("meeting_done");
    expect(await db.prisma.meeting.count({ where: { workspaceId: OTHER } })).toBe(1);
    expect(await db.prisma.meeting.count({ where: { workspaceId: TEAM } })).toBe(1);
  });
  /** `node dist/src/cli/main.js job run agenda-prompts --now ISO`, as an operator (or a fake clock) runs it. */
  const runAgendaJob = (now: string) => runJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "agenda-prompts", new Date(now));

  it("the agenda prompt reaches the trainee once, on the last weekday two days before the meeting is due, with a Set agenda button", async () => {
    const prompts = () => slack.messagesIn(P.amy.id).filter((m) => textOf(m).includes("agenda_set_open"));
    const queued = () => db.prisma.outboxMessage.count({ where: { key: { startsWith: "agenda:" } } });
    expect((await runAgendaJob("2026-02-01T12:00:00Z")).code).toBe(0); // Sunday: the slot is Monday 10:00
    expect(await queued()).toBe(0);
    expect((await runAgendaJob("2026-02-04T12:00:00Z")).code).toBe(0);
    const prompt = await slack.waitFor(() => prompts()[0], 15_000);
    expect(textOf(prompt)).toContain("due by *Thu 5 Feb 2026*");
    expect(textOf(prompt)).toContain(`"value":"${matches.amy}"`);
    expect((await runAgendaJob("2026-02-04T13:00:00Z")).code).toBe(0);
    expect(await queued()).toBe(1);
    expect(prompts()).toHaveLength(1);
    // No one else was prompted: the other matches had not started on that date.
    expect(slack.messagesIn(P.ana.id).filter((m) => textOf(m).includes("agenda_set_open"))).toHaveLength(0);

    const { triggerId } = await press("amy", "agenda_set_open", matches.amy, { channel: prompt.channel, ts: prompt.ts });
    expect(await submit("amy", await shown(triggerId), { agenda: text("Fellowship applications") })).toBe("");
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: matches.amy } })).agenda).toBe("Fellowship applications");
    // An empty agenda clears it, and the mentor is not messaged about nothing.
    const again = await press("amy", "agenda_set_open", matches.amy, { channel: prompt.channel, ts: prompt.ts });
    const modal = await shown(again.triggerId);
    expect(JSON.stringify(modal)).toContain('"initial_value":"Fellowship applications"');
    expect(await submit("amy", modal, { agenda: text("") })).toBe("");
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: matches.amy } })).toMatchObject({ agenda: null, agendaSetAt: null });
    expect(await db.prisma.outboxMessage.count({ where: { key: { startsWith: `agenda-set:${matches.amy}:` } } })).toBe(1);
  });
});
