import { describe, expect, it } from "vitest";
import type { WebClient } from "@slack/web-api";
import { botName, inviteCommand } from "../../src/slack/botName.js";

/** A client whose auth.test answers from a list, counting the calls. */
function client(answers: (() => Promise<{ user?: string }>)[]) {
  let calls = 0;
  const c = { auth: { test: () => answers[Math.min(calls++, answers.length - 1)]!() } } as unknown as WebClient;
  return { c, calls: () => calls };
}

describe("the app's name in invite texts", () => {
  it("is the bot user's name from auth.test, asked once per workspace", async () => {
    const slack = client([async () => ({ user: "mentoring-rounds" })]);
    expect(await botName(slack.c, "T-ONCE")).toBe("mentoring-rounds");
    expect(await botName(slack.c, "T-ONCE")).toBe("mentoring-rounds");
    expect(slack.calls()).toBe(1);
    expect(inviteCommand("mentoring-rounds")).toBe("/invite @mentoring-rounds");
  });

  it("falls back to Rounds when Slack cannot answer, and asks again next time", async () => {
    const slack = client([() => Promise.reject(new Error("ratelimited")), async () => ({ user: "rounds-bot" })]);
    expect(await botName(slack.c, "T-RETRY")).toBe("Rounds");
    expect(await botName(slack.c, "T-RETRY")).toBe("rounds-bot");
    expect(slack.calls()).toBe(2);
  });
});
