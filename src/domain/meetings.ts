import { periodByIndex, periodIndexAt, type MatchTimeline } from "./cadence.js";
import { inDateRanges, localDate, nextSendTime, type DateRange } from "./deliveryTime.js";

/**
 * Meetings a pair logs, and what the App Home tells them about the next one. Pure: time is a parameter.
 *
 * A meeting's date is a calendar day (`YYYY-MM-DD`) as the person logging it sees it; it is stored as
 * that day at 00:00 UTC, so it reads back as the same day everywhere.
 */

export const MEETING_AGENDA_MAX = 1000;
export const MEETING_NOTES_MAX = 3000;
export const MEETING_NEXT_STEPS_MAX = 1000;

export type MeetingDateProblem = "not_a_date" | "in_future" | "before_match";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` → that day at 00:00 UTC, or null if it is not a real calendar date. */
export function dayToDate(day: string): Date | null {
  if (!ISO_DAY.test(day)) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : d;
}

/**
 * Why a meeting date cannot be logged, or null when it can: it must be a real date, not after today
 * in the logger's zone, and not before the day the match started (in the same zone).
 */
export function meetingDateProblem(day: string, i: { now: Date; tz: string | null; matchStartedAt: Date }): MeetingDateProblem | null {
  if (!dayToDate(day)) return "not_a_date";
  if (day > localDate(i.now, i.tz)) return "in_future";
  if (day < localDate(i.matchStartedAt, i.tz)) return "before_match";
  return null;
}

export interface NextCheckinInput extends MatchTimeline {
  /** The mentor's zone: check-ins go to the mentor, at 10:00 their time on a working day. */
  mentorTz: string | null;
  programTz?: string | null;
  programBreaks?: readonly (string | DateRange)[];
}

/**
 * When the next "did you meet?" check-in goes out, as checkinPlan.ts schedules it: at the first
 * working-hours slot after a period ends, skipping periods that end in a program break. Includes the
 * check-in for the period that just ended if its slot is still ahead. Null if none is found soon.
 */
export function nextCheckinAt(match: NextCheckinInput, now: Date): Date | null {
  const current = periodIndexAt(match, now);
  const breaks = match.programBreaks ?? [];
  const first = Math.max(0, current - 1);
  for (let i = first; i < Math.max(0, current) + 12; i++) {
    const p = periodByIndex(match, i);
    if (breaks.length && inDateRanges(localDate(p.end, match.programTz), breaks)) continue;
    const at = nextSendTime(p.end, match.mentorTz, { holidays: breaks });
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}
