/**
 * Check-in periods: what "this month" (or week, or quarter) means for one mentoring match.
 *
 * A match's periods are laid end to end from the moment it started: period 0 is
 * [startedAt, startedAt + one cadence), period 1 follows, and so on. All arithmetic is on UTC
 * instants, with no time zone involved, so a period boundary never moves with daylight saving:
 *
 * - WEEKLY / BIWEEKLY: exactly 7 / 14 days of 24 hours.
 * - MONTHLY / BIMONTHLY / QUARTERLY: calendar months (1 / 2 / 3), same day of the month as the start,
 *   clamped at month end. Every period is computed from the start, never from the previous period,
 *   so a match started on 31 January runs Jan 31 → Feb 28 (29 in leap years) → Mar 31 → Apr 30 → May 31.
 *
 * Period key (used in run keys such as `checkin:<match>:<period>`): the UTC calendar date the period
 * starts on, `YYYY-MM-DD`. Chosen because it is
 * - unique within a match for every cadence (periods are at least 7 days long, so no two start on one date),
 * - sortable as a string (lexicographic order = chronological order),
 * - readable in logs and the database, and
 * - stable if the agreed cadence changes: a new window gets a new key; a window starting on the same
 *   date keeps its key, so it is never asked about twice.
 *
 * Pure: plain Date math, no luxon, no clock. Cheap enough to call for 10,000 matches per run.
 */

export const CADENCE_KEYS = ["WEEKLY", "BIWEEKLY", "MONTHLY", "BIMONTHLY", "QUARTERLY"] as const;
export type Cadence = (typeof CADENCE_KEYS)[number];

/** The rhythm the program suggests when a match has not agreed its own (Program.checkinCadence default). */
export const DEFAULT_CADENCE: Cadence = "MONTHLY";

const DAY_MS = 86_400_000;

type Step = { days: number } | { months: number };

const STEPS: Record<Cadence, Step> = {
  WEEKLY: { days: 7 },
  BIWEEKLY: { days: 14 },
  MONTHLY: { months: 1 },
  BIMONTHLY: { months: 2 },
  QUARTERLY: { months: 3 },
};

export function isCadence(value: unknown): value is Cadence {
  return typeof value === "string" && (CADENCE_KEYS as readonly string[]).includes(value);
}

/** The match's agreed cadence (expectations agreement), else the program's, else monthly. */
export function effectiveCadence(matchCadence: string | null | undefined, programCadence?: string | null): Cadence {
  if (isCadence(matchCadence)) return matchCadence;
  if (isCadence(programCadence)) return programCadence;
  return DEFAULT_CADENCE;
}

export interface MatchTimeline {
  startedAt: Date;
  cadence: Cadence;
}

export interface Period {
  /** 0 for the period the match starts in. */
  index: number;
  /** UTC date the period starts on, `YYYY-MM-DD`. */
  key: string;
  /** Inclusive. */
  start: Date;
  /** Exclusive: the moment the period "comes due" and the next one starts. */
  end: Date;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** Start of period `index` in epoch milliseconds (index may be any integer). */
function startMs(match: MatchTimeline, index: number): number {
  const step = STEPS[match.cadence];
  const origin = match.startedAt.getTime();
  if ("days" in step) return origin + index * step.days * DAY_MS;
  const s = match.startedAt;
  const timeOfDay = origin - Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), s.getUTCDate());
  const months = s.getUTCMonth() + index * step.months;
  const year = s.getUTCFullYear() + Math.floor(months / 12);
  const month0 = ((months % 12) + 12) % 12;
  const day = Math.min(s.getUTCDate(), daysInMonth(year, month0));
  return Date.UTC(year, month0, day) + timeOfDay;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDateKey(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Period number `index` (≥ 0) of a match. */
export function periodByIndex(match: MatchTimeline, index: number): Period {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`period index must be a whole number ≥ 0, got ${index}`);
  const start = startMs(match, index);
  return { index, key: utcDateKey(start), start: new Date(start), end: new Date(startMs(match, index + 1)) };
}

/** The index of the period containing `now`, or -1 before the match started. */
export function periodIndexAt(match: MatchTimeline, now: Date): number {
  const origin = match.startedAt.getTime();
  const t = now.getTime();
  if (t < origin) return -1;
  const step = STEPS[match.cadence];
  if ("days" in step) return Math.floor((t - origin) / (step.days * DAY_MS));
  const s = match.startedAt;
  const monthsApart = (now.getUTCFullYear() - s.getUTCFullYear()) * 12 + (now.getUTCMonth() - s.getUTCMonth());
  let index = Math.max(0, Math.floor(monthsApart / step.months));
  while (index > 0 && startMs(match, index) > t) index--;
  while (startMs(match, index + 1) <= t) index++;
  return index;
}

/** The period `now` falls in, or null before the match started. */
export function periodAt(match: MatchTimeline, now: Date): Period | null {
  const index = periodIndexAt(match, now);
  return index < 0 ? null : periodByIndex(match, index);
}

/** The most recent period that has ended by `now` (the one a check-in asks about), or null if none has. */
export function lastClosedPeriod(match: MatchTimeline, now: Date): Period | null {
  const index = periodIndexAt(match, now) - 1;
  return index < 0 ? null : periodByIndex(match, index);
}
