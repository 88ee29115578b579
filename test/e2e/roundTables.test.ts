import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf, input } from "../support/slackDriver.js";
import { runCli, runJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";

const TEAM = "T0RTBL";
const ZONE = "America/Chicago";
const person = (id: string, name: string) => ({ id, teamId: TEAM, name, tz: ZONE });
const P = {
  dir: person("U0DIR", "Dr. Director"),
  maya: person("U0MAYA", "Dr. Maya"),
  jun: person("U0JUN", "Dr. Jun"),
  rae: person("U0RAE", "Dr. Rae"),
  ana: person("U0ANA", "Ana Fellow"),
  ben: person("U0BEN", "Ben Fellow"),
  cal: person("U0CAL", "Cal Fellow"),
  dee: person("U0DEE", "Dee Fellow"),
  eve: person("U0EVE", "Eve Fellow"),
};
type Key = keyof typeof P;
const TRAINEES: Key[] = ["ana", "ben", "cal", "dee", "eve"];
type View = { callback_id: string; private_metadata?: string; blocks: Record<string, unknown>[] };
type Ack = { response_action?: string; errors?: Record<string, string>; view?: View };
type Block = { block_id?: string; type?: string; accessory?: { action_id?: string; value?: string }; elements?: { action_id?: string; value?: string }[]; element?: { initial_option?: { value?: string } } };

describe.each(testProviders)("career round tables on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  let sessionId = "";
  const ids = {} as Record<Key, string>;
  // tomorrow at 14:00 in the program's zone, choices closing the same day at 09:00
  const day = DateTime.now().setZone(ZONE).plus({ days: 2 }).toISODate()!;
  const startsAt = DateTime.fromISO(`${day}T14:00`, { zone: ZONE });

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser(u);
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", timezone: ZONE } })).id;
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, email: `${key}@example.org`, tz: ZONE, refreshedAt: new Date() } })).id;
    }
    await prisma.enrollment.createMany({
      data: [
        { workspaceId: TEAM, programId, memberId: ids.dir, role: "DIRECTOR" },
        ...(["maya", "jun", "rae"] as Key[]).map((k) => ({ workspaceId: TEAM, programId, memberId: ids[k], role: "MENTOR" as const })),
        ...TRAINEES.map((k) => ({ workspaceId: TEAM, programId, memberId: ids[k], role: "TRAINEE" as const })),
      ],
    });
    const mentor = (key: Key, careerPaths: string[]) => prisma.profile.create({ data: { ...EMPTY_PROFILE, workspaceId: TEAM, memberId: ids[key], careerStage: "senior_faculty", careerPaths, rolesOffered: ["mentor"] } });
    await mentor("maya", ["medical_education", "academic_research"]);
    await mentor("jun", ["industry"]);
    await mentor("rae", ["clinical_practice"]);
    // The seeding can outlast the app's 5 s keep-alive on this test process's pooled connection
    // (from the health check): one throwaway request, retried, so the first real one gets a live socket.
    for (let i = 0; i < 3; i++) if (await fetch(`${app.url}/healthz`).then((r) => r.ok, () => false)) break;
  });

  afterAll(async () => {
    if (process.env.RT_DEBUG) console.log(app.output());
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => P[k] });
  const { command, press, dmTo, response } = drive;
  const opened = (triggerId: string) => drive.opened<View>(triggerId);
  const submit = async (who: Key, view: View, values: Record<string, unknown>) => (await drive.submission<Ack>(who, view, values)).answer;
  const { pick } = input;
  const date = (value: string) => ({ type: "datepicker", selected_date: value });
  const time = (value: string) => ({ type: "timepicker", selected_time: value });
  const number = (value: string) => ({ type: "number_input", value });
  const users = (...keys: Key[]) => ({ type: "multi_users_select", selected_users: keys.map((k) => P[k].id) });
  const dmsTo = (who: Key, contains: string) => slack.messagesIn(P[who].id).filter((m) => textOf(m).includes(contains));
  const buttonIn = (m: { blocks?: unknown }, actionId: string) =>
    ((m.blocks ?? []) as Block[]).flatMap((b) => [b.accessory, ...(b.elements ?? [])]).filter((e) => e?.action_id === actionId) as { action_id: string; value: string }[];

  const setupValues = (hosts: Record<string, unknown>) => ({
    rt_program: pick(programId),
    rt_date: date(day),
    rt_time: time("14:00"),
    rt_rotations: number("3"),
    rt_minutes: number("20"),
    rt_table_size: number("2"),
    rt_deadline_date: date(day),
    rt_deadline_time: time("09:00"),
    ...hosts,
  });

  it("a director sets up a session in the modal: a host without that career path is refused inline; then every trainee is invited by DM and each host told", async () => {
    const { triggerId } = await command("dir", "/mentoring-admin", "roundtables");
    const view = await opened(triggerId);
    expect(view.callback_id).toBe("roundtable_setup_submit");
    const blockIds = view.blocks.map((b) => b.block_id);
    expect(blockIds).toEqual(expect.arrayContaining(["rt_host_medical_education", "rt_host_industry", "rt_host_clinical_practice", "rt_host_government", "rt_host_phd_research"]));

    const refused = await submit("dir", view, setupValues({ rt_host_medical_education: users("jun"), rt_host_industry: users("jun") }));
    expect(refused?.response_action).toBe("errors");
    expect(refused?.errors?.rt_host_medical_education).toBe("Dr. Jun does not list Medical education as a career path on their profile.");
    const tooMany = await submit("dir", view, { ...setupValues({ rt_host_industry: users("jun") }), rt_rotations: number("3") });
    expect(tooMany?.errors?.rt_rotations).toContain("With 1 table there can be at most 1 rotation");
    expect(await db.prisma.roundTableSession.count()).toBe(0);

    const done = await submit("dir", view, setupValues({ rt_host_medical_education: users("maya"), rt_host_industry: users("jun"), rt_host_clinical_practice: users("rae") }));
    expect(done?.response_action).toBe("update");
    expect(JSON.stringify(done?.view)).toContain("5 trainees are invited by DM to choose");
    const session = await db.prisma.roundTableSession.findFirstOrThrow({ where: { workspaceId: TEAM }, include: { hosts: true } });
    sessionId = session.id;
    expect(session.startsAt.toISOString()).toBe(startsAt.toUTC().toISO({ suppressMilliseconds: true })!.replace("Z", ".000Z"));
    expect(session.hosts.map((h) => h.careerPath).sort()).toEqual(["clinical_practice", "industry", "medical_education"]);

    for (const t of TRAINEES) {
      const invite = await dmTo(t, "choose 2 or 3 career paths");
      expect(textOf(invite)).toContain("Medical education · Industry");
      expect(buttonIn(invite, "roundtable_choose")[0]?.value).toBe(sessionId);
    }
    expect(textOf(await dmTo("maya", "Thank you for hosting"))).toContain("*Medical education* table");
    await dmTo("jun", "Thank you for hosting");
  });

  it("a trainee chooses 2–3 paths in a modal from the DM: too few or the same path twice are answered inline; choices can be changed until the deadline, also from their Home", async () => {
    const invite = dmsTo("ana", "choose 2 or 3 career paths")[0]!;
    const { triggerId } = await press("ana", "roundtable_choose", sessionId, { channel: invite.channel, ts: invite.ts });
    const view = await opened(triggerId);
    expect(view.callback_id).toBe("roundtable_choose_submit");
    const options = JSON.stringify(view.blocks);
    expect(options).toContain("Clinical practice");
    expect(options).not.toContain("Government"); // no one hosts it

    const tooFew = await submit("ana", view, { rt_choice_first: pick("industry"), rt_choice_second: { type: "static_select", selected_option: null }, rt_choice_third: { type: "static_select", selected_option: null } });
    expect(tooFew?.errors).toEqual({ rt_choice_second: "Choose a second career path: everyone chooses 2 or 3." });
    const twice = await submit("ana", view, { rt_choice_first: pick("industry"), rt_choice_second: pick("industry"), rt_choice_third: { type: "static_select", selected_option: null } });
    expect(twice?.errors).toEqual({ rt_choice_second: "You chose this career path already; choose a different one." });
    const unhosted = await submit("ana", view, { rt_choice_first: pick("government"), rt_choice_second: pick("industry"), rt_choice_third: { type: "static_select", selected_option: null } });
    expect(unhosted?.errors?.rt_choice_first).toContain("No table is hosted for that career path");

    const saved = await submit("ana", view, { rt_choice_first: pick("industry"), rt_choice_second: pick("clinical_practice"), rt_choice_third: { type: "static_select", selected_option: null } });
    expect(JSON.stringify(saved?.view)).toContain("You chose Industry, Clinical practice");

    // Ana changes her mind from her Home: the modal shows what she chose
    const home = await drive.openHome<{ blocks: Block[] }>("ana");
    expect(JSON.stringify(home.blocks)).toContain("You chose Industry, Clinical practice.");
    const change = home.blocks.flatMap((b) => (b.accessory?.action_id === "roundtable_choose" ? [b.accessory] : []))[0]!;
    const again = await opened((await press("ana", "roundtable_choose", change.value, "home")).triggerId);
    expect((again.blocks as Block[]).find((b) => b.block_id === "rt_choice_first")?.element?.initial_option?.value).toBe("industry");
    await submit("ana", again, { rt_choice_first: pick("medical_education"), rt_choice_second: pick("industry"), rt_choice_third: pick("clinical_practice") });

    // the others: everyone wants industry first
    for (const t of ["ben", "cal", "dee", "eve"] as Key[]) {
      const { triggerId: tid } = await press(t, "roundtable_choose", sessionId, "home");
      const v = await opened(tid);
      const ok = await submit(t, v, { rt_choice_first: pick("industry"), rt_choice_second: pick("medical_education"), rt_choice_third: { type: "static_select", selected_option: null } });
      expect(ok?.response_action).toBe("update");
    }
    const choices = await db.prisma.roundTableChoice.findMany({ where: { sessionId } });
    expect(choices).toHaveLength(5);
    expect(choices.find((c) => c.memberId === ids.ana)?.paths).toEqual(["medical_education", "industry", "clinical_practice"]);
  });

  it("Seat now seats everyone for each rotation (never the same table twice, never over the table size); each trainee gets their schedule and each host their list, once", async () => {
    const { responseId: listed } = await command("dir", "/mentoring-admin", "roundtables list");
    expect(await response(listed)).toContain("5 trainees chose");
    const { responseId } = await press("dir", "roundtable_seat_now", sessionId, { channel: "D0DIR", ts: "1.000" });
    expect(await response(responseId)).toContain("Seated 5 trainees");

    const seats = await db.prisma.roundTableSeat.findMany({ where: { sessionId } });
    expect(seats).toHaveLength(15); // 5 trainees × 3 rotations: 3 tables of 2 hold 6 a rotation
    for (const t of TRAINEES) {
      const mine = seats.filter((s) => s.memberId === ids[t]);
      expect(new Set(mine.map((s) => s.hostId)).size).toBe(3);
      expect(new Set(mine.map((s) => s.rotation)).size).toBe(3);
    }
    for (let r = 0; r < 3; r++) {
      const perTable = new Map<string, number>();
      for (const s of seats.filter((x) => x.rotation === r)) perTable.set(s.hostId, (perTable.get(s.hostId) ?? 0) + 1);
      for (const n of perTable.values()) expect(n).toBeLessThanOrEqual(2);
    }

    for (const t of TRAINEES) {
      const schedule = textOf(await dmTo(t, "Your tables at"));
      for (const r of [1, 2, 3]) expect(schedule).toContain(`Rotation ${r}`);
      expect(schedule).toContain("14:00–14:20");
    }
    const junList = textOf(await dmTo("jun", "Your *Industry* table"));
    expect(junList).toContain("5 trainees in all");
    // seating again (job or button) sends nothing more
    const again = await press("dir", "roundtable_seat_now", sessionId, { channel: "D0DIR", ts: "1.000" });
    expect(await response(again.responseId)).toContain("already seated");
    await new Promise((r) => setTimeout(r, 1000));
    for (const t of TRAINEES) expect(dmsTo(t, "Your tables at")).toHaveLength(1);

    // choices are closed now
    const late = await press("ben", "roundtable_choose", sessionId, "home");
    const lateView = await opened(late.triggerId);
    expect(JSON.stringify(lateView)).toContain("Choices for that round-table session are closed");
  });

  it("after the session, each trainee is asked whether to request one of their hosts; a Request button opens the usual request and the host receives it", async () => {
    const target = { databaseUrl: database.url, slackApiUrl: slack.apiUrl };
    const after = startsAt.plus({ minutes: 61 }).toJSDate();
    const before = await runJob(target, "round-tables", startsAt.plus({ minutes: 30 }).toJSDate());
    expect(before.code).toBe(0);
    expect(await db.prisma.roundTableSession.findFirstOrThrow({ where: { id: sessionId }, select: { followedUpAt: true } })).toEqual({ followedUpAt: null });
    const first = await runJob(target, "round-tables", after);
    expect(first.code, first.out).toBe(0);
    expect((await runJob(target, "round-tables", after)).code).toBe(0);

    const followUp = await dmTo("ana", "request one of your hosts as a mentor");
    const requests = buttonIn(followUp, "findmentor_request");
    expect(requests).toHaveLength(3);
    const maya = requests.find((b) => JSON.parse(b.value).mentorId === ids.maya)!;
    expect(JSON.parse(maya.value)).toEqual({ mentorId: ids.maya, programId });
    await new Promise((r) => setTimeout(r, 1000));
    for (const t of TRAINEES) expect(dmsTo(t, "request one of your hosts as a mentor")).toHaveLength(1);

    const { triggerId } = await press("ana", "findmentor_request", maya.value, { channel: followUp.channel, ts: followUp.ts });
    const form = await opened(triggerId);
    expect(form.callback_id).toBe("request_submit");
    expect(await drive.submit("ana", form, { role: pick("mentor"), message: input.text("I loved your table on teaching") })).toBe("");
    expect(textOf(await dmTo("maya", "asks you to be their"))).toContain("I loved your table on teaching");
    expect(await db.prisma.mentorRequest.count({ where: { traineeId: ids.ana, mentorId: ids.maya, status: "PENDING" } })).toBe(1);
  }, 120_000);

  it("the CLI sets up a session and the job seats it once its choices close", async () => {
    const env = { DATABASE_URL: database.url, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: slack.apiUrl };
    const later = DateTime.now().setZone(ZONE).plus({ days: 5 }).toISODate()!;
    const bad = await runCli(["roundtables", "create", "--program", "Heme Fellowship", "--start", `${later} 10:00`, "--deadline", `${later} 08:00`, "--host", "government=maya@example.org"], env);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("Dr. Maya does not list Government as a career path on their profile.");
    const made = await runCli(
      ["roundtables", "create", "--program", "Heme Fellowship", "--start", `${later} 10:00`, "--deadline", `${later} 08:00`, "--rotations", "2", "--table-size", "3", "--host", "medical_education=maya@example.org", "--host", "industry=U0JUN"],
      env,
    );
    expect(made.code, made.all).toBe(0);
    expect(made.out).toContain("5 trainees invited to choose");
    const cliSession = await db.prisma.roundTableSession.findFirstOrThrow({ where: { workspaceId: TEAM, id: { not: sessionId } } });
    expect(cliSession.tableSize).toBe(3);
    await db.prisma.roundTableChoice.createMany({ data: TRAINEES.map((t) => ({ workspaceId: TEAM, sessionId: cliSession.id, memberId: ids[t], paths: ["industry", "medical_education"] })) });
    const target = { databaseUrl: database.url, slackApiUrl: slack.apiUrl };
    const deadline = DateTime.fromISO(`${later}T08:01`, { zone: ZONE }).toJSDate();
    expect((await runJob(target, "round-tables", deadline)).code).toBe(0);
    expect((await runJob(target, "round-tables", deadline)).code).toBe(0);
    expect(await db.prisma.roundTableSeat.count({ where: { sessionId: cliSession.id } })).toBe(10);
    const list = await runCli(["roundtables", "list"], env);
    expect(list.out).toContain(`${cliSession.id}  Heme Fellowship`);
    const when = DateTime.fromISO(later, { zone: ZONE }).setLocale("en-US").toFormat("ccc d LLL yyyy");
    await slack.waitFor(() => dmsTo("eve", "Your tables at").find((m) => textOf(m).includes(when)));
    await new Promise((r) => setTimeout(r, 1000));
    expect(dmsTo("eve", "Your tables at").filter((m) => textOf(m).includes(when))).toHaveLength(1);
  }, 120_000);
});
