import type { App, SocketModeReceiver } from "@slack/bolt";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { AlreadyMatched, CheckinNotFound, NotADirector, NotYourCheckin } from "../../src/domain/errors.js";
import { logFailure } from "../../src/slack/errorText.js";
import { tellSafely } from "../../src/slack/failureReport.js";
import { WorkQueue } from "../../src/slack/workQueue.js";
import { slackReceiver } from "../../src/slack/receiver.js";
import { boltLogger } from "../../src/logger.js";

type Line = { level: number; msg: string; code?: string; err?: { stack?: string }; [k: string]: unknown };

function capture() {
  const lines: Line[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line) as Line) });
  return { logger, lines };
}

/** What @slack/web-api throws when Slack answers ok: false. */
const slackError = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { code: "slack_webapi_platform_error", data: { ok: false, error } });
/** What Bolt's respond() throws when the response_url answers 404. */
const expiredResponseUrl = () => Object.assign(new Error("Failed to respond to the response_url: 404 Not Found"), { code: "slack_bolt_respond_error", statusCode: 404 });

describe("how a failure is logged", () => {
  it("logs an expected refusal (a named domain error) at info: one line with its code, no stack", () => {
    for (const error of [new NotADirector("U1"), new NotYourCheckin("c1"), new AlreadyMatched()]) {
      const { logger, lines } = capture();
      logFailure(logger, error, { team: "T1", user: "U1" }, "admin action");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 30, team: "T1", user: "U1", code: error.code, msg: `admin action refused (${error.code})` });
      expect(JSON.stringify(lines[0])).not.toContain("stack");
    }
  });

  it("logs a modal closed while its work ran (views.update answers not_found) at info", () => {
    const { logger, lines } = capture();
    logFailure(logger, slackError("not_found"), {}, "admin submission");
    expect(lines.map((l) => [l.level, l.slackError])).toEqual([[30, "not_found"]]);
  });

  it("logs anything else at error, with its stack", () => {
    const { logger, lines } = capture();
    logFailure(logger, new Error("database unavailable"), { team: "T1" }, "checkin answer");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: "checkin answer failed", team: "T1" });
    expect(lines[0]!.err?.stack).toContain("database unavailable");
  });
});

describe("telling a person the outcome", () => {
  it("never throws: a closed modal or an expired response_url is info, Slack refusing is a warning, a bug of Rounds' own an error", async () => {
    const { logger, lines } = capture();
    await tellSafely(logger, {}, () => Promise.reject(slackError("not_found")));
    await tellSafely(logger, {}, () => Promise.reject(expiredResponseUrl()));
    await tellSafely(logger, {}, () => Promise.reject(slackError("channel_not_found")));
    await tellSafely(logger, {}, () => Promise.reject(new TypeError("args.respond is not a function")));
    expect(lines.map((l) => [l.level, l.slackError ?? l.err?.stack?.split("\n")[0]])).toEqual([
      [30, "not_found"],
      [30, "response_url_404"],
      [40, "channel_not_found"],
      [50, "TypeError: args.respond is not a function"],
    ]);
  });

  it("after-ack work refused by the domain logs one info line, and the person is told in words", async () => {
    const { logger, lines } = capture();
    const work = new WorkQueue(1, logger);
    const told: string[] = [];
    work.run("checkin answer", () => Promise.reject(new CheckinNotFound("c1")), { fields: { user: "U1" }, tell: async (text) => void told.push(text) });
    await work.drain(2_000);
    expect(told).toEqual(["That check-in isn't here any more, so nothing was changed."]);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[30, "checkin answer refused (checkin_not_found)"]]);
  });

  it("after-ack work whose report cannot be delivered still finishes, with no error logged", async () => {
    const { logger, lines } = capture();
    const work = new WorkQueue(1, logger);
    work.run("admin_people", () => Promise.reject(new NotADirector("U1")), { tell: () => Promise.reject(slackError("not_found")) });
    await work.drain(2_000);
    expect(work.pending).toBe(0);
    expect(lines.every((l) => l.level === 30)).toBe(true);
    expect(lines).toHaveLength(2);
  });
});

describe("Socket Mode", () => {
  it("acknowledges and drops a malformed envelope before Bolt, and dispatches a well-formed one", async () => {
    const { logger, lines } = capture();
    const receiver = slackReceiver({ signingSecret: undefined, appToken: "xapp-test", port: 0, customRoutes: [], clientOptions: {}, logger, boltLogger: boltLogger(logger) }) as SocketModeReceiver;
    const dispatched: unknown[] = [];
    receiver.init({ processEvent: async (event: { body: unknown }) => void dispatched.push(event.body) } as unknown as App);
    const deliver = async (body: Record<string, unknown>) => {
      const acks: unknown[] = [];
      receiver.client.emit("slack_event", { ack: async (response?: unknown) => void acks.push(response ?? "ack"), envelope_id: "e1", body, retry_num: 0, retry_reason: "" });
      await new Promise((r) => setImmediate(r));
      return acks;
    };
    const good = { type: "block_actions", team: { id: "T1" }, user: { id: "U1" }, trigger_id: "t", actions: [{ action_id: "request_accept" }] };
    expect(await deliver({ ...good, actions: "request_accept" })).toEqual(["ack"]);
    expect(dispatched).toEqual([]);
    expect(lines.find((l) => l.msg === "malformed Slack request acknowledged and dropped")).toMatchObject({ level: 40, type: "block_actions" });
    await deliver(good);
    expect(dispatched).toEqual([good]);
  });
});
