import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { createTestDatabase, type TestDatabase } from "../support/databases.js";
import { startApp, TEST_SIGNING_SECRET, type AppProcess } from "../support/appProcess.js";
import { eventBody, postToApp } from "../../src/slack/standin/requests.js";

const TEAM = "T0DMHELP";

/** Someone types a message to Rounds in its Messages tab (the message.im event, through the signed events endpoint). */
describe("a message typed to Rounds", () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;
  let seq = 0;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    slack.addUser({ id: "U0ASKER", teamId: TEAM, name: "Ana Asker" });
    database = await createTestDatabase("sqlite");
    app = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url });
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.stop();
    await database?.drop();
  });

  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;
  const dmEvent = (channel: string, extra: Record<string, unknown> = {}) => ({
    type: "message",
    channel,
    channel_type: "im",
    user: "U0ASKER",
    text: "hello? how do I find a mentor",
    ts: nextTs(),
    event_ts: nextTs(),
    ...extra,
  });
  const deliver = async (event: Record<string, unknown>, eventId?: string) => {
    const res = await postToApp(app.url, eventBody(TEAM, event, eventId), "json", { secret: TEST_SIGNING_SECRET });
    expect(res.status).toBe(200);
  };
  const answersIn = (channel: string) => slack.acceptedCallsTo("chat.postMessage").filter((c) => c.args.channel === channel);
  /** Long enough for the app to have answered, had it meant to (its outbox sends within a second). */
  const settle = () => new Promise((r) => setTimeout(r, 1500));

  it("gets a short answer naming what Rounds does and its three commands", async () => {
    await deliver(dmEvent("D0FIRST"));
    const [answer] = await slack.waitFor(() => (answersIn("D0FIRST").length ? answersIn("D0FIRST") : undefined));
    expect(answer!.args.text).toBe("Rounds works through three commands; messages typed here are not read.");
    const shown = JSON.stringify(answer!.args.blocks);
    for (const command of ["/findmentor", "/mentoring", "/mentoring-admin"]) expect(shown).toContain(`\`${command}\``);
    expect(shown).toContain("finding a mentor, check-ins, goals and meetings, pairing rounds");
    expect(shown).toContain("Home tab");
  });

  it("answers each message once, even when Slack delivers it again, and a second message again", async () => {
    const event = dmEvent("D0TWICE");
    await deliver(event, "EvTWICE0001");
    await deliver(event, "EvTWICE0001"); // Slack's retry: the same event id
    await deliver(event, "EvTWICE0002"); // the same message under another event id
    await slack.waitFor(() => (answersIn("D0TWICE").length ? true : undefined));
    await settle();
    expect(answersIn("D0TWICE")).toHaveLength(1);

    await deliver(dmEvent("D0TWICE", { text: "still there?" }));
    await slack.waitFor(() => (answersIn("D0TWICE").length === 2 ? true : undefined));
    await settle();
    expect(answersIn("D0TWICE")).toHaveLength(2);
  });

  it("leaves edits, deletions, bots' messages, its own messages and channel messages unanswered", async () => {
    await deliver(dmEvent("D0QUIET", { subtype: "message_changed", message: { text: "edited" } }));
    await deliver(dmEvent("D0QUIET", { subtype: "message_deleted" }));
    await deliver(dmEvent("D0QUIET", { subtype: "bot_message", bot_id: "BOTHER", user: undefined }));
    await deliver(dmEvent("D0QUIET", { bot_id: "BOTHER", user: "U0OTHERBOT" }));
    await deliver(dmEvent("D0QUIET", { user: slack.botUserId, bot_id: slack.botId }));
    await deliver(dmEvent("C0CHANNEL", { channel_type: "channel" }));
    // A real message afterwards is answered: once it is, the ones before it have had their turn.
    await deliver(dmEvent("D0AFTER"));
    await slack.waitFor(() => (answersIn("D0AFTER").length ? true : undefined));
    await settle();
    expect(answersIn("D0QUIET")).toEqual([]);
    expect(answersIn("C0CHANNEL")).toEqual([]);
    expect(app.output()).not.toMatch(/"level":(50|60)/);
  });
});
