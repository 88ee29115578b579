import { DateTime, IANAZone, type Zone } from "luxon";

/**
 * When a DM may go out: a fixed local time (10:00 by default) on a working day in the recipient's
 * own time zone (Slack's `tz` from users.info).
 *
 * - Working day: Monday–Friday (unless `weekdaysOnly: false`) and not a holiday.
 * - Holidays are calendar dates (`YYYY-MM-DD`, or inclusive `{ from, to }` ranges) read in the
 *   **recipient's** own calendar: a program break of 24 Dec – 1 Jan means those days wherever each
 *   person is, the way a public holiday does. (Whether a whole check-in period is skipped for a break
 *   is decided once per match in the program's zone, see checkinPlan.ts.)
 * - DST-safe: the wall-clock time is built in the zone for each date, so on a day the clocks change
 *   10:00 is still 10:00 local. A local time that does not exist that day (inside a spring-forward
 *   gap, e.g. 02:30 in New York on 2026-03-08) moves forward by the gap (03:30); an ambiguous one
 *   (fall-back) takes the earlier of the two instants. Zones with half- and quarter-hour offsets
 *   (Asia/Kolkata, Pacific/Chatham, America/St_Johns) and 30-minute DST (Australia/Lord_Howe) work.
 * - An unknown or empty zone falls back to UTC.
 *
 * Few luxon objects: the calendar walk is plain date math; luxon is only asked to turn a wall-clock
 * time into an instant (at most a handful of times per call).
 */

export interface DateRange {
  /** First day, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

export interface DeliveryOptions {
  /** Local hour, 0–23. Default 10. */
  hour?: number;
  /** Local minute, 0–59. Default 0. */
  minute?: number;
  /** Only Monday–Friday. Default true. */
  weekdaysOnly?: boolean;
  /** Days nothing is sent, in the recipient's calendar: `YYYY-MM-DD` dates or inclusive ranges. */
  holidays?: readonly (string | DateRange)[];
}

export const DEFAULT_SEND_HOUR = 10;

interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isoOf = (day: Day) => `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;

function shift(day: Day, days: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function dayOfIso(iso: string): Day {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

/** 1 = Monday … 7 = Sunday. */
function weekday(day: Day): number {
  return ((new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() + 6) % 7) + 1;
}

function rangesOf(holidays: DeliveryOptions["holidays"]): DateRange[] {
  return (holidays ?? []).map((h) => (typeof h === "string" ? { from: h, to: h } : h));
}

/** The range containing `iso`, if any (ISO dates compare correctly as strings). */
function holidayAt(ranges: readonly DateRange[], iso: string): DateRange | undefined {
  for (const r of ranges) if (r.from <= iso && iso <= r.to) return r;
  return undefined;
}

const zones = new Map<string, Zone>();

/**
 * The luxon zone for an IANA name, UTC when unknown. Memoised: checking a zone name costs luxon a
 * fresh Intl.DateTimeFormat (~0.2 ms), too much to repeat for every one of 10,000 matches.
 */
export function zoneFor(tz: string | null | undefined): Zone {
  const name = tz ?? "";
  let zone = zones.get(name);
  if (!zone) {
    zone = name && IANAZone.isValidZone(name) ? IANAZone.create(name) : IANAZone.create("UTC");
    if (zones.size < 10_000) zones.set(name, zone);
  }
  return zone;
}

interface Resolved {
  zone: Zone;
  hour: number;
  minute: number;
  weekdaysOnly: boolean;
  ranges: DateRange[];
}

function resolve(tz: string | null | undefined, options: DeliveryOptions): Resolved {
  const hour = options.hour ?? DEFAULT_SEND_HOUR;
  const minute = options.minute ?? 0;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour must be 0–23, got ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`minute must be 0–59, got ${minute}`);
  return { zone: zoneFor(tz), hour, minute, weekdaysOnly: options.weekdaysOnly ?? true, ranges: rangesOf(options.holidays) };
}

/*
 * A zone's UTC offset is the same all day on all but two days a year. Asking Intl for an offset costs
 * ~30 µs, so offsets are memoised per (zone, UTC day) for days with no change (same offset at the
 * first and last millisecond); days with a change are left to luxon. Memoisation only: the answers
 * are exactly luxon's.
 */
const DAY_MS = 86_400_000;
const stableOffsets = new Map<string, number | null>();

/** The zone's offset in minutes throughout the UTC day containing `ms`, or null if it changes that day. */
function stableOffset(zone: Zone, ms: number): number | null {
  const day = Math.floor(ms / DAY_MS);
  const key = `${zone.name}|${day}`;
  let offset = stableOffsets.get(key);
  if (offset === undefined) {
    const first = zone.offset(day * DAY_MS);
    offset = first === zone.offset((day + 1) * DAY_MS - 1) ? first : null;
    if (stableOffsets.size >= 200_000) stableOffsets.clear();
    stableOffsets.set(key, offset);
  }
  return offset;
}

function localDay(at: Date, zone: Zone): Day {
  const ms = at.getTime();
  const offset = stableOffset(zone, ms);
  if (offset !== null) {
    const local = new Date(ms + offset * 60_000);
    return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
  }
  const dt = DateTime.fromMillis(ms, { zone });
  return { y: dt.year, m: dt.month, d: dt.day };
}

function slotOn(day: Day, r: Resolved): number {
  const wall = Date.UTC(day.y, day.m - 1, day.d, r.hour, r.minute);
  const guess = stableOffset(r.zone, wall);
  if (guess !== null) {
    const ms = wall - guess * 60_000;
    // The instant found shows that wall-clock time only if the offset there is the one assumed.
    if (stableOffset(r.zone, ms) === guess) return ms;
  }
  return DateTime.fromObject({ year: day.y, month: day.m, day: day.d, hour: r.hour, minute: r.minute }, { zone: r.zone }).toMillis();
}

/** Walks from `day` in direction `dir` (±1) to the first working day, inclusive. */
function workingDayFrom(day: Day, dir: 1 | -1, r: Resolved): Day {
  let current = day;
  // Each step either lands on a working day or jumps past a weekend day or a whole holiday range,
  // so the walk ends after a few steps per range; the cap only guards against absurd input.
  for (let guard = 0; guard < 100_000; guard++) {
    const range = r.ranges.length ? holidayAt(r.ranges, isoOf(current)) : undefined;
    if (range) {
      current = shift(dayOfIso(dir > 0 ? range.to : range.from), dir);
      continue;
    }
    if (r.weekdaysOnly && weekday(current) > 5) {
      current = shift(current, dir);
      continue;
    }
    return current;
  }
  throw new RangeError("no working day found");
}

/**
 * The first instant ≥ `after` that is the send time (10:00 local by default) on a working day in
 * `tz`. Equal to `after` when `after` is exactly such a time.
 */
export function nextSendTime(after: Date, tz: string | null | undefined, options: DeliveryOptions = {}): Date {
  const r = resolve(tz, options);
  const today = localDay(after, r.zone);
  let day = workingDayFrom(today, 1, r);
  let slot = slotOn(day, r);
  if (slot < after.getTime()) {
    day = workingDayFrom(shift(day, 1), 1, r);
    slot = slotOn(day, r);
  }
  return new Date(slot);
}

/**
 * The last instant ≤ `before` that is the send time on a working day in `tz` (e.g. the last
 * morning at least two days before a meeting is due).
 */
export function previousSendTime(before: Date, tz: string | null | undefined, options: DeliveryOptions = {}): Date {
  const r = resolve(tz, options);
  const today = localDay(before, r.zone);
  let day = workingDayFrom(today, -1, r);
  let slot = slotOn(day, r);
  if (slot > before.getTime()) {
    day = workingDayFrom(shift(day, -1), -1, r);
    slot = slotOn(day, r);
  }
  return new Date(slot);
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a zone (unknown zones read as UTC). */
export function localDate(at: Date, tz: string | null | undefined): string {
  return isoOf(localDay(at, zoneFor(tz)));
}

/** Whether `iso` falls in one of the date ranges (inclusive). */
export function inDateRanges(iso: string, ranges: readonly (string | DateRange)[] | undefined): boolean {
  return !!ranges?.length && holidayAt(rangesOf(ranges), iso) !== undefined;
}
