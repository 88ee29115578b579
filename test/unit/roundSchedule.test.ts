import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import { localInstant, nextOccurrence, nextOccurrences, plusLocalDays, scheduleProblem } from "../../src/domain/roundSchedule.js";
import { planWhen, roundFormSchema } from "../../src/domain/roundOptions.js";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd ccc HH:mm ZZ");

describe("next occurrence of a round's schedule", () => {
  it("Mondays at 09:00 in New York stay 09:00 local across both DST changes", () => {
    const runs = nextOccurrences("0 9 * * 1", "America/New_York", new Date("2026-02-25T00:00:00Z"), 3);
    expect(runs.map((r) => local(r, "America/New_York"))).toEqual([
      "2026-03-02 Mon 09:00 -05:00",
      "2026-03-09 Mon 09:00 -04:00",
      "2026-03-16 Mon 09:00 -04:00",
    ]);
    const autumn = nextOccurrences("0 9 * * 1", "America/New_York", new Date("2026-10-27T00:00:00Z"), 2);
    expect(autumn.map((r) => local(r, "America/New_York"))).toEqual(["2026-11-02 Mon 09:00 -05:00", "2026-11-09 Mon 09:00 -05:00"]);
    expect(autumn[1]!.getTime() - autumn[0]!.getTime()).toBe(7 * 24 * 3_600_000);
  });

  it("a time inside the spring-forward gap moves forward by the gap instead of skipping the day", () => {
    const next = nextOccurrence("30 2 * * 0", "America/New_York", new Date("2026-03-07T12:00:00Z"));
    expect(local(next!, "America/New_York")).toBe("2026-03-08 Sun 03:30 -04:00");
    expect(iso(nextOccurrence("30 2 * * 0", "America/New_York", next!))).toBe("2026-03-15T06:30:00.000Z");
  });

  it("a time that happens twice when clocks fall back fires once, at the earlier instant", () => {
    const first = nextOccurrence("30 1 * * *", "America/New_York", new Date("2026-10-31T12:00:00Z"));
    expect(iso(first)).toBe("2026-11-01T05:30:00.000Z"); // 01:30 EDT
    const second = nextOccurrence("30 1 * * *", "America/New_York", first!);
    expect(local(second!, "America/New_York")).toBe("2026-11-02 Mon 01:30 -05:00");
  });

  it("southern-hemisphere and half-hour zones read the wall clock in the program's zone", () => {
    // Sydney leaves DST on 2026-04-05; Kolkata is +05:30 all year; Lord Howe has a 30-minute DST.
    expect(local(nextOccurrence("0 9 * * 1", "Australia/Sydney", new Date("2026-03-31T00:00:00Z"))!, "Australia/Sydney")).toBe("2026-04-06 Mon 09:00 +10:00");
    expect(iso(nextOccurrence("0 9 * * 1", "Asia/Kolkata", new Date("2026-03-31T00:00:00Z")))).toBe("2026-04-06T03:30:00.000Z");
    expect(local(nextOccurrence("0 9 * * *", "Australia/Lord_Howe", new Date("2026-04-04T00:00:00Z"))!, "Australia/Lord_Howe")).toBe("2026-04-05 Sun 09:00 +10:30");
  });

  it("the result is strictly after the given instant, even when that instant is an occurrence", () => {
    const at = new Date("2026-03-02T14:00:00Z"); // Monday 09:00 New York
    expect(iso(nextOccurrence("0 9 * * 1", "America/New_York", at))).toBe("2026-03-09T13:00:00.000Z");
    expect(iso(nextOccurrence("0 9 * * 1", "America/New_York", new Date(at.getTime() - 1)))).toBe(at.toISOString());
  });

  it("every second week counts weeks from the anchor's week", () => {
    const filter = { everyWeeks: 2, anchor: "2026-03-02" };
    const runs = nextOccurrences("0 9 * * 1", "Europe/London", new Date("2026-03-01T00:00:00Z"), 3, filter);
    expect(runs.map((r) => local(r, "Europe/London"))).toEqual(["2026-03-02 Mon 09:00 +00:00", "2026-03-16 Mon 09:00 +00:00", "2026-03-30 Mon 09:00 +01:00"]);
  });

  it("node-cron's special tokens work: last day of month, nth weekday", () => {
    expect(iso(nextOccurrence("0 12 L * *", "UTC", new Date("2026-02-01T00:00:00Z")))).toBe("2026-02-28T12:00:00.000Z");
    expect(iso(nextOccurrence("0 12 * * 1#2", "UTC", new Date("2026-03-01T00:00:00Z")))).toBe("2026-03-09T12:00:00.000Z");
  });

  it("agrees with luxon's calendar on random weekly schedules in random zones (property)", () => {
    const zones = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "America/Santiago", "UTC"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, weekday, hour, minute, afterMs) => {
          const after = new Date(afterMs);
          const next = nextOccurrence(`${minute} ${hour} * * ${weekday}`, zone, after)!;
          const dt = DateTime.fromJSDate(next, { zone });
          expect(next.getTime()).toBeGreaterThan(afterMs);
          expect(next.getTime() - afterMs).toBeLessThanOrEqual(8 * 86_400_000);
          expect(dt.weekday % 7).toBe(weekday);
          // Either the wall clock shows the time asked, or that time did not exist that day (a gap).
          const asked = DateTime.fromObject({ year: dt.year, month: dt.month, day: dt.day, hour, minute }, { zone });
          if (dt.hour !== hour || dt.minute !== minute) expect(asked.hour !== hour || asked.minute !== minute).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("checking a schedule a director typed", () => {
  const now = new Date("2026-01-05T00:00:00Z");
  it("refuses what node-cron refuses, schedules that never happen and ones more often than daily", () => {
    expect(scheduleProblem("every monday", "UTC", now)?.kind).toBe("invalid");
    expect(scheduleProblem("0 9 * * 8", "UTC", now)?.kind).toBe("invalid");
    expect(scheduleProblem("0 9 30 2 *", "UTC", now)?.kind).toBe("invalid");
    expect(scheduleProblem("0 9 29 2 1", "UTC", now)?.kind).toBe("never"); // 29 February on a Monday: not until 2044
    expect(scheduleProblem("*/30 9 * * 1", "UTC", now)?.kind).toBe("too_often");
    expect(scheduleProblem("0 9 * * *", "America/New_York", now)).toBeNull();
    expect(scheduleProblem("0 9 * * 1-5", "UTC", now)).toBeNull();
  });

  const form = (o: Record<string, unknown>) => roundFormSchema.parse({ name: "R", target: "p:prog", kind: "ROTATION", ...o });

  it("a one-off time is read in the program's zone and must be in the future", () => {
    const plan = planWhen(form({ when: "once", date: "2026-03-08", time: "02:30" }), "America/New_York", now);
    expect(plan).toMatchObject({ ok: true, schedule: null, nextRunAt: new Date("2026-03-08T07:30:00Z") });
    expect(planWhen(form({ when: "once", date: "2025-12-31", time: "09:00" }), "UTC", now)).toMatchObject({ ok: false, field: "date" });
    expect(planWhen(form({ when: "once", date: "2026-02-01" }), "UTC", now)).toMatchObject({ ok: false, field: "time" });
  });

  it("the simple picker makes a weekly cron and anchors every-N-weeks on the first run", () => {
    const plan = planWhen(form({ when: "weekly", weekday: "3", time: "16:15", everyWeeks: "2" }), "Europe/Paris", now);
    expect(plan).toMatchObject({ ok: true, schedule: "15 16 * * 3", everyWeeks: 2, anchor: "2026-01-07", nextRunAt: new Date("2026-01-07T15:15:00Z") });
  });

  it("a bad cron expression is flagged on the cron field with node-cron's reason", () => {
    const plan = planWhen(form({ when: "cron", cron: "0 25 * * 1" }), "UTC", now);
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.field).toBe("cron");
      expect(plan.message).toContain("25");
    }
  });

  it("adding local days keeps the wall-clock time across a DST change", () => {
    const start = localInstant("2026-03-06", "09:00", "America/New_York");
    expect(local(plusLocalDays(start, 3, "America/New_York"), "America/New_York")).toBe("2026-03-09 Mon 09:00 -04:00");
  });
});

describe("agreement with node-cron itself", () => {
  it("the next occurrence is one node-cron matches, and node-cron matches no minute before it (zones without DST; property)", async () => {
    const { createTask } = await import("node-cron");
    const field = (max: number) => fc.oneof(fc.constant("*"), fc.uniqueArray(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(",")));
    fc.assert(
      fc.property(
        fc.constantFrom("UTC", "Asia/Kolkata", "Asia/Tokyo", "America/Phoenix"),
        fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 2 }),
        field(23),
        field(6),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
        (zone, minutes, hours, weekdays, afterMs) => {
          const expression = `${minutes.join(",")} ${hours} * * ${weekdays}`;
          const task = createTask(expression, () => undefined, { timezone: zone });
          const after = new Date(Math.floor(afterMs / 60_000) * 60_000);
          const next = nextOccurrence(expression, zone, after)!;
          expect(task.match(next)).toBe(true);
          for (let t = after.getTime() + 60_000; t < next.getTime(); t += 60_000) expect(task.match(new Date(t))).toBe(false);
          void task.destroy();
        },
      ),
      { numRuns: 40 },
    );
  });
});
