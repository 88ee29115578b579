import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { respondVia, responseUrlOf } from "../../src/slack/responseUrl.js";
import { failureKind, slackErrorOf } from "../../src/slack/errorText.js";

/** What Slack's response_url receives from respond(), and what respond() does with Slack's answer. */
describe("posting to a response_url", () => {
  let server: Server;
  let base: string;
  const seen: { method: string; url: string; type: string | undefined; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let raw = "";
      req.on("data", (d: Buffer) => (raw += d.toString()));
      req.on("end", () => {
        seen.push({ method: req.method!, url: req.url!, type: req.headers["content-type"], body: JSON.parse(raw) });
        const status = req.url!.includes("expired") ? 404 : 200;
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(status === 200 ? "ok" : "expired_url");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("posts the message as JSON, as Bolt's respond() does, a string as { text }, over one kept-open connection", async () => {
    const respond = respondVia(`${base}/commands/T1/1/abc`);
    const message = { response_type: "ephemeral" as const, text: "Mentors for you", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*Dr. A*" } }] };
    const answer = await respond(message);
    await respond("plain words");
    expect(answer.status).toBe(200);
    expect(seen.slice(-2)).toEqual([
      { method: "POST", url: "/commands/T1/1/abc", type: "application/json", body: message },
      { method: "POST", url: "/commands/T1/1/abc", type: "application/json", body: { text: "plain words" } },
    ]);
  });

  it("fails as Bolt's does when the response_url no longer answers: code slack_bolt_respond_error with the status, logged as gone", async () => {
    const error = await respondVia(`${base}/commands/expired`)("late").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "slack_bolt_respond_error", statusCode: 404, message: "Failed to respond to the response_url: 404 Not Found" });
    expect(slackErrorOf(error)).toBe("response_url_404");
    expect(failureKind(error)).toBe("gone");
  });

  it("fails when nothing listens there", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(respondVia(`http://127.0.0.1:${port}/x`)("hello")).rejects.toThrow();
  });

  it("finds the response_url where Bolt does: a command's or button's, else a modal's first", () => {
    expect(responseUrlOf({ response_url: "https://hooks.slack.com/commands/1" })).toBe("https://hooks.slack.com/commands/1");
    expect(responseUrlOf({ response_urls: [{ response_url: "https://hooks.slack.com/app/2" }] })).toBe("https://hooks.slack.com/app/2");
    expect(responseUrlOf({ type: "view_submission", response_urls: [] })).toBeUndefined();
    expect(responseUrlOf(null)).toBeUndefined();
  });
});
