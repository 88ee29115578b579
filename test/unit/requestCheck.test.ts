import type { BufferedIncomingMessage } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { checkSlackRequest } from "../../src/slack/requestCheck.js";
import { envelopeProblem } from "../../src/slack/envelope.js";
import { interactionBody, signedHeaders, slashCommandBody, viewSubmissionPayload } from "../../src/slack/standin/requests.js";

const SECRET = "unit-signing-secret";
const NOW_MS = Date.UTC(2026, 2, 2, 12, 0, 0);
const NOW_S = NOW_MS / 1000;
const FORM = "application/x-www-form-urlencoded";

/** A request as the gate sees it once its body is buffered, signed at `timestamp`. */
function request(body: string, o: { timestamp?: number; secret?: string; contentType?: string; headers?: Record<string, string> } = {}): BufferedIncomingMessage {
  const contentType = o.contentType ?? FORM;
  const headers = { ...signedHeaders(body, contentType, { secret: o.secret ?? SECRET, timestamp: o.timestamp ?? NOW_S }), ...o.headers };
  return { headers, rawBody: Buffer.from(body) } as unknown as BufferedIncomingMessage;
}

const click = (over: Record<string, unknown> = {}) => ({
  type: "block_actions",
  team: { id: "T1", domain: "x" },
  user: { id: "U1", team_id: "T1" },
  api_app_id: "A1",
  trigger_id: "1.2.3",
  container: { type: "message", channel_id: "C1", message_ts: "1.1" },
  channel: { id: "C1" },
  response_url: "https://hooks.slack.com/actions/T1/1/x",
  actions: [{ type: "button", action_id: "request_accept", block_id: "b", value: "v", action_ts: "1" }],
  ...over,
});
const submission = viewSubmissionPayload({ teamId: "T1", userId: "U1", viewId: "V1", callbackId: "admin_program", values: { b: { value: { type: "plain_text_input", value: "x" } } }, triggerId: "1.2" });
const command = slashCommandBody({ command: "/findmentor", text: "grants", userId: "U1", teamId: "T1", responseUrl: "https://hooks.slack.com/commands/T1/1/x", triggerId: "1.2" });
const event = (e: Record<string, unknown>) => JSON.stringify({ type: "event_callback", team_id: "T1", event_id: "Ev1", event: e });

describe("a Slack request's timestamp and signature", () => {
  it("passes a correctly signed request stamped now, or up to 5 minutes either way", () => {
    for (const skew of [0, 299, -299, 300, -300]) {
      expect(checkSlackRequest(request(interactionBody(click()), { timestamp: NOW_S + skew }), SECRET, NOW_MS)).toMatchObject({ pass: true });
    }
  });

  it("refuses a correctly signed request stamped more than 5 minutes in the future or the past with 401", () => {
    for (const skew of [301, 600, -301, -600]) {
      const verdict = checkSlackRequest(request(interactionBody(click()), { timestamp: NOW_S + skew }), SECRET, NOW_MS);
      expect(verdict).toMatchObject({ pass: false, status: 401, fields: { skewSeconds: skew } });
    }
  });

  it("refuses a bad signature, a missing timestamp and a timestamp that is not a number with 401", () => {
    const body = interactionBody(click());
    expect(checkSlackRequest(request(body, { secret: "not-the-secret" }), SECRET, NOW_MS)).toMatchObject({ status: 401 });
    const unstamped = request(body);
    delete unstamped.headers["x-slack-request-timestamp"];
    expect(checkSlackRequest(unstamped, SECRET, NOW_MS)).toMatchObject({ status: 401 });
    expect(checkSlackRequest(request(body, { headers: { "x-slack-request-timestamp": "soon" } }), SECRET, NOW_MS)).toMatchObject({ status: 401 });
  });

  it("refuses a signature that is not v0= and the exact 64 hex digits, however close, with 401", () => {
    const body = interactionBody(click());
    const good = request(body).headers["x-slack-signature"] as string;
    expect(checkSlackRequest(request(body), SECRET, NOW_MS)).toMatchObject({ pass: true });
    for (const signature of [good.slice(0, -1), `${good}0`, `${good}=x`, good.toUpperCase().replace("V0=", "v0="), good.replace("v0=", "v1="), good.slice(3), ""]) {
      expect(checkSlackRequest(request(body, { headers: { "x-slack-signature": signature } }), SECRET, NOW_MS)).toMatchObject({ pass: false, status: 401 });
    }
    // The body and the timestamp are both signed: either changed, the signature no longer matches.
    const tampered = request(body);
    tampered.rawBody = Buffer.from(body.replace("request_accept", "request_decline"));
    expect(checkSlackRequest(tampered, SECRET, NOW_MS)).toMatchObject({ status: 401 });
    expect(checkSlackRequest(request(body, { headers: { "x-slack-request-timestamp": String(NOW_S + 1) } }), SECRET, NOW_MS)).toMatchObject({ status: 401 });
  });

  it("hands Bolt the parsed body of a request that passes", () => {
    const verdict = checkSlackRequest(request(command), SECRET, NOW_MS);
    expect(verdict).toMatchObject({ pass: true, body: { command: "/findmentor", text: "grants", user_id: "U1", team_id: "T1" } });
  });

  it("checks the signature before the envelope: an unsigned malformed request is 401, not 400", () => {
    expect(checkSlackRequest(request(interactionBody(click({ actions: "x" })), { secret: "nope" }), SECRET, NOW_MS)).toMatchObject({ status: 401 });
  });

  it("leaves Slack's unsigned ssl_check to Bolt", () => {
    const req = { headers: { "content-type": FORM }, rawBody: Buffer.from("ssl_check=1&token=x") } as unknown as BufferedIncomingMessage;
    expect(checkSlackRequest(req, SECRET, NOW_MS)).toEqual({ pass: true });
  });

  it("answers Slack's app_rate_limited notice itself, with 200", () => {
    const body = JSON.stringify({ token: "x", type: "app_rate_limited", team_id: "T1", minute_rate_limited: 1518467820, api_app_id: "A1" });
    expect(checkSlackRequest(request(body, { contentType: "application/json" }), SECRET, NOW_MS)).toMatchObject({ pass: false, status: 200, level: "warn" });
  });
});

describe("a Slack request's envelope", () => {
  it("passes what Slack sends: a button, a modal submission, a closed modal, a slash command, events and the URL check", () => {
    const pass = (body: string, contentType = FORM) => checkSlackRequest(request(body, { contentType }), SECRET, NOW_MS);
    expect(pass(interactionBody(click()))).toMatchObject({ pass: true });
    expect(pass(interactionBody(click({ team: null, user: { id: "U1", team_id: "T1" } })))).toMatchObject({ pass: true }); // org-wide install
    expect(pass(interactionBody(submission))).toMatchObject({ pass: true });
    expect(pass(interactionBody({ ...submission, type: "view_closed", trigger_id: undefined, is_cleared: false }))).toMatchObject({ pass: true });
    expect(pass(command)).toMatchObject({ pass: true });
    expect(pass(event({ type: "app_home_opened", user: "U1", tab: "home" }), "application/json")).toMatchObject({ pass: true });
    expect(pass(JSON.stringify({ type: "url_verification", challenge: "abc", token: "x" }), "application/json")).toMatchObject({ pass: true });
  });

  it("answers 400 to the malformed interactions of issue 12: unknown type, actions not an array, no user, no view", () => {
    const problem = (payload: Record<string, unknown>) => checkSlackRequest(request(interactionBody(payload)), SECRET, NOW_MS);
    expect(problem(click({ type: "block_actionz" }))).toMatchObject({ status: 400, fields: { type: "block_actionz", problem: expect.stringContaining("type:") } });
    expect(problem(click({ actions: { action_id: "x" } }))).toMatchObject({ status: 400, fields: { problem: expect.stringContaining("actions:") } });
    expect(problem(click({ user: undefined }))).toMatchObject({ status: 400, fields: { problem: expect.stringContaining("user:") } });
    expect(problem({ ...submission, view: undefined })).toMatchObject({ status: 400, fields: { problem: expect.stringContaining("view:") } });
    expect(problem({ ...submission, view: { id: "V1", callback_id: "admin_program", state: { values: { b: "not an object" } } } })).toMatchObject({ status: 400 });
  });

  it("answers 400 to a body that is not JSON, and never logs a payload's values", () => {
    const notJson = checkSlackRequest(request("payload=%7Bnope"), SECRET, NOW_MS);
    expect(notJson).toMatchObject({ status: 400 });
    const secretNote = checkSlackRequest(request(interactionBody(click({ actions: "PRIVATE NOTE TEXT" }))), SECRET, NOW_MS);
    expect(JSON.stringify(secretNote)).not.toContain("PRIVATE NOTE TEXT");
  });

  it("describes what is missing from a slash command or an event", () => {
    const form = new URLSearchParams(command);
    form.delete("response_url");
    expect(envelopeProblem(Object.fromEntries(form))).toContain("response_url");
    expect(envelopeProblem({ type: "event_callback", team_id: "T1", event: {} })).toContain("event.type");
    expect(envelopeProblem({ type: "event_callback", event: { type: "app_home_opened" } })).toContain("no workspace");
    expect(envelopeProblem("text")).toBe("the body is not an object");
  });
});
