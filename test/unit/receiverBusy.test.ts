import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { App, HTTPReceiver, ReceiverEvent } from "@slack/bolt";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackReceiver } from "../../src/slack/receiver.js";
import { boltLogger } from "../../src/logger.js";
import { BUSY_TEXT, busyAnswer, turnAwayWhenBusy } from "../../src/slack/busy.js";
import { WorkQueue } from "../../src/slack/workQueue.js";
import { registry } from "../../src/metrics/registry.js";
import { interactionBody, signedHeaders, slashCommandBody } from "../../src/slack/standin/requests.js";

/**
 * The HTTP receiver answers a slash command "very busy" itself, before Bolt, while the after-ack work
 * is backlogged: only once the request has passed every check Bolt's path makes (timestamp,
 * signature, envelope), only for the app's own commands, and with the very answer Bolt's ack gives.
 */

const SECRET = "receiver-busy-secret";
const FORM = "application/x-www-form-urlencoded";
const logger = pino({ level: "silent" });

const command = (over: { command?: string; userId?: string } = {}) =>
  slashCommandBody({ command: over.command ?? "/findmentor", text: "grants", userId: over.userId ?? "U1", teamId: "T1", responseUrl: "https://hooks.slack.com/commands/T1/1/x", triggerId: "1.2" });
const click = interactionBody({
  type: "block_actions",
  team: { id: "T1", domain: "x" },
  user: { id: "U1", team_id: "T1" },
  trigger_id: "1.2.3",
  response_url: "https://hooks.slack.com/actions/T1/1/x",
  actions: [{ type: "button", action_id: "request_accept", block_id: "b", value: "v", action_ts: "1" }],
});

const busyMetric = async () => {
  const line = (await registry.getSingleMetricAsString("rounds_slack_busy_answers_total")).split("\n").find((l) => l.startsWith('rounds_slack_busy_answers_total{queue="after_ack"}'));
  return Number(line!.split(" ").at(-1));
};

interface Running {
  url: string;
  server: Server;
  /** Bodies Bolt was given to dispatch. */
  dispatched: unknown[];
}

/** The receiver on a real HTTP server, in front of a stand-in for Bolt's App that acks what it is given as the pipeline would. */
async function start(answerAtOnce: ((body: unknown) => object | undefined) | undefined, work: WorkQueue): Promise<Running> {
  const receiver = slackReceiver({ signingSecret: SECRET, appToken: undefined, port: 0, customRoutes: [], clientOptions: {}, logger, boltLogger: boltLogger(logger), ...(answerAtOnce ? { answerAtOnce } : {}) }) as HTTPReceiver;
  const dispatched: unknown[] = [];
  const app = {
    processEvent: async (event: ReceiverEvent) => {
      dispatched.push(event.body);
      // What the command pipeline acks with (pipeline.ts): "very busy" while backlogged, else empty.
      await event.ack(work.backlogged && "command" in (event.body as object) ? busyAnswer() : undefined);
    },
  };
  receiver.init(app as unknown as App);
  const server = createServer((req, res) => receiver.requestListener(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, server, dispatched };
}

async function post(url: string, body: string, o: { secret?: string; timestamp?: number } = {}) {
  const res = await fetch(url, { method: "POST", headers: signedHeaders(body, FORM, { secret: o.secret ?? SECRET, ...(o.timestamp ? { timestamp: o.timestamp } : {}) }), body });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

describe("a slash command while the after-ack work is backlogged, over HTTP", () => {
  const work = new WorkQueue(1, logger);
  let early: Running;
  let viaBolt: Running;
  let release!: () => void;

  beforeAll(async () => {
    work.run("blocker", () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setImmediate(r));
    while (!work.backlogged) work.run("filler", async () => undefined);
    early = await start(
      turnAwayWhenBusy(work, (name) => name === "/findmentor"),
      work,
    );
    viaBolt = await start(undefined, work);
  });

  afterAll(async () => {
    release();
    await work.drain(2_000);
    for (const r of [early, viaBolt]) await new Promise((resolve) => r.server.close(resolve));
  });

  it("is answered 'very busy' by the receiver, byte for byte what Bolt's ack answers, without reaching Bolt, and counted", async () => {
    const before = await busyMetric();
    const answered = await post(early.url, command());
    expect(answered).toEqual({ status: 200, type: "application/json", text: JSON.stringify({ response_type: "ephemeral", text: BUSY_TEXT }) });
    expect(early.dispatched).toEqual([]);
    expect(await busyMetric()).toBe(before + 1);

    const throughBolt = await post(viaBolt.url, command());
    expect(viaBolt.dispatched).toHaveLength(1);
    expect(throughBolt).toEqual(answered);
  });

  it("refuses a forged or stale command with 401 and a malformed one with 400, never with the busy answer", async () => {
    const before = await busyMetric();
    const forged = await post(early.url, command(), { secret: "not-the-secret" });
    expect(forged).toEqual({ status: 401, type: null, text: "" });
    const stale = await post(early.url, command(), { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const noUser = await post(early.url, command({ userId: "" }));
    expect(noUser.status).toBe(400);
    expect([forged.text, stale.text, noUser.text].join("")).not.toContain("very busy");
    expect(early.dispatched).toEqual([]);
    expect(await busyMetric()).toBe(before);
  });

  it("leaves to Bolt what is not one of the app's commands: an unknown command, a button", async () => {
    await post(early.url, command({ command: "/nosuchcommand" }));
    const pressed = await post(early.url, click);
    expect(pressed).toMatchObject({ status: 200, text: "" });
    expect(early.dispatched.map((b) => (b as { command?: string; type?: string }).command ?? (b as { type: string }).type)).toEqual(["/nosuchcommand", "block_actions"]);
    early.dispatched.length = 0;
  });

  it("goes to Bolt as usual once the work has caught up", async () => {
    release();
    await work.drain(2_000);
    expect(work.backlogged).toBe(false);
    const acked = await post(early.url, command());
    expect(acked).toMatchObject({ status: 200, text: "" });
    expect(early.dispatched).toHaveLength(1);
    expect((early.dispatched[0] as { command: string }).command).toBe("/findmentor");
  });
});
