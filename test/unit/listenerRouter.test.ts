import { App, type Receiver } from "@slack/bolt";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { ListenerRouter } from "../../src/slack/router.js";
import { NotADirector } from "../../src/domain/errors.js";

const quietReceiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };

function routedApp() {
  const warnings: string[] = [];
  const lines: { level: number; msg: string; code?: string; err?: { stack?: string } }[] = [];
  const app = new App({ token: "xoxb-test", botId: "B1", botUserId: "UBOT", receiver: quietReceiver, tokenVerificationEnabled: false, convoStore: false, logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => "error" as never, setName() {} } });
  const errors: unknown[] = [];
  app.error(async (error) => void errors.push(error.original ?? error));
  const logger = pino(
    { level: "info" },
    {
      write: (line: string) => {
        const parsed = JSON.parse(line);
        lines.push(parsed);
        if (parsed.level === 40) warnings.push(parsed.msg);
      },
    },
  );
  const router = new ListenerRouter(app, logger);
  /** Delivers one request as the receiver would; resolves with what was acked. */
  const deliver = async (body: Record<string, unknown>) => {
    const acks: unknown[] = [];
    await app.processEvent({ body, ack: async (response?: unknown) => void acks.push(response ?? "ack") });
    return acks;
  };
  return { router, deliver, errors, warnings, lines };
}

const command = (name: string) => ({ command: name, text: "", team_id: "T1", user_id: "U1", channel_id: "C1", trigger_id: "t1", response_url: "https://hooks.example/r" });
const click = (actionId: string) => ({
  type: "block_actions",
  team: { id: "T1" },
  user: { id: "U1" },
  actions: [{ type: "button", action_id: actionId, block_id: "b", value: "v", action_ts: "1" }],
});
const event = (type: string) => ({ type: "event_callback", team_id: "T1", event_id: "Ev1", event: { type, user: "U1", tab: "home" } });
const submit = (callbackId: string) => ({ type: "view_submission", team: { id: "T1" }, user: { id: "U1" }, view: { id: "V1", callback_id: callbackId, state: { values: {} } } });

describe("ListenerRouter", () => {
  it("sends each command, button, modal submission and event to the handler registered for its id", async () => {
    const { router, deliver } = routedApp();
    const seen: string[] = [];
    router.command("/findmentor", async ({ ack, command }) => void (seen.push(`command ${command.command}`), await ack()));
    router.command("/mentoring", async ({ ack }) => void (seen.push("wrong command"), await ack()));
    router.action("request_accept", async ({ ack }) => void (seen.push("accept"), await ack()));
    router.action(/^cadence_/, async ({ ack, payload }) => void (seen.push(`pattern ${(payload as { action_id: string }).action_id}`), await ack()));
    router.view("profile_submit", async ({ ack, view }) => void (seen.push(`view ${view.callback_id}`), await ack()));
    router.event("app_home_opened", async ({ event }) => void seen.push(`event ${event.type}`));

    expect(await deliver(command("/findmentor"))).toEqual(["ack"]);
    expect(await deliver(click("request_accept"))).toEqual(["ack"]);
    expect(await deliver(click("cadence_monthly"))).toEqual(["ack"]);
    expect(await deliver(submit("profile_submit"))).toEqual(["ack"]);
    await deliver(event("app_home_opened"));
    await deliver(event("member_joined_channel")); // no listener: nothing runs
    expect(seen).toEqual(["command /findmentor", "accept", "pattern cadence_monthly", "view profile_submit", "event app_home_opened"]);
  });

  it("acknowledges a button nobody listens for (a link button, an old message) and runs nothing", async () => {
    const { router, deliver, errors, warnings } = routedApp();
    let ran = false;
    router.action("request_accept", async ({ ack }) => void ((ran = true), await ack()));
    expect(await deliver(click("open_link"))).toEqual(["ack"]);
    expect(ran).toBe(false);
    expect(errors).toEqual([]);
    expect(warnings).toEqual(["no listener for this Slack interaction; acknowledged and ignored"]);
  });

  it("refuses, at start-up, two handlers that would both answer one click", () => {
    const { router } = routedApp();
    router.action("request_accept", async () => undefined);
    router.action(/^cadence_/, async () => undefined);
    expect(() => router.action("request_accept", async () => undefined)).toThrow('two listeners for the action "request_accept"');
    expect(() => router.action("cadence_monthly", async () => undefined)).toThrow('the action "cadence_monthly" is also matched by /^cadence_/');
    expect(() => router.action(/^request_/, async () => undefined)).toThrow('/^request_/ also matches the action "request_accept"');
    expect(() => router.action(/^goal_/g, async () => undefined)).toThrow("cannot use the g or y flag");
    expect(router.registrations("action", "request_accept")).toBe(1);
    expect(router.registrations("action", "cadence_weekly")).toBe(1);
  });

  it("acknowledges at once a request whose handler failed before its ack, and logs the fault at error with its stack", async () => {
    const { router, deliver, errors, lines } = routedApp();
    router.view("profile_submit", async () => {
      throw new Error("database unavailable");
    });
    expect(await deliver(submit("profile_submit"))).toEqual(["ack"]);
    const logged = lines.find((l) => l.msg === "Slack listener failed");
    expect(logged?.level).toBe(50);
    expect(logged?.err?.stack).toContain("database unavailable");
    expect(errors).toEqual([]);
  });

  it("logs a refusal a handler throws after its ack at info with its code, and does not ack twice", async () => {
    const { router, deliver, lines } = routedApp();
    router.action("admin_new_program", async ({ ack }) => {
      await ack();
      throw new NotADirector("U1");
    });
    expect(await deliver(click("admin_new_program"))).toEqual(["ack"]);
    expect(lines.map((l) => [l.level, l.msg, l.code, "err" in l])).toEqual([[30, "Slack listener refused (not_a_director)", "not_a_director", false]]);
  });

  it("answers a closed modal, a shortcut and a menu's options request that nobody listens for", async () => {
    const { deliver, errors } = routedApp();
    expect(await deliver({ type: "view_closed", team: { id: "T1" }, user: { id: "U1" }, view: { id: "V1", callback_id: "profile_submit" } })).toEqual(["ack"]);
    expect(await deliver({ type: "shortcut", callback_id: "not_ours", trigger_id: "t1", team: { id: "T1" }, user: { id: "U1" } })).toEqual(["ack"]);
    expect(await deliver({ type: "block_suggestion", action_id: "pick", block_id: "b", value: "he", team: { id: "T1" }, user: { id: "U1" } })).toEqual([{ options: [] }]);
    expect(errors).toEqual([]);
  });
});
