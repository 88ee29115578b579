import { performance } from "node:perf_hooks";
import { Counter, Gauge, Histogram } from "prom-client";
import { registry } from "./registry.js";

/** What Slack sees: how long from its request arriving to Rounds' ack (Slack gives up after 3 s). */
const ackSeconds = new Histogram({
  name: "rounds_slack_ack_seconds",
  help: "Time from a Slack request arriving to its acknowledgement (Slack waits 3 s at most)",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
  registers: [registry],
});

/** Starts timing one request; call the result when it is acknowledged. */
export function ackTimer(): () => void {
  const started = performance.now();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    ackSeconds.observe((performance.now() - started) / 1000);
  };
}

/**
 * People answered "Rounds is very busy right now": a slash command turned away because the
 * after-ack queue was full (`after_ack`), or a /findmentor search because the search workers' queue was (`search`).
 */
export const busyAnswers = new Counter({
  name: "rounds_slack_busy_answers_total",
  help: 'Answers of "Rounds is very busy right now" by the queue that was full: after_ack (slash commands), search (/findmentor searches)',
  labelNames: ["queue"] as const,
  registers: [registry],
});
busyAnswers.inc({ queue: "after_ack" }, 0);
busyAnswers.inc({ queue: "search" }, 0);

let queue: { readonly pending: number } | null = null;

new Gauge({
  name: "rounds_after_ack_queue_depth",
  help: "Pieces of after-ack work queued or running",
  registers: [registry],
  collect() {
    this.set(queue?.pending ?? 0);
  },
});

/** The after-ack work queue whose depth the gauge reports. */
export function watchWorkQueue(work: { readonly pending: number }): void {
  queue = work;
}
