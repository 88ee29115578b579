import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/slack/pacer.js";

/** A pacer on a fake clock: sleeping moves the clock; `send` records when each call was let through. */
function pacedOnFakeClock(perSecond: number) {
  let now = 0;
  const sleeps: number[] = [];
  const pacer = new Pacer(
    perSecond,
    () => now,
    async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  );
  const sent: { channel: string; at: number }[] = [];
  return {
    sleeps,
    sent,
    advance: (ms: number) => (now += ms),
    async send(channel: string) {
      await pacer.wait(channel);
      sent.push({ channel, at: now });
    },
  };
}

describe("the Slack call pacer", () => {
  it("spaces calls across all channels 1000/perSecond ms apart", async () => {
    const p = pacedOnFakeClock(4);
    for (const channel of ["C1", "C2", "C3", "C4", "C5"]) await p.send(channel);
    expect(p.sent.map((s) => s.at)).toEqual([0, 250, 500, 750, 1000]);
  });

  it("lets the first call through without sleeping", async () => {
    const p = pacedOnFakeClock(1);
    await p.send("C1");
    expect(p.sleeps).toEqual([]);
  });

  it("spaces calls into the same channel at least 1000 ms apart, however high the global rate", async () => {
    const p = pacedOnFakeClock(100);
    for (let i = 0; i < 3; i += 1) await p.send("C1");
    expect(p.sent.map((s) => s.at)).toEqual([0, 1000, 2000]);
  });

  it("does not hold different channels to the per-channel spacing", async () => {
    const p = pacedOnFakeClock(10);
    await p.send("C1");
    await p.send("C2");
    await p.send("C3");
    await p.send("C1");
    expect(p.sent).toEqual([
      { channel: "C1", at: 0 },
      { channel: "C2", at: 100 },
      { channel: "C3", at: 200 },
      { channel: "C1", at: 1000 },
    ]);
  });

  it("does not wait when enough time has already passed", async () => {
    const p = pacedOnFakeClock(2);
    await p.send("C1");
    p.advance(5000);
    await p.send("C1");
    expect(p.sleeps).toEqual([]);
    expect(p.sent.map((s) => s.at)).toEqual([0, 5000]);
  });
});
