import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders } from "../support/databases.js";
import { startWorld, stopWorld, type E2eWorld } from "../support/e2eWorld.js";
import { TEST_SIGNING_SECRET } from "../support/appProcess.js";
import { interactionBody, newTriggerId, postToApp, slashCommandBody, viewSubmissionPayload, type SignOptions } from "../../src/slack/standin/requests.js";

/**
 * How the running app answers what reaches POST /slack/events: requests stamped too far from now,
 * malformed envelopes, and failures that are expected (a refusal, a modal closed while it worked).
 * Every request gets a fast answer, nothing half-done is saved, and only faults log at error level.
 */

const TEAM = "T0GATE";
const MINUTE = 60;
/** Slack gives up on a request that is not answered within 3 seconds. */
const SLACK_TIMEOUT_MS = 3_000;

type LogLine = { level: number; msg?: string; err?: unknown; code?: string; stack?: unknown; [k: string]: unknown };

const text = (value: string) => ({ value: { type: "plain_text_input", value } });
const option = (value: string | null) => ({ value: { type: "static_select", selected_option: value ? { text: { type: "plain_text", text: value }, value } : null } });
const programValues = (name: string) => ({
  program_name: text(name),
  program_description: text("Mentoring for hematology fellows"),
  program_cadence: option("BIWEEKLY"),
  program_channel: { value: { type: "conversations_select", selected_conversation: "C0ANNOUNCE" } },
  program_timezone: option("America/Chicago"),
  program_capacity: { value: { type: "number_input", value: "4" } },
  program_checkin_recipients: { value: { type: "radio_buttons", selected_option: { text: { type: "plain_text", text: "The mentor" }, value: "mentor" } } },
  program_breaks: { value: { type: "plain_text_input", value: null } },
});

/** Each table's row count: what "nothing changed" means. */
async function tableCounts(world: E2eWorld): Promise<Record<string, number>> {
  const p = world.db.prisma;
  return {
    workspace: await p.workspace.count(),
    member: await p.member.count(),
    program: await p.program.count(),
    cohort: await p.cohort.count(),
    enrollment: await p.enrollment.count(),
    checkin: await p.checkin.count(),
    auditLog: await p.auditLog.count(),
    jobRun: await p.jobRun.count(),
    outboxMessage: await p.outboxMessage.count(),
  };
}

describe.each(testProviders)("requests reaching the running app on %s", (provider) => {
  let world: E2eWorld;
  let seq = 0;

  beforeAll(async () => {
    world = await startWorld(provider);
    world.slack.addUser({ id: "U0ADMIN", teamId: TEAM, name: "Dr. Admin", isAdmin: true });
    world.slack.addUser({ id: "U0PLAIN", teamId: TEAM, name: "Plain Member" });
    world.slack.addUser({ id: "U0MENTOR", teamId: TEAM, name: "Dr. Mentor" });
  });

  afterAll(async () => {
    await stopWorld(world ?? {});
  });

  /** The app's JSON log lines written after `mark` (a length of output()). */
  const logSince = (mark: number): LogLine[] =>
    world.app
      .output()
      .slice(mark)
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine);
  /** Waits until a log line after `mark` satisfies `match`. */
  const logLine = (mark: number, match: (l: LogLine) => boolean) => world.slack.waitFor(() => logSince(mark).find(match));
  const noErrorsSince = (mark: number) => {
    const lines = logSince(mark);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(world.app.output().slice(mark)).not.toMatch(/unhandled|not acknowledged/i);
    return lines;
  };

  const sign = (o: Partial<SignOptions> = {}): SignOptions => ({ secret: TEST_SIGNING_SECRET, ...o });
  const programSubmission = (name: string, userId = "U0ADMIN") => {
    seq += 1;
    return viewSubmissionPayload({ teamId: TEAM, userId, viewId: `V0GATE${seq}`, callbackId: "admin_program", values: programValues(name), triggerId: `${seq}.gate` });
  };
  const send = (payload: Record<string, unknown>, o: Partial<SignOptions> = {}) => postToApp(world.app.url, interactionBody(payload), "form", sign(o));
  const programsNamed = (name: string) => world.db.prisma.program.count({ where: { workspaceId: TEAM, name } });

  describe("a request's timestamp", () => {
    const now = () => Math.floor(Date.now() / 1000);

    it("refuses a correctly signed request stamped 10 minutes in the future with 401, and creates nothing", async () => {
      const mark = world.app.output().length;
      const res = await send(programSubmission("From the future"), { timestamp: now() + 10 * MINUTE });
      expect(res.status).toBe(401);
      await logLine(mark, (l) => /timestamp/i.test(l.msg ?? ""));
      expect(await programsNamed("From the future")).toBe(0);
      noErrorsSince(mark);
    });

    it("refuses a correctly signed request stamped 10 minutes in the past with 401, and creates nothing", async () => {
      const mark = world.app.output().length;
      const res = await send(programSubmission("From the past"), { timestamp: now() - 10 * MINUTE });
      expect(res.status).toBe(401);
      await logLine(mark, (l) => /timestamp/i.test(l.msg ?? ""));
      expect(await programsNamed("From the past")).toBe(0);
      noErrorsSince(mark);
    });

    it("accepts correctly signed requests stamped 4 minutes in the future and 4 minutes in the past", async () => {
      const ahead = await send(programSubmission("Four minutes ahead"), { timestamp: now() + 4 * MINUTE });
      const behind = await send(programSubmission("Four minutes behind"), { timestamp: now() - 4 * MINUTE });
      expect([ahead.status, behind.status]).toEqual([200, 200]);
      expect(await programsNamed("Four minutes ahead")).toBe(1);
      expect(await programsNamed("Four minutes behind")).toBe(1);
    });
  });

  describe("a malformed request", () => {
    const block = (over: Record<string, unknown>) => ({
      type: "block_actions",
      team: { id: TEAM, domain: "fake" },
      user: { id: "U0ADMIN", username: "u0admin", name: "u0admin", team_id: TEAM },
      api_app_id: "A0ROUNDS",
      trigger_id: "1.malformed",
      container: { type: "view", view_id: "V0HOME" },
      view: { id: "V0HOME", type: "home", team_id: TEAM, blocks: [], state: { values: {} }, hash: "h" },
      actions: [{ type: "button", action_id: "admin_new_program", block_id: "b", text: { type: "plain_text", text: "x" }, action_ts: "1" }],
      ...over,
    });
    const withoutKey = (payload: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key));
    const examples: [string, () => string][] = [
      ["an unknown type", () => interactionBody({ ...programSubmission("Unknown type"), type: "view_submitted" })],
      ["actions that is not an array", () => interactionBody(block({ actions: "admin_new_program" }))],
      ["an empty actions array", () => interactionBody(block({ actions: [] }))],
      ["a view submission with no user", () => interactionBody(withoutKey(programSubmission("No user"), "user"))],
      ["a view submission with no view", () => interactionBody(withoutKey(programSubmission("No view"), "view"))],
      ["a view submission with no workspace", () => interactionBody({ ...programSubmission("No team"), team: null, user: { id: "U0ADMIN" } })],
      ["a payload that is not JSON", () => new URLSearchParams({ payload: "{not json" }).toString()],
      ["a form with neither payload nor command", () => new URLSearchParams({ team_id: TEAM, user_id: "U0ADMIN" }).toString()],
    ];

    it.each(examples)("answers %s with 400 before Slack would time out, changes nothing and logs no error", async (_name, body) => {
      const before = await tableCounts(world);
      const mark = world.app.output().length;
      const res = await postToApp(world.app.url, body(), "form", sign());
      expect(res.status).toBe(400);
      expect(res.ms).toBeLessThan(SLACK_TIMEOUT_MS);
      const refusal = await logLine(mark, (l) => /malformed/i.test(l.msg ?? ""));
      expect(refusal.level).toBeLessThanOrEqual(40);
      expect(refusal).not.toHaveProperty("err");
      noErrorsSince(mark);
      expect(await tableCounts(world)).toEqual(before);
    });

    it("answers a slash command with no user with 400 and runs nothing", async () => {
      const mark = world.app.output().length;
      const form = new URLSearchParams(slashCommandBody({ command: "/mentoring-admin", userId: "U0ADMIN", teamId: TEAM, responseUrl: world.slack.responseUrl("no-user") }));
      form.delete("user_id");
      const res = await postToApp(world.app.url, form.toString(), "form", sign());
      expect(res.status).toBe(400);
      await logLine(mark, (l) => /malformed/i.test(l.msg ?? ""));
      noErrorsSince(mark);
      expect(world.slack.responses.some((r) => r.id === "no-user")).toBe(false);
    });

    it("answers an event with no event type with 400", async () => {
      const mark = world.app.output().length;
      const body = JSON.stringify({ type: "event_callback", team_id: TEAM, event_id: "Ev0NOTYPE", event: { user: "U0ADMIN", tab: "home" } });
      const res = await postToApp(world.app.url, body, "json", sign());
      expect(res.status).toBe(400);
      noErrorsSince(mark);
    });

    it("refuses a body over 4 MB with 413", async () => {
      const big = interactionBody(block({ padding: "x".repeat(4.5 * 1024 * 1024) }));
      const res = await postToApp(world.app.url, big, "form", sign());
      expect(res.status).toBe(413);
    });

    it("still refuses a malformed request that is not signed with 401, not 400", async () => {
      const res = await postToApp(world.app.url, interactionBody(block({ actions: "x" })), "form", sign({ secret: "not-the-secret" }));
      expect(res.status).toBe(401);
    });
  });

  describe("a well-formed request the app has no use for", () => {
    it("acknowledges a closed modal at once", async () => {
      const mark = world.app.output().length;
      const closed = { ...withoutTrigger(programSubmission("Closed")), type: "view_closed", is_cleared: false };
      const res = await send(closed);
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(SLACK_TIMEOUT_MS);
      expect(await programsNamed("Closed")).toBe(0);
      noErrorsSince(mark);
    });

    it("acknowledges a global shortcut the app does not offer", async () => {
      const mark = world.app.output().length;
      const res = await send({ type: "shortcut", callback_id: "not_ours", trigger_id: "1.shortcut", team: { id: TEAM }, user: { id: "U0ADMIN", team_id: TEAM } });
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(SLACK_TIMEOUT_MS);
      noErrorsSince(mark);
    });
  });

  describe("expected refusals and failures", () => {
    const press = (userId: string, actionId: string, value: string | undefined, where: Record<string, unknown>) => {
      seq += 1;
      return send({
        type: "block_actions",
        team: { id: TEAM, domain: "fake" },
        user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM },
        api_app_id: "A0ROUNDS",
        trigger_id: newTriggerId(),
        ...where,
        actions: [{ type: "button", action_id: actionId, block_id: "b", value, text: { type: "plain_text", text: "x" }, action_ts: "1" }],
      });
    };
    const inMessage = (responseUrl: string) => ({
      container: { type: "message", channel_id: "C0GENERAL", message_ts: "1700000000.000100", is_ephemeral: true },
      channel: { id: "C0GENERAL" },
      response_url: responseUrl,
    });
    const onHome = { container: { type: "view", view_id: "V0HOME" }, view: { id: "V0HOME", type: "home", team_id: TEAM, blocks: [], state: { values: {} }, hash: "h" } };

    it("a non-director pressing an admin button is told so, and it is logged at info with its code, without a stack", async () => {
      const mark = world.app.output().length;
      const res = await press("U0PLAIN", "admin_new_program", undefined, inMessage(world.slack.responseUrl("plain-admin")));
      expect(res.status).toBe(200);
      const reply = await world.slack.waitFor(() => world.slack.responses.find((r) => r.id === "plain-admin"));
      expect(reply.body.text).toContain("Only program directors can do that");
      const refusal = await logLine(mark, (l) => l.code === "not_a_director");
      expect(refusal.level).toBe(30);
      expect(JSON.stringify(refusal)).not.toContain("stack");
      noErrorsSince(mark);
    });

    it("a non-director submitting the program modal is refused at info, and no program is created", async () => {
      const mark = world.app.output().length;
      const res = await send(programSubmission("Plain member's program", "U0PLAIN"));
      expect(res.status).toBe(200);
      expect(res.body).toContain("Only program directors can do that");
      const refusal = await logLine(mark, (l) => l.code === "not_a_director");
      expect(refusal.level).toBe(30);
      expect(await programsNamed("Plain member's program")).toBe(0);
      noErrorsSince(mark);
    });

    it("a click on someone else's check-in is refused in words and logged at info (not_your_checkin), and the check-in is unanswered", async () => {
      const p = world.db.prisma;
      await p.workspace.upsert({ where: { id: TEAM }, create: { id: TEAM }, update: {} });
      const program = await p.program.create({ data: { workspaceId: TEAM, name: "Check-in program" } });
      const person = (slackUserId: string) => p.member.create({ data: { workspaceId: TEAM, slackUserId, name: slackUserId, refreshedAt: new Date() } });
      const [mentor, trainee] = [await person("U0CHKMENTOR"), await person("U0CHKTRAINEE")];
      const match = await p.match.create({ data: { workspaceId: TEAM, programId: program.id, traineeId: trainee.id, mentorId: mentor.id, role: "mentor", cadence: "MONTHLY", startedAt: new Date(Date.now() - 45 * 86_400_000) } });
      const checkin = await p.checkin.create({ data: { workspaceId: TEAM, matchId: match.id, periodKey: "2026-01-01", recipient: "mentor", sentAt: new Date() } });
      const mark = world.app.output().length;
      const res = await press("U0PLAIN", "checkin_met", checkin.id, inMessage(world.slack.responseUrl("not-yours")));
      expect(res.status).toBe(200);
      const reply = await world.slack.waitFor(() => world.slack.responses.find((r) => r.id === "not-yours"));
      expect(reply.body).toMatchObject({ response_type: "ephemeral", text: "This check-in is for someone else, so your click changed nothing." });
      const refusal = await logLine(mark, (l) => l.code === "not_your_checkin");
      expect(refusal.level).toBe(30);
      noErrorsSince(mark);
      expect((await p.checkin.findUniqueOrThrow({ where: { id: checkin.id } })).answer).toBeNull();
    });

    it("a check-in click that fails from the App Home (no response_url) tells the person in a DM and logs no error", async () => {
      const mark = world.app.output().length;
      const dmsBefore = world.slack.messagesIn("U0MENTOR").length;
      const res = await press("U0MENTOR", "checkin_met", "no-such-checkin", onHome);
      expect(res.status).toBe(200);
      const dm = await world.slack.waitFor(() => world.slack.messagesIn("U0MENTOR").slice(dmsBefore)[0]);
      expect(JSON.stringify(dm)).toContain("That check-in isn't here any more");
      await logLine(mark, (l) => l.code === "checkin_not_found");
      noErrorsSince(mark);
    });

    it("a failure whose response_url no longer answers is logged without an error and without throwing", async () => {
      const mark = world.app.output().length;
      const res = await press("U0MENTOR", "checkin_met", "no-such-checkin", inMessage(`${world.slack.url}/expired/response`));
      expect(res.status).toBe(200);
      await logLine(mark, (l) => l.code === "checkin_not_found");
      await logLine(mark, (l) => /could not tell|closed|no longer/i.test(l.msg ?? ""));
      noErrorsSince(mark);
    });

    it("a director closing the Adding people modal while it works: the people are added, homes refreshed, and nothing logged as an error", async () => {
      const created = await send(programSubmission("Closing program"));
      expect(created.status).toBe(200);
      const program = await world.db.prisma.program.findFirstOrThrow({ where: { workspaceId: TEAM, name: "Closing program" } });
      const mark = world.app.output().length;
      const publishedBefore = world.slack.callsTo("views.publish").filter((c) => c.args.user_id === "U0MENTOR").length;
      // The modal is gone by the time the work finishes: Slack answers views.update with not_found.
      world.slack.failNext("views.update", { error: "not_found" });
      seq += 1;
      const res = await send(
        viewSubmissionPayload({
          teamId: TEAM,
          userId: "U0ADMIN",
          viewId: `V0PEOPLE${seq}`,
          callbackId: "admin_people",
          privateMetadata: program.id,
          values: {
            people_users: { value: { type: "multi_users_select", selected_users: ["U0MENTOR"] } },
            people_role: { value: { type: "static_select", selected_option: { text: { type: "plain_text", text: "MENTOR" }, value: "MENTOR" } } },
            people_cohort: { value: { type: "static_select", selected_option: null } },
          },
          triggerId: `${seq}.people`,
        }),
      );
      expect(res.status).toBe(200);
      expect(res.body).toContain("Adding people");
      await world.slack.waitFor(() => world.slack.callsTo("views.publish").filter((c) => c.args.user_id === "U0MENTOR").length > publishedBefore);
      const enrollment = await world.db.prisma.enrollment.findFirst({ where: { programId: program.id, member: { slackUserId: "U0MENTOR" } } });
      expect(enrollment?.role).toBe("MENTOR");
      const closed = await logLine(mark, (l) => /closed/i.test(l.msg ?? ""));
      expect(closed.level).toBe(30);
      noErrorsSince(mark);
    });
  });
});

function withoutTrigger(payload: Record<string, unknown>): Record<string, unknown> {
  const { trigger_id: _trigger, ...rest } = payload;
  return rest;
}
