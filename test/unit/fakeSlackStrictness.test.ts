import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { newTriggerId } from "../../src/slack/standin/requests.js";
import { commandAckRefusal, viewSubmissionAckRefusal } from "../support/ackChecks.js";

/**
 * The fake Slack answers what Slack refuses as Slack does, and keeps it so the test fails. Every
 * call here is refused on purpose, so each declares it first with expectRefusal().
 */

const modal = (extra: Record<string, unknown> = {}) => ({
  type: "modal",
  title: { type: "plain_text", text: "Round" },
  submit: { type: "plain_text", text: "Create" },
  blocks: [{ type: "input", block_id: "size", label: { type: "plain_text", text: "Group size" }, element: { type: "number_input", is_decimal_allowed: false } }],
  ...extra,
});

describe("the fake Slack is as strict as Slack", () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
  });

  const call = async (method: string, args: Record<string, unknown>) => {
    const res = await fetch(`${slack.apiUrl}${method}`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" }, body: JSON.stringify(args) });
    return (await res.json()) as { ok: boolean; error?: string; errors?: string[]; response_metadata?: { messages: string[] } };
  };

  it("views.open of a view Slack refuses answers invalid_arguments with Slack's lines, and records the refusal", async () => {
    slack.expectRefusal({ method: "views.open", error: "invalid_arguments" });
    const blocks = [{ type: "input", block_id: "size", label: { type: "plain_text", text: "Group size" }, element: { type: "number_input" } }];
    const answer = await call("views.open", { trigger_id: newTriggerId(), view: modal({ blocks }) });
    expect(answer).toEqual({
      ok: false,
      error: "invalid_arguments",
      response_metadata: { messages: ["[ERROR] is_decimal_allowed is required [json-pointer:/view/blocks/0/element/is_decimal_allowed]"] },
    });
    expect(slack.refused.at(-1)).toMatchObject({ method: "views.open", error: "invalid_arguments", expected: true });
    expect(slack.acceptedCallsTo("views.open")).toHaveLength(0);
  });

  it("chat.postMessage of blocks Slack refuses answers invalid_blocks and posts nothing", async () => {
    slack.expectRefusal({ method: "chat.postMessage" });
    const answer = await call("chat.postMessage", { channel: "C1", text: "t", blocks: [{ type: "header", text: { type: "mrkdwn", text: "*Hi*" } }] });
    expect(answer.error).toBe("invalid_blocks");
    expect(answer.errors).toEqual(["must be one of: plain_text [json-pointer:/blocks/0/text/type]"]);
    expect(slack.messagesIn("C1")).toHaveLength(0);
  });

  it("a trigger opens one modal: a second views.open with it is refused with exchanged_trigger_id", async () => {
    const trigger = newTriggerId();
    expect((await call("views.open", { trigger_id: trigger, view: modal() })).ok).toBe(true);
    slack.expectRefusal({ method: "views.open", error: "exchanged_trigger_id" });
    expect((await call("views.open", { trigger_id: trigger, view: modal() })).error).toBe("exchanged_trigger_id");
  });

  it("a trigger is good for 3 seconds: views.open or views.push later is refused with expired_trigger_id", async () => {
    const stale = `${Date.now() - 3_500}.1.stale`;
    slack.expectRefusal({ method: "views.open", error: "expired_trigger_id" });
    expect((await call("views.open", { trigger_id: stale, view: modal() })).error).toBe("expired_trigger_id");
    slack.expectRefusal({ method: "views.push", error: "expired_trigger_id" });
    expect((await call("views.push", { trigger_id: stale, view: modal() })).error).toBe("expired_trigger_id");
    expect((await call("views.open", { trigger_id: `${Date.now() - 2_000}.2.fresh`, view: modal() })).ok).toBe(true);
  });

  it("a trigger Slack never issued is refused with invalid_trigger_id", async () => {
    slack.expectRefusal({ method: "views.open", error: "invalid_trigger_id" });
    expect((await call("views.open", { trigger_id: "made-up", view: modal() })).error).toBe("invalid_trigger_id");
  });

  it("views.publish takes a Home tab only, views.update a modal or a Home tab", async () => {
    slack.expectRefusal({ method: "views.publish" });
    expect((await call("views.publish", { user_id: "U1", view: modal() })).error).toBe("invalid_arguments");
    expect((await call("views.publish", { user_id: "U1", view: { type: "home", blocks: [] } })).ok).toBe(true);
    expect((await call("views.update", { view_id: "V1", view: { type: "home", blocks: [] } })).ok).toBe(true);
    expect((await call("views.update", { view_id: "V1", view: modal() })).ok).toBe(true);
  });

  it("a reply to a response_url that Slack refuses gets HTTP 400 invalid_blocks and is not shown", async () => {
    slack.expectRefusal({ method: "response_url", error: "invalid_blocks" });
    const res = await fetch(slack.responseUrl("r1"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "t", blocks: Array.from({ length: 51 }, () => ({ type: "divider" })) }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("invalid_blocks");
    expect(slack.responses).toHaveLength(0);
  });

  it("a refusal nobody declared is reported to the guard once; a declared one that never came is reported too", async () => {
    const other = await new FakeSlack().start();
    try {
      FakeSlack.unreportedProblems(); // whatever earlier tests left is theirs
      await fetch(`${other.apiUrl}chat.postMessage`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" }, body: JSON.stringify({ channel: "C1", blocks: [{ type: "divider", block_id: "" }] }) });
      other.expectRefusal({ method: "views.open" });
      const problems = FakeSlack.unreportedProblems();
      expect(problems).toEqual([
        "Slack would refuse chat.postMessage: invalid_blocks\n  must be more than 0 characters [json-pointer:/blocks/0/block_id]",
        "a refusal of views.open was expected but never came",
      ]);
      expect(FakeSlack.unreportedProblems()).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});

describe("what the app answers in an ack is checked as Slack checks it", () => {
  const submitted = [
    { type: "section", block_id: "intro" },
    { type: "input", block_id: "round_cron" },
  ];

  it("inline errors must name input blocks of the submitted view", () => {
    expect(viewSubmissionAckRefusal({ response_action: "errors", errors: { round_cron: "Not a cron expression" } }, submitted)).toBeNull();
    expect(viewSubmissionAckRefusal({ response_action: "errors", errors: { intro: "x", cron: "y" } }, submitted)).toEqual({
      error: "invalid_arguments",
      messages: [
        "no input block with block_id intro in the submitted view [json-pointer:/errors/intro]",
        "no input block with block_id cron in the submitted view [json-pointer:/errors/cron]",
      ],
    });
    expect(viewSubmissionAckRefusal({ response_action: "errors", errors: {} }, submitted)?.error).toBe("invalid_arguments");
  });

  it("a view shown with response_action update or push is a modal Slack takes", () => {
    const view = { type: "modal", title: { type: "plain_text", text: "A title longer than twenty-four" }, blocks: [] };
    expect(viewSubmissionAckRefusal({ response_action: "update", view }, submitted)?.messages).toEqual(["must be less than 25 characters [json-pointer:/view/title/text]"]);
    expect(viewSubmissionAckRefusal({ response_action: "push", view: { ...view, title: { type: "plain_text", text: "Done" } } }, submitted)).toBeNull();
    expect(viewSubmissionAckRefusal(null, submitted)).toBeNull();
    expect(viewSubmissionAckRefusal({ response_action: "close" }, submitted)?.messages).toEqual(["unsupported response_action: close [json-pointer:/response_action]"]);
  });

  it("a slash command's ack message is a message Slack takes", () => {
    expect(commandAckRefusal({ response_type: "ephemeral", text: "Busy" })).toBeNull();
    expect(commandAckRefusal({ text: "x".repeat(40_001) })?.error).toBe("msg_too_long");
  });
});
