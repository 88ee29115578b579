/**
 * When a pairing round runs: its next occurrence, computed in the program's time zone, DST-safe.
 *
 * A recurring round is a node-cron expression (validated and expanded by node-cron's own `parse`,
 * so what is accepted here is what node-cron accepts, with node-cron's semantics: day of month AND
 * day of week must both match; `L`, `LW`, `15W`, `L-3`, `5L` and `1#2` tokens) plus an optional
 * "every N weeks" filter anchored on a date, which cron itself cannot express (the simple picker's
 * "every 2 weeks on Monday at 09:00" is `0 9 * * 1` every second week from the first Monday).
 *
 * Wall-clock times are read in the zone for each date, so 09:00 stays 09:00 local across clock
 * changes. A time that does not exist that day (inside a spring-forward gap, e.g. 02:30 in New York
 * on 2026-03-08) moves forward by the gap (03:30): the round still happens that day. A time that
 * occurs twice (fall-back) fires once, at the earlier instant. Unknown zones read as UTC.
 *
 * Pure: no clock (the caller passes `after`), no I/O; node-cron is used only to parse.
 */
import { IANAZone, type Zone } from "luxon";
import { parse, validateDetailed } from "node-cron";

export type ScheduleProblem =
  | { kind: "invalid"; detail: string }
  /** It never happens in the next years (e.g. `0 9 30 2 *`, 30 February). */
  | { kind: "never" }
  /** Two occurrences less than a day apart: pairing rounds repeat at most once a day. */
  | { kind: "too_often" };

/** Every N weeks, counting from the week (Monday to Sunday, local) of the `anchor` date. */
export interface WeekFilter {
  everyWeeks: number;
  /** `YYYY-MM-DD`, a date in the first week of the series. */
  anchor: string;
}

export interface WeeklyPick {
  everyWeeks: 1 | 2 | 4;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:MM`, 24-hour, local to the program. */
  time: string;
}

/** Searching further than this finds nothing a director would wait for. */
const SEARCH_DAYS = 366 * 5;
/** Shortest allowed gap between two occurrences (a 24 h day that loses an hour to DST is 23 h). */
export const MIN_GAP_MS = 23 * 3_600_000;

interface Day {
  y: number;
  m: number;
  d: number;
}

type Fields = ReturnType<typeof parse>;

export function zoneNamed(name: string | null | undefined): Zone {
  return name && IANAZone.isValidZone(name) ? IANAZone.create(name) : IANAZone.create("UTC");
}

const dayMs = (day: Day) => Date.UTC(day.y, day.m - 1, day.d);
const nextDay = (day: Day): Day => {
  const t = new Date(dayMs(day) + 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** 0 = Sunday … 6 = Saturday, as cron counts. */
const cronWeekday = (day: Day) => new Date(dayMs(day)).getUTCDay();

function localDay(at: number, zone: Zone): Day {
  const t = new Date(at + zone.offset(at) * 60_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * The instant a wall-clock time in a zone stands for: the earlier of two when the clocks fall back,
 * moved forward by the gap when they spring forward over it.
 */
export function wallToInstant(day: Day, hour: number, minute: number, second: number, zone: Zone): Date {
  const wall = Date.UTC(day.y, day.m - 1, day.d, hour, minute, second);
  const offsets = new Set([zone.offset(wall - 86_400_000), zone.offset(wall), zone.offset(wall + 86_400_000)]);
  const valid = [...offsets].map((o) => wall - o * 60_000).filter((ms) => zone.offset(ms) * 60_000 === wall - ms);
  if (valid.length) return new Date(Math.min(...valid));
  // In a gap: read the time with the offset in force before the change, which lands after it.
  return new Date(wall - zone.offset(wall - 86_400_000) * 60_000);
}

function nearestWeekday(y: number, m: number, target: number): number {
  const last = lastDayOfMonth(y, m);
  if (target < 1 || target > last) return -1;
  const wd = new Date(Date.UTC(y, m - 1, target)).getUTCDay();
  if (wd === 6) return target === 1 ? target + 2 : target - 1;
  if (wd === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: Fields["dayOfMonth"], day: Day): boolean {
  const last = lastDayOfMonth(day.y, day.m);
  return field.some((v) => {
    if (typeof v === "number") return v === day.d;
    if (v === "L") return day.d === last;
    const w = /^(\d{1,2}|L)W$/.exec(v);
    if (w) return nearestWeekday(day.y, day.m, w[1] === "L" ? last : Number(w[1])) === day.d;
    const off = /^L-(\d{1,2})$/.exec(v);
    if (off) return last - Number(off[1]) === day.d;
    return false;
  });
}

function matchesDayOfWeek(field: Fields["dayOfWeek"], day: Day): boolean {
  const wd = cronWeekday(day);
  return field.some((v) => {
    if (typeof v === "number") return v % 7 === wd;
    const nth = /^([0-7])#([1-5])$/.exec(v);
    if (nth) return Number(nth[1]) % 7 === wd && Math.floor((day.d - 1) / 7) + 1 === Number(nth[2]);
    const lastOf = /^([0-7])L$/i.exec(v);
    if (lastOf) return Number(lastOf[1]) % 7 === wd && day.d + 7 > lastDayOfMonth(day.y, day.m);
    return false;
  });
}

/** Whole weeks from the Monday of the anchor's week to the Monday of `day`'s week. */
function weeksSince(anchor: string, day: Day): number {
  const a: Day = { y: Number(anchor.slice(0, 4)), m: Number(anchor.slice(5, 7)), d: Number(anchor.slice(8, 10)) };
  const monday = (x: Day) => dayMs(x) - ((cronWeekday(x) + 6) % 7) * 86_400_000;
  return Math.round((monday(day) - monday(a)) / (7 * 86_400_000));
}

function inWeek(filter: WeekFilter | undefined, day: Day): boolean {
  if (!filter || filter.everyWeeks <= 1) return true;
  const weeks = weeksSince(filter.anchor, day);
  return weeks >= 0 && weeks % filter.everyWeeks === 0;
}

/** The expression's problem, or null when node-cron accepts it. */
export function cronProblem(expression: string): ScheduleProblem | null {
  const checked = validateDetailed(expression.trim());
  if (checked.valid) return null;
  return { kind: "invalid", detail: checked.errors.map((e) => e.message).join("; ") || "not a cron expression" };
}

/**
 * The first occurrence strictly after `after`, in `zone`; null when there is none within five years
 * (or the expression is invalid).
 */
export function nextOccurrence(expression: string, zoneName: string, after: Date, filter?: WeekFilter): Date | null {
  if (cronProblem(expression)) return null;
  const f = parse(expression.trim());
  const zone = zoneNamed(zoneName);
  const seconds = [...f.second].sort((a, b) => a - b);
  const minutes = [...f.minute].sort((a, b) => a - b);
  const hours = [...f.hour].sort((a, b) => a - b);
  const afterMs = after.getTime();
  // Start the day before: a gap-shifted or earlier-offset time of yesterday's date can still lie after `after`.
  let day = localDay(afterMs - 86_400_000, zone);
  for (let i = 0; i < SEARCH_DAYS; i++, day = nextDay(day)) {
    if (!f.month.includes(day.m) || !matchesDayOfMonth(f.dayOfMonth, day) || !matchesDayOfWeek(f.dayOfWeek, day) || !inWeek(filter, day)) continue;
    for (const h of hours) {
      for (const m of minutes) {
        for (const s of seconds) {
          const at = wallToInstant(day, h, m, s, zone);
          if (at.getTime() > afterMs) return at;
        }
      }
    }
  }
  return null;
}

/** The next `count` occurrences after `after`. */
export function nextOccurrences(expression: string, zoneName: string, after: Date, count: number, filter?: WeekFilter): Date[] {
  const out: Date[] = [];
  let from = after;
  for (let i = 0; i < count; i++) {
    const next = nextOccurrence(expression, zoneName, from, filter);
    if (!next) break;
    out.push(next);
    from = next;
  }
  return out;
}

/**
 * Checks a recurring schedule a director typed: node-cron must accept it, it must happen, and it
 * may repeat at most about once a day (checked over its next 20 occurrences after `now`).
 */
export function scheduleProblem(expression: string, zoneName: string, now: Date, filter?: WeekFilter): ScheduleProblem | null {
  const invalid = cronProblem(expression);
  if (invalid) return invalid;
  const next = nextOccurrences(expression, zoneName, now, 20, filter);
  if (next.length === 0) return { kind: "never" };
  for (let i = 1; i < next.length; i++) if (next[i]!.getTime() - next[i - 1]!.getTime() < MIN_GAP_MS) return { kind: "too_often" };
  return null;
}

/** The cron expression of the simple picker ("every N weeks on <weekday> at HH:MM"); N goes in a WeekFilter. */
export function weeklyExpression(pick: WeeklyPick): string {
  const [h, m] = pick.time.split(":").map(Number);
  return `${m} ${h} * * ${pick.weekday % 7}`;
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateOf(at: Date, zoneName: string): string {
  const d = localDay(at.getTime(), zoneNamed(zoneName));
  return `${String(d.y).padStart(4, "0")}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
}

/** A one-off round's instant: `YYYY-MM-DD` at `HH:MM` in the zone (a time in a DST gap moves forward). */
export function localInstant(date: string, time: string, zoneName: string): Date {
  const [h, m] = time.split(":").map(Number);
  const day: Day = { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
  return wallToInstant(day, h!, m!, 0, zoneNamed(zoneName));
}

/** Adds whole local days to an instant (keeps the wall-clock time across DST changes). */
export function plusLocalDays(at: Date, days: number, zoneName: string): Date {
  const zone = zoneNamed(zoneName);
  const local = new Date(at.getTime() + zone.offset(at.getTime()) * 60_000);
  const day: Day = { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() + days };
  const norm = new Date(Date.UTC(day.y, day.m - 1, day.d));
  return wallToInstant(
    { y: norm.getUTCFullYear(), m: norm.getUTCMonth() + 1, d: norm.getUTCDate() },
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    zone,
  );
}
