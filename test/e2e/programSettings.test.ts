import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import type { AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { input, slackDriver } from "../support/slackDriver.js";
import { runCli, runJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";

/**
 * A program director switches on trainee check-ins and sets the program's breaks — in the program
 * form in Slack, and from the command line — and the check-in job then asks the trainee too and
 * skips a period that ends in a break.
 */

const TEAM = "T0PSET";
const ZONE = "America/Chicago";
const DAY = 86_400_000;
const P = {
  dir: { id: "U0DIR", name: "Dr. Director", tz: ZONE },
  ana: { id: "U0ANA", name: "Ana Fellow", tz: ZONE },
  maya: { id: "U0MAYA", name: "Dr. Maya", tz: ZONE },
  ben: { id: "U0BEN", name: "Ben Fellow", tz: ZONE },
  jun: { id: "U0JUN", name: "Dr. Jun", tz: ZONE },
};
type Key = keyof typeof P;
type View = { callback_id?: string; private_metadata?: string; title?: { text: string }; blocks: { block_id?: string; type: string; element?: Record<string, unknown>; elements?: { action_id: string; value?: string }[] }[] };

describe.each(testProviders)("program check-in settings on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  const NOW = new Date();
  // Ana and Maya's first month ended about two weeks ago; Ben and Jun's about ten days ago, inside a break.
  const anaStart = new Date(NOW.getTime() - 45 * DAY);
  const benStart = new Date(NOW.getTime() - 40 * DAY);
  const benPeriodEnd = DateTime.fromJSDate(benStart, { zone: "UTC" }).plus({ months: 1 });
  const breakFrom = benPeriodEnd.minus({ days: 2 }).toISODate()!;
  const breakTo = benPeriodEnd.plus({ days: 2 }).toISODate()!;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const [key, u] of Object.entries(P)) slack.addUser({ ...u, teamId: TEAM, isAdmin: key === "dir" });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({ app: () => app, slack: () => slack, user: (k) => ({ id: P[k].id, teamId: TEAM }) });
  const submit = async (view: { callback_id: string; private_metadata?: string }, values: Record<string, unknown>) =>
    (await drive.submission<{ response_action: string; errors?: Record<string, string>; view?: View }>("dir", view, values)).answer!;
  const programForm = (o: { name?: string; recipients: "mentor" | "both"; breaks: string; zone?: string }) => ({
    program_name: input.text(o.name ?? "Heme Fellowship"),
    program_description: input.text(""),
    program_timezone: input.pick(o.zone ?? ZONE),
    program_cadence: input.pick("MONTHLY"),
    program_checkin_recipients: input.radio(o.recipients),
    program_breaks: input.text(o.breaks),
    program_channel: { type: "conversations_select", selected_conversation: null },
    program_capacity: { type: "number_input", value: "3" },
  });
  const cli = (...args: string[]) => runCli(["program", "settings", "--team", TEAM, "--program", "Heme Fellowship", ...args], { DATABASE_URL: database.url });
  /** A CLI run that must be refused with this exit code and these words, changing nothing. */
  const refused = async (code: number, words: string, ...args: string[]) => {
    const r = await cli(...args);
    expect(r.code, r.all).toBe(code);
    expect(r.err).toContain(words);
  };
  const checkinsDue = (now: Date) => runJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "checkins", now);
  const asked = (who: Key, other: string) => drive.countIn(P[who].id, `Did you and ${other} meet since`);
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const audits = () => db.prisma.auditLog.findMany({ where: { workspaceId: TEAM, action: { startsWith: "program." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

  it("the New program form offers the director's own time zone, who gets check-ins and breaks; a bad break is refused on its line and nothing is saved", async () => {
    const { triggerId } = await drive.command("dir", "/mentoring-admin", "program");
    const form = await drive.opened<View>(triggerId);
    const block = (id: string) => form.blocks.find((b) => b.block_id === id)!;
    expect(block("program_timezone").element).toMatchObject({ type: "static_select", initial_option: { value: ZONE } });
    expect(block("program_checkin_recipients").element).toMatchObject({ type: "radio_buttons", initial_option: { value: "mentor" } });
    expect(block("program_breaks").element).toMatchObject({ type: "plain_text_input", multiline: true });

    const bad = await submit(form as { callback_id: string }, programForm({ recipients: "both", breaks: `${breakFrom} to ${breakTo}\nspring break` }));
    expect(bad).toEqual({ response_action: "errors", errors: { program_breaks: `Line 2: "spring break" isn't a day or a range of days. Write 2026-12-24, or 2026-12-24 to 2027-01-02.` } });
    expect(await db.prisma.program.count()).toBe(0);
  });

  it("the director asks the trainee too and sets a break: both are stored and audited, and the confirmation says so, with the next steps as buttons", async () => {
    const done = await submit({ callback_id: "admin_program" }, programForm({ recipients: "both", breaks: `${breakTo}\n\n${breakFrom} to ${breakTo}` }));
    expect(done.response_action).toBe("update");
    const program = await db.prisma.program.findFirstOrThrow({ where: { workspaceId: TEAM } });
    programId = program.id;
    expect(program).toMatchObject({ timezone: ZONE, checkinAlsoTrainee: true, breaks: [{ from: breakFrom, to: breakTo }, breakTo] });
    const audit = (await audits()).find((a) => a.action === "program.create")!;
    expect(audit.actor).toBe(P.dir.id);
    expect(audit.details).toMatchObject({ checkinAlsoTrainee: true, breaks: [{ from: breakFrom, to: breakTo }, breakTo] });
    const text = JSON.stringify(done.view);
    const day = (iso: string) => DateTime.fromISO(iso, { zone: "UTC" }).setLocale("en-US").toFormat("ccc d LLL yyyy");
    expect(text).toContain("Check-ins every month, asking the mentor and the trainee");
    expect(text).toContain(`breaks: ${day(breakFrom)} – ${day(breakTo)}; ${day(breakTo)}`);
    const buttons = done.view!.blocks.flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      ["admin_new_cohort", programId],
      ["admin_add_people", programId],
    ]);

    // "New cohort" on that confirmation turns the modal into the cohort form.
    await drive.press("dir", "admin_new_cohort", programId, { view: { id: "VDONE", type: "modal", callback_id: "", private_metadata: "" } });
    const next = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === "VDONE"));
    expect((next.args.view as View).callback_id).toBe("admin_cohort");
  });

  it("the check-in job asks the trainee as well as the mentor, and skips the pair whose period ended in the break", async () => {
    const member = async (key: Key) => (await db.prisma.member.create({ data: { workspaceId: TEAM, slackUserId: P[key].id, name: P[key].name, tz: ZONE, refreshedAt: NOW } })).id;
    const ids = { ana: await member("ana"), maya: await member("maya"), ben: await member("ben"), jun: await member("jun") };
    const match = (trainee: string, mentor: string, startedAt: Date) => db.prisma.match.create({ data: { workspaceId: TEAM, programId, traineeId: trainee, mentorId: mentor, role: "mentor", startedAt } });
    await match(ids.ana, ids.maya, anaStart);
    await match(ids.ben, ids.jun, benStart);

    const run = await checkinsDue(NOW);
    expect(run.code, run.out).toBe(0);
    await drive.dmTo("maya", "Did you and Ana Fellow meet since", 10_000);
    await drive.dmTo("ana", "Did you and Dr. Maya meet since", 10_000);
    await pause(1500);
    expect(asked("jun", "Ben Fellow")).toBe(0);
    expect(asked("ben", "Dr. Jun")).toBe(0);
  });

  it("from the command line: the settings are shown, and a break the program lacks or a date not in the calendar is refused with nothing changed", async () => {
    const shown = await cli();
    expect(shown.code, shown.all).toBe(0);
    expect(shown.out).toContain("check-ins:  every month, asking the mentor and the trainee");
    expect(shown.out).toContain(`(${breakFrom}..${breakTo})`);

    await refused(1, "Nothing was changed: Heme Fellowship has no break 2020-01-01.", "--remove-break", "2020-01-01");
    await refused(2, "--add-break 2026-02-30: 2026-02-30 isn't a date in the calendar.", "--add-break", "2026-02-30");
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "program.update" } })).toBe(0);
  });

  it("from the command line: a break is removed and trainee check-ins switched off (audited as the CLI), and the job then asks the pair it had skipped", async () => {
    const changed = await cli("--remove-break", `${breakFrom}..${breakTo}`, "--remove-break", breakTo, "--add-break", "2027-12-24..2028-01-02", "--trainee-checkins", "no");
    expect(changed.code, changed.all).toBe(0);
    expect(changed.out).toContain("Saved.");
    expect(changed.out).toContain("asking the mentor only");
    expect(changed.out).toContain("Fri 24 Dec 2027 – Sun 2 Jan 2028  (2027-12-24..2028-01-02)");
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: programId } });
    expect(program).toMatchObject({ checkinAlsoTrainee: false, breaks: [{ from: "2027-12-24", to: "2028-01-02" }] });
    const audit = (await audits()).find((a) => a.action === "program.update")!;
    expect(audit.actor).toBe("cli");
    expect(audit.details).toEqual({
      before: { checkinAlsoTrainee: true, breaks: [{ from: breakFrom, to: breakTo }, breakTo] },
      after: { checkinAlsoTrainee: false, breaks: [{ from: "2027-12-24", to: "2028-01-02" }] },
    });
    const again = await cli("--trainee-checkins", "no");
    expect(again.out).toContain("Nothing changed");
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "program.update" } })).toBe(1);

    const run = await checkinsDue(new Date());
    expect(run.code, run.out).toBe(0);
    await drive.dmTo("jun", "Did you and Ben Fellow meet since", 10_000);
    await pause(1500);
    expect(asked("ben", "Dr. Jun")).toBe(0); // the mentor only, now
    expect(asked("maya", "Ana Fellow")).toBe(1); // asked once, however often the job runs
  });

  it("a word the program adds from the command line is offered in its trainee's profile form; a built-in word or a missing one is refused and nothing changes", async () => {
    const ana = await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: P.ana.id } });
    await db.prisma.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: ana.id, role: "TRAINEE" } });
    const before = await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "program.update" } });

    await refused(1, "Nothing was changed: interests=Thrombosis is already a word there.", "--add-word", "interests=Thrombosis");
    await refused(1, "Nothing was changed: Heme Fellowship has no word of its own interests=Gene therapy.", "--remove-word", "interests=Gene therapy");
    await refused(2, "--add-word hobbies=Sailing: write KIND=Label, with KIND one of specialties, subspecialties, careerPaths, interests", "--add-word", "hobbies=Sailing");
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "program.update" } })).toBe(before);

    const added = await cli("--add-word", "interests=CAR-T  therapy", "--add-word", "careerPaths=Global health");
    expect(added.code, added.all).toBe(0);
    expect(added.out).toContain("own words:  careerPaths=Global health\n              interests=CAR-T therapy");
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).vocabulary).toEqual({
      careerPaths: [{ key: "global_health", label: "Global health" }],
      interests: [{ key: "car_t_therapy", label: "CAR-T therapy" }],
    });
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "program.update", actor: "cli" } })).toBe(before + 1);

    // What Ana sees: her profile form offers the program's word beside the built-in ones.
    const { triggerId } = await drive.command("ana", "/mentoring", "profile");
    const form = JSON.stringify(await drive.opened(triggerId));
    expect(form).toContain('{"type":"plain_text","text":"CAR-T therapy"},"value":"car_t_therapy"');
    expect(form).toContain('"value":"thrombosis"');
  });

  it("Edit program shows the settings as stored, and saving the director's change is audited with before and after", async () => {
    const { triggerId } = await drive.press("dir", "admin_edit_program", programId, { ephemeral: { channel: "C0GENERAL", ts: "1.1" } });
    const form = await drive.opened<View>(triggerId);
    const block = (id: string) => form.blocks.find((b) => b.block_id === id)!;
    expect(block("program_checkin_recipients").element).toMatchObject({ initial_option: { value: "mentor" } });
    expect(block("program_breaks").element).toMatchObject({ initial_value: "2027-12-24 to 2028-01-02" });
    expect(block("program_timezone").element).toMatchObject({ initial_option: { value: ZONE } });

    const saved = await submit(form as { callback_id: string; private_metadata: string }, programForm({ recipients: "both", breaks: "2027-12-24 to 2028-01-02\n2028-03-13 to 2028-03-17", zone: "Europe/London" }));
    expect(JSON.stringify(saved.view)).toContain("is saved.");
    expect(await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).toMatchObject({
      timezone: "Europe/London",
      checkinAlsoTrainee: true,
      breaks: [{ from: "2027-12-24", to: "2028-01-02" }, { from: "2028-03-13", to: "2028-03-17" }],
    });
    const audit = (await audits()).filter((a) => a.action === "program.update").at(-1)!;
    expect(audit.actor).toBe(P.dir.id);
    expect(audit.details).toMatchObject({
      before: { checkinAlsoTrainee: false, timezone: ZONE, breaks: [{ from: "2027-12-24", to: "2028-01-02" }] },
      after: { checkinAlsoTrainee: true, timezone: "Europe/London", breaks: [{ from: "2027-12-24", to: "2028-01-02" }, { from: "2028-03-13", to: "2028-03-17" }] },
    });
  });
});
