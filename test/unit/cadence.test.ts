import { describe, expect, it } from "vitest";
import {
  effectiveCadence,
  lastClosedPeriod,
  periodAt,
  periodByIndex,
  periodIndexAt,
  type Cadence,
  type MatchTimeline,
} from "../../src/domain/cadence.js";
import { CADENCES } from "../../src/domain/vocabulary.js";

const at = (iso: string) => new Date(iso);
const match = (startedAt: string, cadence: Cadence): MatchTimeline => ({ startedAt: at(startedAt), cadence });
const starts = (m: MatchTimeline, n: number) => Array.from({ length: n }, (_, i) => periodByIndex(m, i).start.toISOString());

describe("check-in periods", () => {
  it("a monthly match started on 31 January meets on the last day of shorter months and back on the 31st after", () => {
    expect(starts(match("2026-01-31T15:00:00Z", "MONTHLY"), 6)).toEqual([
      "2026-01-31T15:00:00.000Z",
      "2026-02-28T15:00:00.000Z",
      "2026-03-31T15:00:00.000Z",
      "2026-04-30T15:00:00.000Z",
      "2026-05-31T15:00:00.000Z",
      "2026-06-30T15:00:00.000Z",
    ]);
  });

  it("in a leap year February's period starts on the 29th", () => {
    expect(periodByIndex(match("2028-01-31T09:00:00Z", "MONTHLY"), 1).start.toISOString()).toBe("2028-02-29T09:00:00.000Z");
  });

  it("a monthly period ends exactly where the next starts, keyed by its UTC start date", () => {
    const m = match("2026-01-31T15:00:00Z", "MONTHLY");
    const p1 = periodByIndex(m, 1);
    expect(p1).toEqual({ index: 1, key: "2026-02-28", start: at("2026-02-28T15:00:00Z"), end: at("2026-03-31T15:00:00Z") });
    expect(periodByIndex(m, 2).start).toEqual(p1.end);
  });

  it("bimonthly and quarterly periods step 2 and 3 calendar months, clamped, across year ends", () => {
    expect(starts(match("2026-08-31T00:00:00Z", "BIMONTHLY"), 4)).toEqual([
      "2026-08-31T00:00:00.000Z",
      "2026-10-31T00:00:00.000Z",
      "2026-12-31T00:00:00.000Z",
      "2027-02-28T00:00:00.000Z",
    ]);
    expect(starts(match("2026-11-30T12:00:00Z", "QUARTERLY"), 4)).toEqual([
      "2026-11-30T12:00:00.000Z",
      "2027-02-28T12:00:00.000Z",
      "2027-05-30T12:00:00.000Z",
      "2027-08-30T12:00:00.000Z",
    ]);
  });

  it("weekly and biweekly periods are exactly 7 and 14 days, untouched by daylight saving", () => {
    // 2026-03-08 (US) and 2026-03-29 (EU) clocks change; UTC periods do not notice.
    expect(starts(match("2026-03-02T14:00:00Z", "WEEKLY"), 5)).toEqual([
      "2026-03-02T14:00:00.000Z",
      "2026-03-09T14:00:00.000Z",
      "2026-03-16T14:00:00.000Z",
      "2026-03-23T14:00:00.000Z",
      "2026-03-30T14:00:00.000Z",
    ]);
    const b = periodByIndex(match("2026-10-20T08:00:00Z", "BIWEEKLY"), 1);
    expect([b.start.toISOString(), b.end.toISOString()]).toEqual(["2026-11-03T08:00:00.000Z", "2026-11-17T08:00:00.000Z"]);
  });

  it("periodAt finds the period containing now, with the start inclusive and the end exclusive", () => {
    const m = match("2026-01-31T15:00:00Z", "MONTHLY");
    expect(periodAt(m, at("2026-01-31T14:59:59Z"))).toBeNull();
    expect(periodAt(m, at("2026-01-31T15:00:00Z"))?.index).toBe(0);
    expect(periodAt(m, at("2026-02-28T14:59:59.999Z"))?.index).toBe(0);
    expect(periodAt(m, at("2026-02-28T15:00:00Z"))?.key).toBe("2026-02-28");
    expect(periodAt(m, at("2026-03-30T23:00:00Z"))?.index).toBe(1);
    expect(periodAt(m, at("2027-01-31T15:00:00Z"))?.key).toBe("2027-01-31");
  });

  it("for every cadence and many instants, the period found contains the instant", () => {
    for (const { key } of CADENCES) {
      const m = match("2025-12-31T23:30:00Z", key as Cadence);
      for (let h = 0; h < 3 * 365 * 24; h += 37) {
        const now = new Date(m.startedAt.getTime() + h * 3_600_000);
        const p = periodAt(m, now)!;
        expect(p.start.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(p.end.getTime()).toBeGreaterThan(now.getTime());
        expect(periodIndexAt(m, now)).toBe(p.index);
      }
    }
  });

  it("period keys are unique and sort in time order", () => {
    for (const { key } of CADENCES) {
      const keys = Array.from({ length: 60 }, (_, i) => periodByIndex(match("2026-01-29T10:00:00Z", key as Cadence), i).key);
      expect(new Set(keys).size).toBe(60);
      expect([...keys].sort()).toEqual(keys);
    }
  });

  it("the last closed period is the one before the current, and none has closed in the first period", () => {
    const m = match("2026-01-15T10:00:00Z", "MONTHLY");
    expect(lastClosedPeriod(m, at("2026-02-10T00:00:00Z"))).toBeNull();
    expect(lastClosedPeriod(m, at("2026-02-15T10:00:00Z"))?.key).toBe("2026-01-15");
    expect(lastClosedPeriod(m, at("2026-04-01T00:00:00Z"))?.key).toBe("2026-02-15");
  });

  it("a match without its own cadence uses the program's, and monthly when neither is known", () => {
    expect(effectiveCadence("WEEKLY", "QUARTERLY")).toBe("WEEKLY");
    expect(effectiveCadence(null, "QUARTERLY")).toBe("QUARTERLY");
    expect(effectiveCadence(undefined, "nonsense")).toBe("MONTHLY");
  });

  it("refuses a negative or fractional period index", () => {
    expect(() => periodByIndex(match("2026-01-01T00:00:00Z", "WEEKLY"), -1)).toThrow(RangeError);
    expect(() => periodByIndex(match("2026-01-01T00:00:00Z", "WEEKLY"), 1.5)).toThrow(RangeError);
  });
});
