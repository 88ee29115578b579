import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import { isAvailable, pauseState, pauseUntil, todayIn } from "../../src/domain/availability.js";

const now = new Date("2026-11-21T22:00:00Z"); // 16:00 in Chicago, already 22 Nov in Tokyo

describe("pausing", () => {
  it("pauses until the end of the chosen day in the person's own time zone", () => {
    const r = pauseUntil("2027-01-15", "America/Chicago", now);
    expect(r).toEqual({ ok: true, until: new Date("2027-01-16T05:59:59.999Z") });
  });

  it("accepts today but refuses a day already past where the person is", () => {
    expect(pauseUntil("2026-11-21", "America/Chicago", now).ok).toBe(true);
    expect(pauseUntil("2026-11-20", "America/Chicago", now)).toEqual({ ok: false, reason: "past" });
    expect(todayIn("Asia/Tokyo", now)).toBe("2026-11-22");
    expect(pauseUntil("2026-11-21", "Asia/Tokyo", now)).toEqual({ ok: false, reason: "past" });
  });

  it("refuses text that is not a calendar date", () => {
    for (const text of ["tomorrow", "2027-13-01", "2027-02-30", "15/01/2027", ""]) {
      expect(pauseUntil(text, "UTC", now)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("falls back to UTC for a time zone it does not know", () => {
    expect(pauseUntil("2027-01-15", "Not/AZone", now)).toEqual({ ok: true, until: new Date("2027-01-15T23:59:59.999Z") });
  });

  it("describes the pause by its last day in the person's zone, or as until-resumed", () => {
    const until = new Date("2027-01-16T05:59:59.999Z");
    expect(pauseState({ pausedAt: now, pausedUntil: until }, "America/Chicago", now)).toEqual({ kind: "paused", until: "2027-01-15" });
    expect(pauseState({ pausedAt: now, pausedUntil: null }, "America/Chicago", now)).toEqual({ kind: "paused", until: null });
    expect(pauseState({ pausedAt: null, pausedUntil: null }, "America/Chicago", now)).toEqual({ kind: "available" });
  });

  it("a person paused until a day is unavailable through that whole day and available right after, in any zone", () => {
    const zones = ["UTC", "America/Chicago", "Asia/Kolkata", "Pacific/Auckland", "America/St_Johns"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 400 }), (tz, days) => {
        const day = DateTime.fromJSDate(now, { zone: tz }).plus({ days }).toISODate()!;
        const r = pauseUntil(day, tz, now);
        if (!r.ok) return false;
        const pause = { pausedAt: now, pausedUntil: r.until };
        const lastMinute = DateTime.fromISO(day, { zone: tz }).set({ hour: 23, minute: 59 }).toJSDate();
        const nextMorning = DateTime.fromISO(day, { zone: tz }).plus({ days: 1 }).toJSDate();
        return !isAvailable(pause, now) && !isAvailable(pause, lastMinute) && isAvailable(pause, nextMorning);
      }),
    );
  });
});
