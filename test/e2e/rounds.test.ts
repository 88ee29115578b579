import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { FakeSlack, type PostedMessage } from "../../src/slack/standin/server.js";
import { testProviders, type TestDatabase } from "../support/databases.js";
import { startApp, type AppProcess } from "../support/appProcess.js";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { slackDriver, textOf, input } from "../support/slackDriver.js";
import { runJob as runCliJob } from "../support/jobRunner.js";
import type { Database } from "../../src/store/database.js";

const TEAM = "T0RND";
const ZONE = "America/New_York";
const P = {
  dir: { id: "U0DIR", name: "Dr. Director" },
  ned: { id: "U0NED", name: "Ned Trainee" },
  ana: { id: "U0ANA", name: "Ana Fellow" },
  ben: { id: "U0BEN", name: "Ben Fellow" },
  cal: { id: "U0CAL", name: "Cal Fellow" },
  dee: { id: "U0DEE", name: "Dee Fellow" },
  maya: { id: "U0MAYA", name: "Dr. Maya" },
  jun: { id: "U0JUN", name: "Dr. Jun" },
};
type Key = keyof typeof P;
const FELLOWS: Key[] = ["ana", "ben", "cal", "dee"];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type View = { callback_id: string; private_metadata?: string; title?: unknown; blocks: { block_id?: string; element?: { options?: { value: string }[] } }[] };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The outbox key a message was sent under (its metadata). */
const keyOf = (m: PostedMessage) => String(m.metadata?.event_payload.key ?? "");

describe.each(testProviders)("pairing rounds: set-up, notices, skip and pause, ranking, firing once on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  let programId = "";
  let cohortId = "";
  const ids = {} as Record<Key, string>;

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider, { OUTBOX_RECLAIM_AFTER_SECONDS: "2" }));
    for (const [key, u] of Object.entries(P)) slack.addUser({ ...u, teamId: TEAM, tz: ZONE, isAdmin: key === "dir" });
    const prisma = db.prisma;
    await prisma.workspace.create({ data: { id: TEAM } });
    programId = (await prisma.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship", timezone: ZONE } })).id;
    cohortId = (await prisma.cohort.create({ data: { workspaceId: TEAM, programId, name: "2026 Fellows" } })).id;
    for (const [key, p] of Object.entries(P) as [Key, (typeof P)[Key]][]) {
      ids[key] = (await prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, tz: ZONE, isAdmin: key === "dir", refreshedAt: new Date() } })).id;
    }
    const enroll = (key: Key, role: "TRAINEE" | "MENTOR" | "DIRECTOR", cohort: string | null = null) => ({ workspaceId: TEAM, programId, memberId: ids[key], role, cohortId: cohort });
    await prisma.enrollment.createMany({
      data: [...FELLOWS.map((k) => enroll(k, "TRAINEE", cohortId)), enroll("ned", "TRAINEE"), enroll("maya", "MENTOR"), enroll("jun", "MENTOR"), enroll("dir", "DIRECTOR")],
    });
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  const drive = slackDriver<Key>({
    app: () => app,
    slack: () => slack,
    user: (k) => ({ id: P[k].id, teamId: TEAM }),
    pressOn: { channel: "C0GENERAL", ts: "1700000000.000100" },
  });
  const { press } = drive;
  const command = (who: Key, text: string) => drive.command(who, "/mentoring-admin", text);
  /** A submission by callback id; `answer` is {} when the modal just closes. */
  async function submit(who: Key, callbackId: string, values: Record<string, unknown>, privateMetadata = "") {
    const { viewId, answer } = await drive.submission<{ response_action?: string; errors?: Record<string, string>; view?: View }>(who, { callback_id: callbackId, private_metadata: privateMetadata }, values);
    return { viewId, answer: answer ?? {} };
  }

  const reply = drive.response;
  const opened = (triggerId: string) => drive.opened<View>(triggerId);
  const dms = (who: Key, contains: string) => drive.postsIn(P[who].id, contains);
  const dmTo = (who: Key, contains: string, timeoutMs = 10_000) => drive.dmTo(who, contains, timeoutMs);

  const { pick, radio, text } = input;

  /** Runs `cli job run rounds --now ISO`, as cron or an operator would. */
  const runJob = (now: Date) => runCliJob({ databaseUrl: database.url, slackApiUrl: slack.apiUrl }, "rounds", now);
  /** Two job processes at once: one may find the lease held (exit 1); neither may fail otherwise. */
  const runJobTwice = async (now: Date) => {
    const results = await Promise.all([runJob(now), runJob(now)]);
    for (const r of results) expect([0, 1], r.out).toContain(r.code);
    expect(results.some((r) => r.code === 0)).toBe(true);
  };

  const seedRound = (data: { name: string; kind: "MENTOR_MATCH" | "STABLE" | "ROTATION" | "SPEED"; nextRunAt: Date; options?: object; cohort?: boolean; program?: string }) =>
    db.prisma.round.create({
      data: {
        workspaceId: TEAM,
        programId: data.program ?? programId,
        cohortId: data.cohort === false ? null : cohortId,
        name: data.name,
        kind: data.kind,
        options: data.options ?? {},
        nextRunAt: data.nextRunAt,
        createdById: P.dir.id,
      },
    });

  it("a director creates a round from the modal: a bad cron is refused inline, a fortnightly picker is stored in the program's zone and audited", async () => {
    const { triggerId } = await command("dir", "round");
    const view = await opened(triggerId);
    expect(view.callback_id).toBe("round_create_submit");
    const targets = view.blocks.find((b) => b.block_id === "round_target")!.element!.options!.map((o) => o.value);
    expect(targets).toEqual([`p:${programId}`, `c:${programId}:${cohortId}`]);

    const base = { round_name: text("Fellows coffee <pairs>"), round_target: pick(`c:${programId}:${cohortId}`), round_kind: pick("ROTATION") };
    const bad = await submit("dir", "round_create_submit", { ...base, round_when: radio("cron"), round_cron: text("0 25 * * 1") });
    expect(bad.answer.response_action).toBe("errors");
    expect(bad.answer.errors!.round_cron).toContain("isn't a cron expression");
    const tooOften = await submit("dir", "round_create_submit", { ...base, round_when: radio("cron"), round_cron: text("*/10 * * * *") });
    expect(tooOften.answer.errors!.round_cron).toContain("at most once a day");
    expect(await db.prisma.round.count()).toBe(0);

    const good = await submit("dir", "round_create_submit", {
      ...base,
      round_when: radio("weekly"),
      round_weekday: pick("1"),
      round_time: { type: "timepicker", selected_time: "09:00" },
      round_every_weeks: pick("2"),
    });
    expect(good.answer.response_action).toBe("update");
    const done = JSON.stringify(good.answer.view);
    expect(done).toContain("Fellows coffee &lt;pairs&gt;");
    expect(done).toContain("every 2 weeks on Monday at 09:00");
    expect(done).toContain("nothing is created and nobody is told until you approve it");
    expect(done).toContain('"action_id":"round_list"'); // the next step is a button
    const round = await db.prisma.round.findFirstOrThrow({ where: { workspaceId: TEAM } });
    expect(round).toMatchObject({ kind: "ROTATION", schedule: "0 9 * * 1", cohortId, status: "ACTIVE", createdById: P.dir.id });
    expect(round.options).toMatchObject({ groupSize: 2, crossGroup: false, everyWeeks: 2 });
    const next = DateTime.fromJSDate(round.nextRunAt!, { zone: ZONE });
    expect(next.toFormat("ccc HH:mm")).toBe("Mon 09:00");
    expect(next.toMillis()).toBeGreaterThan(Date.now());
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "round.create", target: round.id, actor: P.dir.id } })).toBe(1);

    // The list shows it with a Cancel button; cancelling stops it.
    const list = await command("dir", "rounds");
    expect(await reply(list.responseId)).toContain("round_cancel");
    const cancel = await press("dir", "round_cancel", round.id);
    expect(await reply(cancel.responseId)).toContain("is cancelled");
    expect(await db.prisma.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ status: "CANCELLED", nextRunAt: null });
    expect(await db.prisma.auditLog.count({ where: { action: "round.cancel", target: round.id } })).toBe(1);
  });

  it("every New round button opens the round modal, whose number inputs Slack accepts (issue 12: is_decimal_allowed was missing)", async () => {
    const fromMenu = await press("dir", "round_create", programId);
    const fromHome = await press("dir", "round_create_home", programId, "home");
    const fromList = await press("dir", "round_create", undefined);
    for (const { triggerId } of [fromMenu, fromHome, fromList]) {
      // opened() fails with Slack's error if the fake Slack refused the view, as real Slack would.
      const view = await opened(triggerId);
      expect(view.callback_id).toBe("round_create_submit");
      const numbers = view.blocks.map((b) => b.element as { type?: string; is_decimal_allowed?: boolean } | undefined).filter((e) => e?.type === "number_input");
      expect(numbers).toHaveLength(4);
      for (const n of numbers) expect(n!.is_decimal_allowed).toBe(false);
    }
    const target = (await opened(fromMenu.triggerId)).blocks.find((b) => b.block_id === "round_target")!.element as { initial_option?: { value: string } };
    expect(target.initial_option?.value).toBe(`p:${programId}`);
  });

  it("a round set to run now is put together at once: the director's modal says so and the preview reaches their DM, with no notices", async () => {
    const { viewId, answer } = await submit("dir", "round_create_submit", {
      round_name: text("Quick match"),
      round_target: pick(`p:${programId}`),
      round_kind: pick("MENTOR_MATCH"),
      round_when: radio("now"),
    });
    expect(JSON.stringify(answer.view)).toContain("being put together");
    const update = await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === viewId));
    expect(JSON.stringify(update.args.view)).toContain("the preview is on its way");
    expect(textOf(await dmTo("dir", "Quick match"))).toContain("round_preview_approve");
    const round = await db.prisma.round.findFirstOrThrow({ where: { name: "Quick match" } });
    expect(round.nextRunAt).toBeNull();
    expect((await db.prisma.roundRun.findMany({ where: { roundId: round.id } })).map((r) => r.status)).toEqual(["PREVIEW"]);
    expect(dms("ana", "Quick match")).toHaveLength(0);
    // Discarding it keeps the later tests' data clean (part A's discard is tested with the preview).
    await db.prisma.roundRun.updateMany({ where: { roundId: round.id }, data: { status: "DISCARDED" } });
  });

  it("non-directors are refused: the command, the New round button and a forged submission change nothing", async () => {
    const before = await db.prisma.round.count();
    const cmd = await command("ned", "round");
    expect(await reply(cmd.responseId)).toContain("Only program directors");
    const click = await press("ned", "round_create", programId);
    expect(await reply(click.responseId)).toContain("Only program directors");
    expect(slack.callsTo("views.open").some((c) => c.args.trigger_id === cmd.triggerId || c.args.trigger_id === click.triggerId)).toBe(false);
    const forged = await submit("ned", "round_create_submit", { round_name: text("Mine"), round_target: pick(`p:${programId}`), round_kind: pick("ROTATION"), round_when: radio("now") });
    expect(JSON.stringify(forged.answer.view)).toContain("Nothing changed");
    const cancel = await press("ned", "round_cancel", "anything");
    expect(await reply(cancel.responseId)).toContain("Only program directors");
    expect(await db.prisma.round.count()).toBe(before);
  });

  /** Ben's notice, answered with Pause everything in the test below (its Resume is tested after it). */
  let benPaused: { runId: string; channel: string; ts: string } | null = null;

  it("the day-before notice reaches each participant once; Skip this round leaves that person out of this one only, Pause everything pauses them everywhere", async () => {
    const at = new Date(Date.now() + 23 * HOUR);
    const round = await seedRound({ name: "Peer pairs", kind: "ROTATION", nextRunAt: at });
    await runJobTwice(new Date());
    await runJobTwice(new Date(Date.now() + MINUTE));
    for (const who of FELLOWS) await dmTo(who, "You're in the next round");
    await pause(1500); // another outbox poll: nothing more may arrive
    for (const who of FELLOWS) expect(dms(who, "You're in the next round")).toHaveLength(1);
    expect(dms("maya", "You're in the next round")).toHaveLength(0); // peer rotation: trainees only
    expect(dms("ned", "You're in the next round")).toHaveLength(0); // not in the cohort
    const notice = textOf(dms("ana", "You're in the next round")[0]!);
    expect(notice).toContain(`on *${DateTime.fromJSDate(at, { zone: ZONE }).setLocale("en-US").toFormat("ccc d LLL yyyy, HH:mm ZZZZ")}*`);
    expect(notice).toContain("*Skip this round* leaves you out of this one only. *Pause everything* stops all of Rounds for you until you resume.");
    expect(notice).toContain("round_notice_skip");
    expect(notice).toContain("round_notice_pause");
    expect(notice).toContain("Pause everything?"); // it asks first

    const run = await db.prisma.roundRun.findFirstOrThrow({ where: { roundId: round.id } });
    expect(run.status).toBe("NOTICED");
    const anaNotice = dms("ana", "You're in the next round")[0]!;
    const skip = await press("ana", "round_notice_skip", run.id, { channel: anaNotice.channel, ts: anaNotice.ts });
    expect(await reply(skip.responseId)).toContain("You're skipping");
    const benNotice = dms("ben", "You're in the next round")[0]!;
    const paused = await press("ben", "round_notice_pause", run.id, { channel: benNotice.channel, ts: benNotice.ts });
    const pausedNotice = await reply(paused.responseId);
    expect(pausedNotice).toContain("You're paused everywhere in Rounds until you resume: no round pairs you, /findmentor doesn't suggest you, and check-ins and reminders stop (your mentorships carry on).");
    expect(pausedNotice).toContain("round_notice_resume");
    benPaused = { runId: run.id, channel: benNotice.channel, ts: benNotice.ts };
    expect(await db.prisma.roundSkip.count({ where: { runId: run.id, memberId: ids.ana } })).toBe(1);
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id: ids.ben } })).pausedAt).not.toBeNull();

    await runJobTwice(new Date(at.getTime() + MINUTE));
    const fired = await db.prisma.roundRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(fired.status).toBe("PREVIEW");
    // Fired by a run 23 hours ahead of the real clock: the director's preview arrives now.
    await slack.waitFor(() => slack.messagesIn(P.dir.id).find((m) => keyOf(m).startsWith(`round-preview:${run.id}:`)), 10_000);
    const proposal = JSON.stringify(fired.proposal);
    expect(proposal).not.toContain(ids.ana); // skipped: not in the round at all
    for (const who of ["cal", "dee"] as Key[]) expect(proposal).toContain(ids[who]);
    expect((fired.proposal as { unmatched: { memberId: string; reason: string }[] }).unmatched).toContainEqual(expect.objectContaining({ memberId: ids.ben, reason: "paused" }));
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: round.id } })).nextRunAt).toBeNull(); // one-off: nothing more planned

    // Once previewed, skipping is refused politely and changes nothing.
    const late = await press("cal", "round_notice_skip", run.id);
    expect(await reply(late.responseId)).toContain("already been put together");
    expect(await db.prisma.roundSkip.count({ where: { runId: run.id, memberId: ids.cal } })).toBe(0);
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id: ids.ana } })).pausedAt).toBeNull(); // skipping paused nothing
  });

  it("Resume on a paused notice ends the pause everywhere, and says the round, already put together, can't be skipped now", async () => {
    const { runId, channel, ts } = benPaused!;
    const resumed = await press("ben", "round_notice_resume", runId, { channel, ts });
    const back = await reply(resumed.responseId);
    expect(back).toContain("You're back: Rounds pairs and suggests you again.");
    expect(back).toContain("has already been put together, so it can't be skipped now.");
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id: ids.ben } })).pausedAt).toBeNull();
  });

  it("a due round fires once with two job processes racing (and, on PostgreSQL, two app processes delivering): one run, one preview", async () => {
    const second = provider === "postgresql" ? await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url }) : null;
    try {
      const round = await seedRound({ name: "Spring match", kind: "MENTOR_MATCH", nextRunAt: new Date(Date.now() - 2 * MINUTE), cohort: false });
      await runJobTwice(new Date());
      await runJobTwice(new Date());
      const preview = await dmTo("dir", "Spring match");
      expect(textOf(preview)).toContain("round_preview_approve");
      await pause(2000);
      expect(dms("dir", "Spring match")).toHaveLength(1);
      const runs = await db.prisma.roundRun.findMany({ where: { roundId: round.id } });
      expect(runs).toHaveLength(1);
      expect(runs[0]!.status).toBe("PREVIEW");
      expect(await db.prisma.jobRun.count({ where: { key: { startsWith: `round-fire:${runs[0]!.id}` } } })).toBe(1);
      // Started at its run time, nobody had time to skip: no notices were sent.
      expect(dms("maya", "Spring match")).toHaveLength(0);
    } finally {
      await second?.stop();
    }
  });

  it("a stable round collects ranks: trainees rank suggested mentors, mentors rank those who ranked them, and the proposal follows them", async () => {
    const start = new Date(Date.now() - MINUTE);
    const round = await seedRound({ name: "Stable match", kind: "STABLE", nextRunAt: start, options: { rankDays: 2 } });
    await runJobTwice(new Date());
    const run = await db.prisma.roundRun.findFirstOrThrow({ where: { roundId: round.id } });
    expect(run.status).toBe("RANKING");
    const invite = await dmTo("ana", "Rank your mentors");
    for (const who of ["ben", "cal", "dee"] as Key[]) await dmTo(who, "Rank your mentors");

    const { triggerId } = await press("ana", "round_rank_open", run.id, { channel: invite.channel, ts: invite.ts });
    const modal = await opened(triggerId);
    expect(modal.callback_id).toBe("round_rank_submit");
    expect(modal.blocks.find((b) => b.block_id === "rank_0")!.element!.options!.map((o) => o.value).sort()).toEqual([ids.jun, ids.maya].sort());
    const twice = await submit("ana", "round_rank_submit", { rank_0: pick(ids.jun), rank_1: pick(ids.jun) }, modal.private_metadata);
    expect(twice.answer.errors!.rank_1).toContain("already chose");
    const saved = await submit("ana", "round_rank_submit", { rank_0: pick(ids.jun), rank_1: pick(ids.maya) }, modal.private_metadata);
    expect(JSON.stringify(saved.answer.view)).toContain("Your ranking is saved");
    expect((await db.prisma.roundRanking.findFirstOrThrow({ where: { runId: run.id, memberId: ids.ana } })).ranks).toEqual([ids.jun, ids.maya]);

    // Too early for mentors: they rank once the job asks them.
    const early = await press("jun", "round_rank_open", run.id);
    expect(await reply(early.responseId)).toContain("Mentors rank once the trainees have ranked");

    await runJobTwice(new Date(start.getTime() + 24 * HOUR + MINUTE));
    const asked = await db.prisma.outboxMessage.findMany({ where: { key: { startsWith: `round-rank-mentor:${run.id}:` } } });
    expect(asked.map((m) => m.channel).sort()).toEqual([P.jun.id, P.maya.id].sort()); // both were on Ana's list
    // Asked by a run a day ahead of the real clock, they are asked now, not tomorrow.
    for (const who of ["jun", "maya"] as Key[]) await slack.waitFor(() => slack.messagesIn(P[who].id).find((m) => keyOf(m).startsWith(`round-rank-mentor:${run.id}:`)), 10_000);
    const junOpen = await press("jun", "round_rank_open", run.id);
    const junModal = await opened(junOpen.triggerId);
    expect(junModal.blocks.find((b) => b.block_id === "rank_0")!.element!.options!.map((o) => o.value)).toEqual([ids.ana]);
    await submit("jun", "round_rank_submit", { rank_0: pick(ids.ana) }, junModal.private_metadata);
    // Trainees' lists are final once mentors are asked.
    const lateTrainee = await press("ben", "round_rank_open", run.id);
    expect(await reply(lateTrainee.responseId)).toContain("already been put together");

    await runJobTwice(new Date(start.getTime() + 48 * HOUR + MINUTE));
    const fired = await db.prisma.roundRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(fired.status).toBe("PREVIEW");
    await slack.waitFor(() => slack.messagesIn(P.dir.id).find((m) => keyOf(m).startsWith(`round-preview:${run.id}:`)), 10_000);
    expect((fired.proposal as { pairs: { trainee: string; mentor: string }[] }).pairs).toContainEqual(expect.objectContaining({ trainee: ids.ana, mentor: ids.jun }));
  });

  it("speed mentoring run now needs a start time; a schedule about to start when the director approves is moved, and everyone's DM shows the moved times", async () => {
    const base = { round_name: text("Speed night"), round_target: pick(`p:${programId}`), round_kind: pick("SPEED"), round_rotations: { type: "number_input", value: "2" }, round_when: radio("now") };
    const noStart = await submit("dir", "round_create_submit", base);
    expect(noStart.answer).toEqual({
      response_action: "errors",
      errors: { round_speed_start: "Pick when rotation 1 starts. Leave time after the round runs: everyone gets their schedule once you approve the preview." },
    });
    expect(await db.prisma.round.count({ where: { name: "Speed night" } })).toBe(0);

    // The director sets rotation 1 for a minute or two from now, then takes their time over the preview.
    const start = DateTime.now().setZone(ZONE).plus({ minutes: 2 }).startOf("minute");
    const { viewId } = await submit("dir", "round_create_submit", {
      ...base,
      round_speed_day: { type: "datepicker", selected_date: start.toFormat("yyyy-MM-dd") },
      round_speed_start: { type: "timepicker", selected_time: start.toFormat("HH:mm") },
    });
    await slack.waitFor(() => slack.callsTo("views.update").find((c) => c.args.view_id === viewId && JSON.stringify(c.args.view).includes("the preview is on its way")));
    const round = await db.prisma.round.findFirstOrThrow({ where: { name: "Speed night" } });
    expect(round.options).toMatchObject({ rotations: 2, startsAt: start.toUTC().toISO({ suppressMilliseconds: false }) });
    const preview = await dmTo("dir", "Speed night");
    const startWords = start.setLocale("en-US").toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
    expect(textOf(preview)).toContain(`Rotation 1 starts *${startWords}*. Everyone gets their schedule when you approve`);
    expect(textOf(preview)).toContain("and sends everyone their schedule."); // what Approve's confirmation says

    // The payload went through the outbox (PostgreSQL's jsonb reorders keys): find the button by its action id.
    const buttons = (preview.blocks as { elements?: { action_id?: string; value?: string }[] }[]).flatMap((b) => b.elements ?? []);
    const approve = buttons.find((e) => e.action_id === "round_preview_approve")!.value!;
    const approvedAt = Date.now();
    const approved = await reply((await press("dir", "round_preview_approve", approve, { channel: preview.channel, ts: preview.ts })).responseId);
    expect(approved).toContain(`Rotation 1 was set for ${start.toFormat("HH:mm")}, less than 5 minutes after the approval (or already past), so the whole schedule moved`);
    const run = await db.prisma.roundRun.findFirstOrThrow({ where: { roundId: round.id } });
    expect(run.status).toBe("APPROVED");
    const speed = (run.proposal as { speed: { movedFrom: string; rotations: { startsAt: string }[] } }).speed;
    const moved = Date.parse(speed.rotations[0]!.startsAt);
    expect(speed.movedFrom).toBe(start.toUTC().toISO());
    expect(moved).toBeGreaterThanOrEqual(approvedAt + 5 * MINUTE);
    expect(moved % (5 * MINUTE)).toBe(0);
    expect(moved).toBeLessThan(Date.now() + 10 * MINUTE + 1000);

    const schedule = await dmTo("ana", "Your speed-mentoring schedule for Speed night");
    const movedWords = DateTime.fromMillis(moved, { zone: ZONE }).setLocale("en-US").toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
    expect(textOf(schedule)).toContain(`Your first rotation starts *${movedWords}*`);
    expect(textOf(schedule)).not.toContain(`*${start.toFormat("HH:mm")}–`);
    expect(await db.prisma.auditLog.count({ where: { action: "round.approve", target: run.id } })).toBe(1);
  });

  it("kill -9 of the app while notices go out (after 429s), then a restart: every participant gets exactly one notice", async () => {
    const bigProgram = (await db.prisma.program.create({ data: { workspaceId: TEAM, name: "Big Cohort", timezone: ZONE } })).id;
    const people = Array.from({ length: 24 }, (_, i) => ({ id: `U0BIG${String(i).padStart(2, "0")}`, name: `Resident ${i}` }));
    for (const p of people) {
      slack.addUser({ ...p, teamId: TEAM, tz: ZONE });
      const m = await db.prisma.member.create({ data: { workspaceId: TEAM, slackUserId: p.id, name: p.name, tz: ZONE, refreshedAt: new Date() } });
      await db.prisma.enrollment.create({ data: { workspaceId: TEAM, programId: bigProgram, memberId: m.id, role: "TRAINEE" } });
    }
    await seedRound({ name: "Big pairs", kind: "ROTATION", nextRunAt: new Date(Date.now() + 20 * HOUR), cohort: false, program: bigProgram });
    slack.latencyMs = 150;
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1, times: 2 }); // Slack rate-limits the first sends too
    const got = (id: string) => slack.messagesIn(id).filter((m) => textOf(m).includes("Big pairs")).length;
    try {
      await runJob(new Date());
      await slack.waitFor(() => people.filter((p) => got(p.id) > 0).length >= 3, 20_000);
      await app.stop("SIGKILL");
      expect(people.filter((p) => got(p.id) > 0).length).toBeLessThan(people.length);
      app = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env: { OUTBOX_RECLAIM_AFTER_SECONDS: "2" } });
      await slack.waitFor(() => people.every((p) => got(p.id) > 0), 30_000);
      await pause(2500);
      expect(people.map((p) => got(p.id))).toEqual(people.map(() => 1));
    } finally {
      slack.latencyMs = 0;
    }
  });
});
