import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorld, stopWorld } from "../support/e2eWorld.js";
import { FakeSlack, type PostedMessage } from "../../src/slack/standin/server.js";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases.js";
import { projectRoot, startApp, TEST_SIGNING_SECRET, type AppProcess } from "../support/appProcess.js";
import { interactionBody, newTriggerId, postToApp } from "../../src/slack/standin/requests.js";
import { connect, type Database } from "../../src/store/database.js";

const TEAM = "T0CHK";
const DAY = 86_400_000;
const P = {
  ana: { id: "U0ANA", name: "Ana Fellow" },
  maya: { id: "U0MAYA", name: "Dr. Maya" },
  dee: { id: "U0DEE", name: "Dee Resident" },
  jun: { id: "U0JUN", name: "Dr. Jun" },
  eve: { id: "U0EVE", name: "Eve Student" },
  rae: { id: "U0RAE", name: "Dr. Rae" },
  kai: { id: "U0KAI", name: "Kai Fellow" },
  lee: { id: "U0LEE", name: "Dr. Lee" },
  dir: { id: "U0DIR", name: "Dr. Director" },
  stranger: { id: "U0STRANGER", name: "Someone Else" },
};
type Key = keyof typeof P;

const textOf = (m: PostedMessage | undefined) => `${m?.text ?? ""} ${JSON.stringify(m?.blocks ?? [])}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `node dist/src/cli/main.js job run checkins --now ISO`, as an operator (or a test's fake clock) runs it. */
function runJob(databaseUrl: string, slackApiUrl: string, now: Date): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["dist/src/cli/main.js", "job", "run", "checkins", "--now", now.toISOString()], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: databaseUrl, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: slackApiUrl, LOG_LEVEL: "info" },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe.each(testProviders)("check-ins in Slack on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let db: Database;
  const ids = {} as Record<string, string>;
  let seq = 0;
  /** The job's clock: the real time (the app's outbox uses it too), periods set up around it. */
  const NOW = new Date();

  beforeAll(async () => {
    ({ slack, database, app, db } = await startWorld(provider));
    for (const u of Object.values(P)) slack.addUser({ ...u, teamId: TEAM, tz: "UTC" });
    const p = db.prisma;
    await p.workspace.create({ data: { id: TEAM } });
    const programId = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } })).id;
    for (const [key, u] of Object.entries(P)) ids[key] = (await p.member.create({ data: { workspaceId: TEAM, slackUserId: u.id, name: u.name, tz: "UTC", refreshedAt: NOW } })).id;
    await p.enrollment.create({ data: { workspaceId: TEAM, programId, memberId: ids.dir!, role: "DIRECTOR" } });
    const match = (trainee: Key, mentor: Key, daysAgo: number, cadence: "MONTHLY" | "WEEKLY" = "MONTHLY") =>
      p.match.create({ data: { workspaceId: TEAM, programId, traineeId: ids[trainee]!, mentorId: ids[mentor]!, role: "mentor", cadence, startedAt: new Date(NOW.getTime() - daysAgo * DAY) } });
    // Maya and Ana: one month ended about two weeks ago, so Maya's first check-in is due.
    ids.fresh = (await match("ana", "maya", 45)).id;
    ids.quiet = (await match("kai", "lee", 45)).id;
    // Jun and Dee: weekly; the two weeks before last were answered "Not yet", so the directors hear of it.
    const stuck = await match("dee", "jun", 24, "WEEKLY");
    ids.stuck = stuck.id;
    for (const week of [0, 1]) {
      const start = new Date(stuck.startedAt.getTime() + week * 7 * DAY);
      await p.checkin.create({
        data: { workspaceId: TEAM, matchId: stuck.id, periodKey: start.toISOString().slice(0, 10), recipient: "mentor", sentAt: new Date(start.getTime() + 7 * DAY), answer: "NOT_YET", answeredAt: new Date(start.getTime() + 8 * DAY) },
      });
    }
    // Rae and Eve: weekly; Rae left the last three check-ins unanswered.
    const silent = await match("eve", "rae", 35, "WEEKLY");
    ids.silent = silent.id;
    for (const week of [0, 1, 2]) {
      const start = new Date(silent.startedAt.getTime() + week * 7 * DAY);
      await p.checkin.create({ data: { workspaceId: TEAM, matchId: silent.id, periodKey: start.toISOString().slice(0, 10), recipient: "mentor", sentAt: new Date(start.getTime() + 7 * DAY) } });
    }
  });

  afterAll(async () => {
    await stopWorld({ db, app, slack, database });
  });

  /** A click on a button of a message, the way Slack sends it (with the message's blocks). */
  const press = async (who: Key, actionId: string, value: string, on: PostedMessage) => {
    seq += 1;
    const user = P[who];
    const responseId = `resp-${seq}`;
    const triggerId = newTriggerId(`press.${user.id}`);
    const payload = {
      type: "block_actions",
      team: { id: TEAM, domain: "fake" },
      user: { id: user.id, username: user.id.toLowerCase(), name: user.id.toLowerCase(), team_id: TEAM },
      api_app_id: "A0ROUNDS",
      token: "deprecated-verification-token",
      trigger_id: triggerId,
      container: { type: "message", channel_id: on.channel, message_ts: on.ts },
      channel: { id: on.channel },
      message: { ts: on.ts, type: "message", text: on.text, blocks: on.blocks },
      response_url: slack.responseUrl(responseId),
      actions: [{ type: "button", action_id: actionId, block_id: "b", value, text: { type: "plain_text", text: "x" }, action_ts: `${Date.now() / 1000}` }],
    };
    const res = await postToApp(app.url, interactionBody(payload), "form", { secret: TEST_SIGNING_SECRET });
    expect(res.status).toBe(200);
    return { triggerId, responseId };
  };
  const dmTo = (who: Key, contains: string, timeoutMs = 8_000) => slack.waitFor(() => slack.messagesIn(P[who].id).find((m) => textOf(m).includes(contains)), timeoutMs);
  const count = (who: Key, contains: string) => slack.messagesIn(P[who].id).filter((m) => textOf(m).includes(contains)).length;
  const current = (m: PostedMessage) => slack.messagesIn(m.channel).find((x) => x.ts === m.ts)!;
  /** The value of the button with this action id in a message's blocks ("" when there is none). */
  const buttonValue = (m: PostedMessage, actionId: string): string => {
    const blocks = (m.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
    return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value ?? "";
  };
  /** The director's "no meeting" alert about the pair with this trainee. */
  const alertAbout = (trainee: string) =>
    slack.waitFor(() => slack.messagesIn(P.dir.id).find((m) => textOf(m).includes("No meeting for 2 periods in a row") && textOf(m).includes(`<@${trainee}> and their`)), 8_000);
  const run = async (now: Date) => {
    const r = await runJob(database.url, slack.apiUrl, now);
    expect(r.code, r.out).toBe(0);
    return r.out;
  };

  it("a due check-in arrives in the mentor's DM, once, however often the job runs", async () => {
    await run(NOW);
    await run(NOW);
    const dm = await dmTo("maya", "Did you and Ana Fellow meet since");
    for (const label of ["checkin_met", "checkin_scheduled", "checkin_not_yet", "checkin_need_help"]) expect(textOf(dm)).toContain(label);
    await sleep(1_500);
    expect(count("maya", "Did you and")).toBe(1);
    expect(count("ana", "Did you and")).toBe(0); // the program asks mentors only
  });

  it("the wrong person's click is refused privately and changes nothing", async () => {
    const dm = await dmTo("maya", "Did you and Ana Fellow meet since");
    const { responseId } = await press("stranger", "checkin_met", buttonValue(dm, "checkin_met"), dm);
    const refusal = await slack.waitFor(() => slack.responses.find((r) => r.id === responseId));
    expect(JSON.stringify(refusal.body)).toContain("for someone else");
    expect(refusal.body.response_type).toBe("ephemeral");
    expect((await db.prisma.checkin.findFirstOrThrow({ where: { matchId: ids.fresh } })).answer).toBeNull();
    expect(textOf(current(dm))).not.toContain("You answered");
  });

  it("Met records the answer in place, keeps the buttons and opens the meeting log, which the message then points to; a second click changes the answer", async () => {
    const dm = await dmTo("maya", "Did you and Ana Fellow meet since");
    const checkinId = buttonValue(dm, "checkin_met");
    const { triggerId } = await press("maya", "checkin_met", checkinId, dm);
    await slack.waitFor(() => textOf(current(dm)).includes("You answered :white_check_mark: *Met*"));
    // The log form is open: the message says so, rather than telling her to run /mentoring log.
    expect(textOf(current(dm))).toContain("in the meeting log that just opened");
    expect(textOf(current(dm))).not.toContain("/mentoring log");
    expect(JSON.stringify(current(dm).blocks)).toContain(`"action_id":"meeting_log_open","value":"${ids.fresh}"`);
    expect(textOf(current(dm))).toContain("checkin_not_yet");
    await slack.waitFor(() => slack.callsTo("views.open").find((c) => c.args.trigger_id === triggerId));

    await press("maya", "checkin_not_yet", checkinId, current(dm));
    await slack.waitFor(() => textOf(current(dm)).includes("*Not yet*"));
    expect(await db.prisma.checkin.findMany({ where: { matchId: ids.fresh } })).toEqual([expect.objectContaining({ answer: "NOT_YET", answeredById: ids.maya, messageChannel: dm.channel, messageTs: dm.ts })]);
    await press("maya", "checkin_scheduled", checkinId, current(dm));
    await slack.waitFor(() => textOf(current(dm)).includes("*Scheduled*"));
    expect(await db.prisma.checkin.count({ where: { matchId: ids.fresh } })).toBe(1);
  });

  it("Met with an expired trigger still redraws the answer and shows no error: the answer was saved", async () => {
    const dm = await dmTo("maya", "Did you and Ana Fellow meet since");
    const checkinId = buttonValue(dm, "checkin_met");
    slack.failNext("views.open", { error: "expired_trigger_id" });
    const { responseId } = await press("maya", "checkin_met", checkinId, current(dm));
    await slack.waitFor(() => textOf(current(dm)).includes("You answered :white_check_mark: *Met*"));
    // No log opened this time: the message offers the button instead of saying it opened.
    expect(textOf(current(dm))).toContain("*Log the meeting* to note what you discussed");
    expect(textOf(current(dm))).not.toContain("just opened");
    expect((await db.prisma.checkin.findFirstOrThrow({ where: { matchId: ids.fresh } })).answer).toBe("MET");
    expect(slack.responses.find((r) => r.id === responseId)).toBeUndefined();
  });

  it("Need help tells the director at once, once per period, naming only the one who asked", async () => {
    const dm = await dmTo("maya", "Did you and Ana Fellow meet since");
    const checkinId = buttonValue(dm, "checkin_need_help");
    await press("maya", "checkin_need_help", checkinId, current(dm));
    const alert = await dmTo("dir", "asked for help in their check-in");
    expect(textOf(alert)).toContain("*Need help*: <@U0MAYA> asked for help in their check-in about their mentee <@U0ANA> (Heme Fellowship).");
    expect(textOf(alert)).not.toContain("<@U0ANA> and their mentor");
    expect(alert.text).toBe("Check-in: Dr. Maya asked for help");
    await slack.waitFor(() => textOf(current(dm)).includes("Your program director has been told"));
    await press("maya", "checkin_scheduled", checkinId, current(dm));
    await press("maya", "checkin_need_help", checkinId, current(dm));
    await slack.waitFor(() => textOf(current(dm)).includes("*Need help*"));
    await sleep(1_500);
    expect(count("dir", "asked for help in their check-in")).toBe(1);
  });

  it("Nudge both after Need help tells the one who asked that the director saw it, and gives the other a neutral check-in", async () => {
    // Her answer for the period is Need help (the clicks above may land in any order): say it once more and wait for it.
    const dm = await dmTo("maya", "Did you and Ana Fellow meet since");
    await press("maya", "checkin_need_help", buttonValue(dm, "checkin_need_help"), current(dm));
    for (let i = 0; (await db.prisma.checkin.findFirstOrThrow({ where: { matchId: ids.fresh } })).answer !== "NEED_HELP"; i++) {
      if (i > 100) throw new Error("the Need help answer was never saved");
      await sleep(50);
    }
    const alert = await dmTo("dir", "asked for help in their check-in");
    await press("dir", "checkin_nudge", buttonValue(alert, "checkin_nudge"), alert);
    const maya = textOf(await dmTo("maya", "your program director in Heme Fellowship"));
    expect(maya).toContain("saw that you asked for help in your check-in about your mentorship with <@U0ANA>");
    expect(maya).not.toContain("reported a meeting");
    const ana = textOf(await dmTo("ana", "your program director in Heme Fellowship"));
    expect(ana).toContain("is checking in on your mentorship with <@U0MAYA>: how is it going?");
    expect(ana).not.toContain("asked for help"); // Need help stays between the asker and the directors
    expect(ana).not.toContain("reported a meeting");
  });

  it("one reminder comes after 3 days without an answer, and never a second", async () => {
    // Lee's check-in went out in the first run and nobody answered it.
    await dmTo("lee", "Did you and Kai Fellow meet since");
    await run(new Date(NOW.getTime() + 2 * DAY));
    await sleep(1_200);
    expect(count("lee", "A quick reminder")).toBe(0);
    await run(new Date(NOW.getTime() + 6 * DAY));
    await run(new Date(NOW.getTime() + 7 * DAY));
    const reminder = await dmTo("lee", "A quick reminder");
    expect(textOf(reminder)).toContain("checkin_met");
    await sleep(1_500);
    expect(count("lee", "A quick reminder")).toBe(1);
    expect(count("lee", "Did you and Kai Fellow")).toBe(2); // the check-in and its one reminder
  });

  it("two periods without a meeting reach the director, whose Nudge both nudges each of the pair once", async () => {
    const alert = await alertAbout("U0DEE");
    expect(textOf(alert)).toContain("<@U0JUN> Not yet");
    await press("dir", "checkin_nudge", buttonValue(alert, "checkin_nudge"), alert);
    await dmTo("jun", "it's been a while since you and <@U0DEE> reported a meeting");
    await dmTo("dee", "it's been a while since you and <@U0JUN> reported a meeting");
    await slack.waitFor(() => textOf(current(alert)).includes("nudged <@U0JUN> and <@U0DEE>"));
    expect(textOf(current(alert))).toContain("<@U0JUN> Not yet"); // the history is still there
    expect(textOf(current(alert))).not.toContain("checkin_nudge");
    await press("dir", "checkin_nudge", buttonValue(alert, "checkin_nudge"), alert);
    await sleep(1_500);
    expect(count("jun", "it's been a while")).toBe(1);
  });

  it("a non-director cannot end a match from an escalation; the director's End match ends it and tells both", async () => {
    const alert = await alertAbout("U0DEE");
    const value = buttonValue(current(alert), "checkin_end");
    const { responseId } = await press("jun", "checkin_end", value, current(alert));
    expect(JSON.stringify((await slack.waitFor(() => slack.responses.find((r) => r.id === responseId))).body)).toContain("Only program directors");
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: ids.stuck } })).status).toBe("ACTIVE");
    await press("dir", "checkin_end", value, current(alert));
    await dmTo("jun", "has ended your mentorship with your mentee <@U0DEE> in");
    expect(textOf(await dmTo("dee", "has ended your mentorship with your mentor <@U0JUN> in"))).toContain("/findmentor");
    await slack.waitFor(() => textOf(current(alert)).includes("ended this match"));
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: ids.stuck } })).toMatchObject({ status: "ENDED", endedById: ids.dir });
    expect(await db.prisma.auditLog.count({ where: { workspaceId: TEAM, action: "match.end", target: ids.stuck } })).toBe(1);
  });

  it("after three ignored check-ins the person is asked to stay, pause or leave; Pause pauses them", async () => {
    const ask = await dmTo("rae", "stay, pause or leave?");
    await press("rae", "checkin_pause", buttonValue(ask, "checkin_pause"), ask);
    await slack.waitFor(() => textOf(current(ask)).includes("You're paused"));
    expect((await db.prisma.member.findUniqueOrThrow({ where: { id: ids.rae } })).pausedAt).not.toBeNull();
    expect(textOf(current(ask))).not.toContain("checkin_leave");
  });
});

/** Seeds `n` active monthly matches whose first check-in is due now (mentors U<team>M0…, trainees U<team>T0…). */
async function seedPairs(db: Database, team: string, n: number, now: Date): Promise<void> {
  const p = db.prisma;
  await p.workspace.create({ data: { id: team } });
  const programId = (await p.program.create({ data: { workspaceId: team, name: "Fan-out" } })).id;
  const people = Array.from({ length: n }, (_, i) => [
    { id: `${team}-m${i}`, workspaceId: team, slackUserId: `U${team}M${i}`, name: `Dr. Mentor ${i}`, tz: "UTC", refreshedAt: now },
    { id: `${team}-t${i}`, workspaceId: team, slackUserId: `U${team}T${i}`, name: `Trainee ${i}`, tz: "UTC", refreshedAt: now },
  ]).flat();
  await p.member.createMany({ data: people });
  const startedAt = new Date(now.getTime() - 45 * DAY);
  await p.match.createMany({
    // Introduced long ago (a group DM on record), so only the check-ins are waiting to go out.
    data: Array.from({ length: n }, (_, i) => ({ workspaceId: team, programId, traineeId: `${team}-t${i}`, mentorId: `${team}-m${i}`, role: "mentor", cadence: "MONTHLY" as const, startedAt, introChannelId: `G${team}${i}` })),
  });
}

const checkinPosts = (slack: FakeSlack) => slack.allMessages().filter((m) => m.text?.startsWith("Did you and"));

describe.each(testProviders)("check-in delivery through crashes and several instances on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let db: Database;
  const apps: AppProcess[] = [];
  const NOW = new Date();

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    database = await createTestDatabase(provider);
    // Start once so the database is migrated, then seed.
    apps.push(await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url }));
    await apps.pop()!.stop();
    db = connect(database.url);
  });

  afterAll(async () => {
    for (const a of apps) await a.stop("SIGKILL");
    await db?.close();
    await slack?.stop();
    await database?.drop();
  });

  it("a kill -9 in the middle of a 500-message fan-out, then a restart, delivers each check-in exactly once, waiting out 429s", async () => {
    await seedPairs(db, "T0FAN", 500, NOW);
    slack.latencyMs = 5;
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1, times: 3 });
    const env = { OUTBOX_RATE_PER_SECOND: "100", OUTBOX_RECLAIM_AFTER_SECONDS: "2", LOG_LEVEL: "warn" };
    const first = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env });
    apps.push(first);
    const job = await runJob(database.url, slack.apiUrl, NOW);
    expect(job.code, job.out).toBe(0);
    await slack.waitFor(() => checkinPosts(slack).length >= 100, 20_000);
    await first.stop("SIGKILL");
    const posted = checkinPosts(slack).length;
    expect(posted).toBeLessThan(500); // really stopped in the middle

    apps.push(await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env }));
    await slack.waitFor(() => checkinPosts(slack).length >= 500, 40_000);
    await sleep(2_500); // another reclaim and poll: nothing more may arrive
    const perChannel = new Map<string, number>();
    for (const m of checkinPosts(slack)) perChannel.set(m.channel, (perChannel.get(m.channel) ?? 0) + 1);
    expect(perChannel.size).toBe(500);
    expect([...perChannel.values()].every((n) => n === 1)).toBe(true);
    expect(await db.prisma.outboxMessage.count({ where: { workspaceId: "T0FAN", status: { not: "SENT" } } })).toBe(0);
    // Each message Slack refused with 429 was sent again no sooner than Retry-After (1 s).
    const posts = slack.callsTo("chat.postMessage");
    const limited = posts.slice(0, 3);
    for (const refused of limited) {
      const retry = posts.find((c) => c.at > refused.at && c.args.channel === refused.args.channel);
      expect(retry!.at - refused.at).toBeGreaterThanOrEqual(950);
    }
  }, 60_000); // each message is claimed, paced and marked through the database: a few ms of queries each

  it("two app instances and two job runs at once send each check-in once", async () => {
    await seedPairs(db, "T0TWO", 60, NOW);
    slack.latencyMs = 0;
    const before = new Set(checkinPosts(slack).map((m) => m.channel));
    apps.push(await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url }));
    apps.push(await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url }));
    const runs = await Promise.all([runJob(database.url, slack.apiUrl, NOW), runJob(database.url, slack.apiUrl, NOW)]);
    // The job's lease lets one run at a time: the other either waits its turn or is told it runs elsewhere.
    expect(runs.some((r) => r.code === 0)).toBe(true);
    expect(runs.every((r) => r.code === 0 || r.out.includes("running elsewhere"))).toBe(true);
    expect((await runJob(database.url, slack.apiUrl, NOW)).code).toBe(0);
    const mine = () => checkinPosts(slack).filter((m) => !before.has(m.channel));
    await slack.waitFor(() => mine().length >= 60, 20_000);
    await sleep(2_000);
    const channels = mine().map((m) => m.channel);
    expect(channels).toHaveLength(60);
    expect(new Set(channels).size).toBe(60);
  }, 60_000);

  // Several instances share PostgreSQL; SQLite runs one instance per database file.
  it.runIf(provider === "postgresql")("two instances fan 200 check-ins out while Slack answers slowly, with 429s and internal_errors: each mentor gets exactly one", async () => {
    for (const a of apps.splice(0)) await a.stop("SIGKILL");
    await seedPairs(db, "T0FLAKY", 200, NOW);
    const before = new Set(checkinPosts(slack).map((m) => m.channel));
    slack.flaky = { minMs: 100, maxMs: 400, rateLimitedOneIn: 25, internalErrorOneIn: 25, seed: 7 };
    const env = { OUTBOX_RATE_PER_SECOND: "100", OUTBOX_CONCURRENCY: "10", OUTBOX_RECLAIM_AFTER_SECONDS: "10", LOG_LEVEL: "warn" };
    try {
      apps.push(await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env }));
      apps.push(await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url, env }));
      expect((await runJob(database.url, slack.apiUrl, NOW)).code).toBe(0);
      const mine = () => checkinPosts(slack).filter((m) => !before.has(m.channel) && m.channel.includes("T0FLAKY"));
      await slack.waitFor(() => mine().length >= 200, 60_000);
      await sleep(2_000); // another poll of both: nothing more may arrive
      const perChannel = new Map<string, number>();
      for (const m of mine()) perChannel.set(m.channel, (perChannel.get(m.channel) ?? 0) + 1);
      expect(perChannel.size).toBe(200);
      expect([...perChannel.values()].every((n) => n === 1)).toBe(true);
      expect(slack.flakyAnswers.rateLimited + slack.flakyAnswers.internalError).toBeGreaterThan(0); // Slack really misbehaved
    } finally {
      slack.flaky = null;
    }
  }, 120_000);
});
