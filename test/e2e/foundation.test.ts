import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases.js";
import { startApp, TEST_SIGNING_SECRET, type AppProcess } from "../support/appProcess.js";
import { eventBody, postToApp, slashCommandBody } from "../../src/slack/standin/requests.js";

const TEAM = "T0FOUNDATION";

describe.each(testProviders)("the running app on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let app: AppProcess;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    slack.addUser({ id: "U0TRAINEE", teamId: TEAM, name: "Ana Trainee", tz: "America/Chicago", email: "ana@example.org" });
    slack.addUser({ id: "U0ADMIN", teamId: TEAM, name: "Dr. Admin", isAdmin: true });
    database = await createTestDatabase(provider);
    app = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url });
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.stop();
    await database?.drop();
  });

  const command = (command: string, userId: string, id: string, extra: { triggerId?: string; retryNum?: number; timestamp?: number; secret?: string } = {}) =>
    postToApp(
      app.url,
      slashCommandBody({ command, userId, teamId: TEAM, responseUrl: slack.responseUrl(id), ...(extra.triggerId ? { triggerId: extra.triggerId } : {}) }),
      "form",
      { secret: extra.secret ?? TEST_SIGNING_SECRET, ...(extra.retryNum !== undefined ? { retryNum: extra.retryNum } : {}), ...(extra.timestamp ? { timestamp: extra.timestamp } : {}) },
    );

  it("answers /healthz with the database status", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("acks a signed /findmentor at once and tells a newcomer how to join", async () => {
    const res = await command("/findmentor", "U0TRAINEE", "find-1");
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === "find-1"));
    expect(reply.body.response_type).toBe("ephemeral");
    expect(reply.body.text).toBe("You're not in a mentoring program yet.");
    expect(JSON.stringify(reply.body.blocks)).toContain("Ask your program director to add you");
  });

  it("creates the member from users.info on first contact, then uses the stored profile", async () => {
    const before = slack.callsTo("users.info").filter((c) => c.args.user === "U0TRAINEE").length;
    await command("/mentoring", "U0TRAINEE", "hub-1");
    await slack.waitFor(() => slack.responses.find((r) => r.id === "hub-1"));
    const after = slack.callsTo("users.info").filter((c) => c.args.user === "U0TRAINEE").length;
    expect(before).toBe(1);
    expect(after).toBe(1);
  });

  it("refuses /mentoring-admin to a non-director politely, and helps a Slack admin", async () => {
    await command("/mentoring-admin", "U0TRAINEE", "admin-refused");
    const refused = await slack.waitFor(() => slack.responses.find((r) => r.id === "admin-refused"));
    expect(refused.body.text).toBe("Only program directors can use /mentoring-admin.");
    await command("/mentoring-admin", "U0ADMIN", "admin-ok");
    const ok = await slack.waitFor(() => slack.responses.find((r) => r.id === "admin-ok"));
    expect(ok.body.text).toBe("Program administration: /mentoring-admin");
  });

  it("rejects a request with a bad signature with 401 and does nothing", async () => {
    const res = await command("/findmentor", "U0TRAINEE", "bad-sig", { secret: "not-the-secret" });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.responses.some((r) => r.id === "bad-sig")).toBe(false);
  });

  it("rejects a request signed more than 5 minutes ago with 401", async () => {
    const res = await command("/findmentor", "U0TRAINEE", "stale", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.responses.some((r) => r.id === "stale")).toBe(false);
  });

  it("publishes the Home tab when app_home_opened arrives", async () => {
    const res = await postToApp(app.url, eventBody(TEAM, { type: "app_home_opened", user: "U0ADMIN", channel: "D0ADMIN", tab: "home" }), "json", {
      secret: TEST_SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    const publish = await slack.waitFor(() => slack.callsTo("views.publish").find((c) => c.args.user_id === "U0ADMIN"));
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(JSON.stringify(view.blocks)).toContain("Welcome, Dr. Admin.");
    expect(JSON.stringify(view.blocks)).toContain("Programs you direct");
  });

  it("does not repeat a command's side effects when Slack retries the same delivery", async () => {
    const triggerId = "13345224609.738474920.8088930838d88f008e0";
    const first = await command("/findmentor", "U0TRAINEE", "retry-1", { triggerId });
    const retry = await command("/findmentor", "U0TRAINEE", "retry-1", { triggerId, retryNum: 1 });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    await slack.waitFor(() => slack.responses.find((r) => r.id === "retry-1"));
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.responses.filter((r) => r.id === "retry-1")).toHaveLength(1);
  });

  it("does not repeat an event's side effects when Slack retries it", async () => {
    const body = eventBody(TEAM, { type: "app_home_opened", user: "U0TRAINEE", channel: "D0T", tab: "home" }, "Ev0RETRIED01");
    const before = slack.callsTo("views.publish").length;
    await postToApp(app.url, body, "json", { secret: TEST_SIGNING_SECRET });
    await postToApp(app.url, body, "json", { secret: TEST_SIGNING_SECRET, retryNum: 1 });
    await slack.waitFor(() => slack.callsTo("views.publish").length > before);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsTo("views.publish").length).toBe(before + 1);
  });

  it("stops cleanly on SIGTERM with exit code 0", async () => {
    const other = await startApp({ slackApiUrl: slack.apiUrl, databaseUrl: database.url });
    expect(await other.stop("SIGTERM")).toBe(0);
    expect(other.output()).toContain('"msg":"stopped"');
  });
});
