import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverAnnouncement, seedAnnouncement, startTwoInstances, stopDeliveryWorld, type DeliveryWorld } from "../support/twoInstanceDelivery.js";

/**
 * Two instances of Rounds share one PostgreSQL database and deliver an announcement with "also DM
 * every member" while Slack answers slowly and sometimes with 429 or internal_error (half of those
 * posted all the same). Every member gets exactly one DM; nothing is lost, also when one instance
 * is killed mid-way. The timings of the same runs at full size: bench/delivery.ts.
 */
const ENV = {
  OUTBOX_RATE_PER_SECOND: "50",
  OUTBOX_CONCURRENCY: "10",
  // Slack calls time out after half of it (10 s), far above the fake's slowest answer.
  OUTBOX_RECLAIM_AFTER_SECONDS: "20",
  LOG_LEVEL: "warn",
};

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("delivery from two instances on PostgreSQL", () => {
  let w: DeliveryWorld;

  beforeAll(async () => {
    w = await startTwoInstances({ ...ENV, LOG_LEVEL: "info" });
  }, 60_000);

  afterAll(async () => {
    await stopDeliveryWorld(w ?? {});
  });

  it("an announcement DMed to 40 members, Slack taking 1–4 s a post: each member gets it exactly once", async () => {
    const id = await seedAnnouncement(w, 40, "Grand rounds moved to Thursday");
    const report = await deliverAnnouncement(w, id, 40, { flaky: { minMs: 1000, maxMs: 4000, rateLimitedOneIn: 15, internalErrorOneIn: 15, seed: 40 }, timeoutMs: 90_000 });
    expect(report.channelPosts).toBe(1);
    expect(report.dmsPerMember).toEqual(Array(40).fill(1));
  }, 120_000);

  it("an announcement DMed to 200 members with one instance killed (kill -9) mid-way: each member gets it exactly once, and what it never attempted goes out at once from the other", async () => {
    const id = await seedAnnouncement(w, 200, "Journal club: new time");
    const report = await deliverAnnouncement(w, id, 200, {
      flaky: { minMs: 100, maxMs: 400, rateLimitedOneIn: 25, internalErrorOneIn: 25, seed: 200 },
      killAfterDms: 60,
      timeoutMs: 90_000,
    });
    expect(report.channelPosts).toBe(1);
    expect(report.dmsPerMember).toEqual(Array(200).fill(1));
    const k = report.killed!;
    const said = JSON.stringify({ ...k, internalErrors: report.internalErrors });
    // The killed instance held only the sends it had in flight (at most its OUTBOX_CONCURRENCY), never a batch.
    expect(k.inFlight, said).toBeLessThanOrEqual(10);
    expect(k.neverAttempted, said).toBeGreaterThan(100);
    // Only those in flight, and posts Slack answered with internal_error, are looked up in their conversation.
    expect(k.readBacks, said).toBeLessThanOrEqual(k.inFlight + report.internalErrors);
    // Never-attempted DMs did not wait for the 20 s reclaim window: the survivor went on with them at
    // once, and all were out before the window ended (at the shared 50/s, even on a busy machine).
    expect(k.neverAttemptedFirstMs, said).toBeLessThan(5_000);
    expect(k.neverAttemptedDoneMs, said).toBeLessThan(20_000);
  }, 150_000);
});
