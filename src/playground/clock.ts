import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { DateTime } from "luxon";

/** The steps the clock control offers. */
export const CLOCK_STEPS = ["day", "morning", "week", "month"] as const;
export type ClockStep = (typeof CLOCK_STEPS)[number];

/**
 * The Playground's simulated clock: the real clock plus an offset that only grows, so time runs on
 * while a person clicks and jumps ahead when they ask. Rounds, its jobs and the Slack stand-in all read
 * it. The offset is kept in a file next to the Playground's database, so a restart keeps the time the
 * data was made at.
 */
export class SimulatedClock {
  private offsetMs: number;

  constructor(private readonly file: string) {
    this.offsetMs = existsSync(file) ? Number(JSON.parse(readFileSync(file, "utf8")).offsetMs) || 0 : 0;
  }

  readonly nowMs = (): number => Date.now() + this.offsetMs;
  readonly now = (): Date => new Date(this.nowMs());

  /** Moves the clock forward to `to` (never back). */
  advanceTo(to: Date): void {
    this.offsetMs += Math.max(0, to.getTime() - this.nowMs());
    writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
  }

  /** Back to the real time (a reset demo). */
  reset(): void {
    this.offsetMs = 0;
    writeFileSync(this.file, JSON.stringify({ offsetMs: 0 }));
  }
}

/** Rounds sends its DMs from 10:00 in each person's zone (a check-in job tick every 15 minutes): a quarter past, they are out. */
const MORNING = { hour: 10, minute: 15, second: 0, millisecond: 0 };

/** The first working morning (Monday to Friday, MORNING) at or after `t`. */
function workingMorningFrom(t: DateTime): DateTime {
  let next = t.set(MORNING);
  if (next < t) next = next.plus({ days: 1 });
  while (next.weekday > 5) next = next.plus({ days: 1 });
  return next;
}

/**
 * Where a step lands from `now`, in `zone` (the program's time zone): a day later; the next working
 * morning; or the first working morning at least a week or a month later, so the check-ins,
 * reminders and requests due by then have gone out (they go at 10:00 on working days).
 */
export function stepTarget(now: Date, step: ClockStep, zone: string): Date {
  const t = DateTime.fromJSDate(now, { zone });
  switch (step) {
    case "day":
      return t.plus({ days: 1 }).toJSDate();
    case "morning":
      return workingMorningFrom(t.plus({ minutes: 1 })).toJSDate();
    case "week":
      return workingMorningFrom(t.plus({ weeks: 1 })).toJSDate();
    case "month":
      return workingMorningFrom(t.plus({ months: 1 })).toJSDate();
  }
}

/**
 * The moments a jump from `from` to `to` passes through, at which the jobs run: every 15 minutes is
 * what the scheduler would do, but a month of it is thousands of runs; every job is "find what is due,
 * do it once", so running them each hour of the jump (and at its end) sends the same messages.
 */
export function tickMoments(from: Date, to: Date, everyMs = 3_600_000): Date[] {
  const out: Date[] = [];
  for (let t = from.getTime() + everyMs; t < to.getTime(); t += everyMs) out.push(new Date(t));
  out.push(to);
  return out;
}
