import { describe, expect, it } from "vitest";
import { stepTarget, tickMoments } from "../../src/playground/clock.js";

const NY = "America/New_York";

describe("the Playground's clock steps", () => {
  // Monday 7 Dec 2026, 02:38 in New York.
  const monday = new Date("2026-12-07T07:38:00Z");

  it("+1 day is 24 hours of the program's calendar later", () => {
    expect(stepTarget(monday, "day", NY).toISOString()).toBe("2026-12-08T07:38:00.000Z");
  });

  it("the next working morning is 10:15 the same day when it is still early, and skips the weekend", () => {
    expect(stepTarget(monday, "morning", NY).toISOString()).toBe("2026-12-07T15:15:00.000Z");
    const fridayAfternoon = new Date("2026-12-11T20:00:00Z");
    expect(stepTarget(fridayAfternoon, "morning", NY).toISOString()).toBe("2026-12-14T15:15:00.000Z");
  });

  it("+1 week and +1 month land on the first working morning at least that far ahead, after the DMs of 10:00 went out", () => {
    expect(stepTarget(monday, "week", NY).toISOString()).toBe("2026-12-14T15:15:00.000Z");
    // 7 Jan 2027 is a Thursday; 2 p.m. is past the morning, so Friday 8 Jan.
    expect(stepTarget(new Date("2026-12-07T19:00:00Z"), "month", NY).toISOString()).toBe("2027-01-08T15:15:00.000Z");
  });

  it("a jump runs the jobs every hour on the way and once at the end", () => {
    const from = new Date("2026-12-07T00:00:00Z");
    const moments = tickMoments(from, new Date("2026-12-07T03:30:00Z"));
    expect(moments.map((m) => m.toISOString())).toEqual(["2026-12-07T01:00:00.000Z", "2026-12-07T02:00:00.000Z", "2026-12-07T03:00:00.000Z", "2026-12-07T03:30:00.000Z"]);
  });
});
