import { LogLevel } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { meteredWebClient } from "../../src/metrics/slackApi.js";
import { registry } from "../../src/metrics/registry.js";

/** A series' value in /metrics (0 when absent). */
async function value(series: string): Promise<number> {
  const line = (await registry.metrics()).split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

describe("Slack Web API calls in /metrics", () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
  });

  it("counts each call by client, method and outcome: ok, a refusal (error), a 429 given back to the caller (rate_limited)", async () => {
    const outbox = meteredWebClient("outbox-test", "xoxb-test", { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
    await outbox.chat.postMessage({ channel: "U0ANA", text: "hello" });
    slack.failNext("chat.postMessage", { error: "channel_not_found" });
    await expect(outbox.chat.postMessage({ channel: "C0GONE", text: "hello" })).rejects.toThrow("channel_not_found");
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    await expect(outbox.chat.postMessage({ channel: "U0ANA", text: "again" })).rejects.toMatchObject({ code: "slack_webapi_rate_limited_error" });

    const series = (outcome: string) => `rounds_slack_api_calls_total{client="outbox-test",method="chat.postMessage",outcome="${outcome}"}`;
    expect(await value(series("ok"))).toBe(1);
    expect(await value(series("error"))).toBe(1);
    expect(await value(series("rate_limited"))).toBe(1);
    expect(await value(`rounds_slack_api_rate_limited_total{client="outbox-test",method="chat.postMessage"}`)).toBe(1);
    expect(slack.messagesIn("U0ANA").map((m) => m.text)).toEqual(["hello"]);
  });

  it("counts a 429 that a retrying client waited out, and the call as ok", async () => {
    const jobs = meteredWebClient("jobs-test", "xoxb-test", { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR });
    slack.failNext("conversations.open", { status: 429, retryAfter: 1 });
    const opened = await jobs.conversations.open({ users: "U0ANA,U0BEN" });
    expect(opened.ok).toBe(true);
    expect(await value(`rounds_slack_api_calls_total{client="jobs-test",method="conversations.open",outcome="ok"}`)).toBe(1);
    expect(await value(`rounds_slack_api_rate_limited_total{client="jobs-test",method="conversations.open"}`)).toBe(1);
  }, 20_000);
});
