import { DateTime, IANAZone } from "luxon";
import type { Cadence } from "./cadence.js";

/**
 * Reporting periods for the director's dashboard, chart and reports: calendar windows in the
 * program's time zone, one cadence long, so "last period" reads the way a director thinks of it
 * ("October", "Q3", "the week of 3 Nov").
 *
 * - WEEKLY: Monday 00:00 → next Monday. BIWEEKLY: two such weeks, counted from Monday 1 Jan 2024.
 * - MONTHLY: calendar months. BIMONTHLY: Jan–Feb, Mar–Apr, … QUARTERLY: calendar quarters.
 *
 * Each match keeps its own check-in periods (cadence.ts); these windows only group what happened
 * (meetings, check-ins sent) by when it happened. Pure: `now` is a parameter.
 */

export interface ReportWindow {
  /** `YYYY-MM-DD` of the window's first day (program time zone). */
  key: string;
  /** `YYYY-MM-DD` of the first day after the window: calendar-day data (meeting dates) falls in [key, endKey). */
  endKey: string;
  /** Short label, e.g. "Oct 2026", "Q3 2026", "3 Nov". */
  label: string;
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
}

const BIWEEKLY_ORIGIN = DateTime.fromISO("2024-01-01T00:00:00", { zone: "UTC" }); // a Monday

function zoneOf(tz: string): string {
  return IANAZone.isValidZone(tz) ? tz : "UTC";
}

/** Start of the window containing `t`. */
function windowStart(cadence: Cadence, t: DateTime): DateTime {
  switch (cadence) {
    case "WEEKLY":
      return t.startOf("week");
    case "BIWEEKLY": {
      const monday = t.startOf("week");
      const origin = BIWEEKLY_ORIGIN.setZone(t.zone, { keepLocalTime: true });
      const weeks = Math.round(monday.diff(origin, "weeks").weeks);
      return weeks % 2 === 0 ? monday : monday.minus({ weeks: 1 });
    }
    case "MONTHLY":
      return t.startOf("month");
    case "BIMONTHLY": {
      const m = t.startOf("month");
      return m.month % 2 === 1 ? m : m.minus({ months: 1 });
    }
    case "QUARTERLY":
      return t.startOf("quarter");
  }
}

function step(cadence: Cadence, start: DateTime, n: number): DateTime {
  switch (cadence) {
    case "WEEKLY":
      return start.plus({ weeks: n });
    case "BIWEEKLY":
      return start.plus({ weeks: 2 * n });
    case "MONTHLY":
      return start.plus({ months: n });
    case "BIMONTHLY":
      return start.plus({ months: 2 * n });
    case "QUARTERLY":
      return start.plus({ months: 3 * n });
  }
}

function labelOf(cadence: Cadence, start: DateTime, end: DateTime): string {
  switch (cadence) {
    case "WEEKLY":
    case "BIWEEKLY":
      return start.toFormat("d LLL");
    case "MONTHLY":
      return start.toFormat("LLL yyyy");
    case "BIMONTHLY":
      return `${start.toFormat("LLL")}–${end.minus({ days: 1 }).toFormat("LLL yyyy")}`;
    case "QUARTERLY":
      return `Q${start.quarter} ${start.year}`;
  }
}

function toWindow(cadence: Cadence, start: DateTime): ReportWindow {
  const end = step(cadence, start, 1);
  return { key: start.toFormat("yyyy-MM-dd"), endKey: end.toFormat("yyyy-MM-dd"), label: labelOf(cadence, start, end), start: start.toJSDate(), end: end.toJSDate() };
}

/**
 * The last `count` complete windows before `now`, oldest first: the final one is "last period".
 * The window `now` is in (still running) is not included.
 */
export function completedWindows(cadence: Cadence, tz: string, now: Date, count: number): ReportWindow[] {
  const current = windowStart(cadence, DateTime.fromJSDate(now, { zone: zoneOf(tz) }));
  const windows: ReportWindow[] = [];
  for (let i = count; i >= 1; i--) windows.push(toWindow(cadence, step(cadence, current, -i)));
  return windows;
}

/** The window `now` falls in (still running). */
export function currentWindow(cadence: Cadence, tz: string, now: Date): ReportWindow {
  return toWindow(cadence, windowStart(cadence, DateTime.fromJSDate(now, { zone: zoneOf(tz) })));
}
