import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { WorkQueue } from "../../src/slack/workQueue.js";
import { BUSY_TEXT, Interactions } from "../../src/slack/interaction/pipeline.js";
import type { ListenerRouter } from "../../src/slack/router.js";
import type { ListenerDeps } from "../../src/slack/deps.js";
import { registry } from "../../src/metrics/registry.js";
import { watchWorkQueue } from "../../src/metrics/slack.js";

/** A metric's value (the series starting with `series`), as /metrics would show it. */
const metric = async (series: string) => {
  const name = series.replace(/\{.*/, "");
  const line = (await registry.getSingleMetricAsString(name)).split("\n").find((l) => l.startsWith(`${series} `) || l.startsWith(`${series}{`));
  return Number(line!.split(" ").at(-1));
};

describe("commands when the after-ack work is far behind", () => {
  it("are answered 'very busy, try again' in the ack itself and not queued; others are queued as usual", async () => {
    const work = new WorkQueue(1, pino({ level: "silent" }));
    let release!: () => void;
    work.run("blocker", () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setImmediate(r));
    const deps = { work, logger: pino({ level: "silent" }) } as unknown as ListenerDeps;
    let command!: (args: unknown) => Promise<void>;
    const router = { command: (_name: string, handler: typeof command) => void (command = handler) } as unknown as ListenerRouter;
    new Interactions(router, deps).command({ command: "/findmentor", who: "anyone" }, async () => undefined);
    const acks: unknown[] = [];
    const args = () => ({ ack: async (body?: unknown) => void acks.push(body), command: { command: "/findmentor", trigger_id: "t", team_id: "T" }, respond: async () => undefined, context: {} });

    while (!work.backlogged) work.run("filler", async () => undefined);
    const waiting = work.pending;
    watchWorkQueue(work);
    const busyBefore = await metric('rounds_slack_busy_answers_total{queue="after_ack"}');
    await command(args());
    expect(acks).toEqual([{ response_type: "ephemeral", text: BUSY_TEXT }]);
    expect(work.pending).toBe(waiting); // nothing was added to the queue
    // What the operator's dashboard shows: one "very busy" answer, and the queue's depth.
    expect(await metric('rounds_slack_busy_answers_total{queue="after_ack"}')).toBe(busyBefore + 1);
    expect(await metric("rounds_after_ack_queue_depth")).toBe(waiting);

    release();
    await work.drain(2_000);
    expect(work.backlogged).toBe(false);
    await command(args());
    expect(acks[1]).toBeUndefined(); // a plain ack
    expect(work.pending).toBe(1); // queued
    expect(await metric('rounds_slack_busy_answers_total{queue="after_ack"}')).toBe(busyBefore + 1);
  });
});
