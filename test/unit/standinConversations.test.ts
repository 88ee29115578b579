import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { OpenViews } from "../../src/playground/views.js";
import { SharedFiles, snapshot } from "../../src/playground/snapshot.js";

/** What replies to a response_url and the view methods do to what people see, as in Slack (the Playground draws it). */
describe("the Slack stand-in's conversations", () => {
  let slack: FakeSlack;
  let views: OpenViews;
  const api = (method: string, args: Record<string, unknown>) =>
    fetch(`${slack.apiUrl}${method}`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" }, body: JSON.stringify(args) }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const reply = (url: string, body: Record<string, unknown>) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    views = new OpenViews(slack);
  });
  afterAll(() => slack.stop());

  it("a reply to a slash command's response_url is an ephemeral message only its person sees; in_channel posts for everyone", async () => {
    const url = slack.responseUrl("cmd-1", { user: "U0ANA", channel: "C0GENERAL" });
    await reply(url, { text: "Mentors for you" });
    expect(slack.ephemeralsFor("U0ANA").map((e) => [e.channel, e.text])).toEqual([["C0GENERAL", "Mentors for you"]]);
    expect(slack.ephemeralsFor("U0BEN")).toEqual([]);
    await reply(slack.responseUrl("cmd-2", { user: "U0ANA", channel: "C0GENERAL" }), { text: "Everyone sees this", response_type: "in_channel" });
    expect(slack.messagesIn("C0GENERAL").map((m) => m.text)).toEqual(["Everyone sees this"]);
  });

  it("replace_original replaces the message the button was on and delete_original removes it; chat.update marks it edited", async () => {
    const posted = (await api("chat.postMessage", { channel: "U0IRIS", text: "Ana asks you to be their mentor" })) as { ts: string; channel: string };
    await reply(slack.responseUrl("act-1", { user: "U0IRIS", channel: posted.channel, ts: posted.ts }), { replace_original: true, text: "You accepted" });
    expect(slack.messagesIn("U0IRIS").map((m) => [m.text, m.edited])).toEqual([["You accepted", true]]);
    const second = (await api("chat.postMessage", { channel: "U0IRIS", text: "A reminder" })) as { ts: string; channel: string };
    await api("chat.update", { channel: second.channel, ts: second.ts, text: "A reminder (answered)" });
    expect(slack.messagesIn("U0IRIS").at(-1)).toMatchObject({ text: "A reminder (answered)", edited: true });
    await reply(slack.responseUrl("act-2", { user: "U0IRIS", channel: posted.channel, ts: posted.ts }), { delete_original: true });
    expect(slack.messagesIn("U0IRIS").map((m) => m.text)).toEqual(["A reminder (answered)"]);
  });

  it("keeps each person's modal stack: open, push, update in place, and a submission's update, errors and clear", async () => {
    views.issued("1700000000000.1.a", "U0DIR");
    slack.expectRefusal({ method: "views.open", error: "expired_trigger_id" });
    await api("views.open", { trigger_id: "1700000000000.1.a", view: { type: "modal", title: { type: "plain_text", text: "Old" }, blocks: [] } });
    expect(views.stack("U0DIR")).toEqual([]); // Slack refused the stale trigger: nothing opened
    // The Playground page shows the refusal as a warning instead.
    const seen = snapshot(slack, views, new SharedFiles(slack, Date.now), "U0DIR", new Date());
    expect(seen.warnings).toContainEqual({ method: "views.open", error: "expired_trigger_id", messages: [expect.stringContaining("after it was issued")] });

    const trigger = `${Date.now()}.2.b`;
    views.issued(trigger, "U0DIR");
    const opened = (await api("views.open", { trigger_id: trigger, view: { type: "modal", callback_id: "round", title: { type: "plain_text", text: "New round" }, blocks: [] } })) as { view: { id: string } };
    const pushTrigger = `${Date.now()}.3.c`;
    views.issued(pushTrigger, "U0DIR");
    await api("views.push", { trigger_id: pushTrigger, view: { type: "modal", callback_id: "pick", title: { type: "plain_text", text: "Pick" }, blocks: [] } });
    expect(views.stack("U0DIR").map((v) => v.callback_id)).toEqual(["round", "pick"]);
    await api("views.update", { view_id: opened.view.id, view: { type: "modal", callback_id: "round2", title: { type: "plain_text", text: "New round" }, blocks: [] } });
    expect(views.stack("U0DIR").map((v) => v.callback_id)).toEqual(["round2", "pick"]);

    views.afterSubmission("U0DIR", { response_action: "errors", errors: { name: "Give the round a name." } });
    expect(views.errorsOf("U0DIR")).toEqual({ name: "Give the round a name." });
    views.afterSubmission("U0DIR", { response_action: "update", view: { type: "modal", callback_id: "done", blocks: [] } });
    expect(views.stack("U0DIR").map((v) => v.callback_id)).toEqual(["round2", "done"]);
    expect(views.errorsOf("U0DIR")).toEqual({});
    views.afterSubmission("U0DIR", null);
    expect(views.stack("U0DIR").map((v) => v.callback_id)).toEqual(["round2"]);
    views.afterSubmission("U0DIR", { response_action: "clear" });
    expect(views.stack("U0DIR")).toEqual([]);
  });
});
