import { DateTime, IANAZone } from "luxon";
import { isAvailable } from "./profile.js";

/**
 * Pausing: a person is paused from the moment they ask, until the end of a date in their own time
 * zone (or until they resume). Dates are calendar dates, YYYY-MM-DD, as Slack's datepicker gives.
 */

export { isAvailable };

export interface Pause {
  pausedAt: Date | null;
  pausedUntil: Date | null;
}

export type PauseState = { kind: "available" } | { kind: "paused"; until: string | null };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A usable IANA zone: the person's, or UTC when Slack gave something luxon does not know. */
export function zoneOf(tz: string | null | undefined): string {
  return tz && IANAZone.isValidZone(tz) ? tz : "UTC";
}

/** The calendar date `now` falls on in `tz`. */
export function todayIn(tz: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: zoneOf(tz) }).toISODate()!;
}

export type PauseUntil = { ok: true; until: Date } | { ok: false; reason: "invalid" | "past" };

/**
 * The instant a pause "until `date`" ends: the end of that day in the person's time zone. A date
 * before today (in that zone) is refused; today itself means "for the rest of today".
 */
export function pauseUntil(date: string, tz: string, now: Date): PauseUntil {
  const trimmed = date.trim();
  if (!ISO_DATE.test(trimmed)) return { ok: false, reason: "invalid" };
  const day = DateTime.fromISO(trimmed, { zone: zoneOf(tz) });
  if (!day.isValid) return { ok: false, reason: "invalid" };
  if (trimmed < todayIn(tz, now)) return { ok: false, reason: "past" };
  return { ok: true, until: day.endOf("day").toJSDate() };
}

/** The last paused day as the person reads it (their zone), for messages and date pickers. */
export function lastPausedDay(pausedUntil: Date, tz: string): string {
  return DateTime.fromJSDate(pausedUntil, { zone: zoneOf(tz) }).toISODate()!;
}

/** Whether someone is paused on `now`, and until which date (null = until they resume). */
export function pauseState(pause: Pause, tz: string, now: Date): PauseState {
  if (isAvailable(pause, now)) return { kind: "available" };
  return { kind: "paused", until: pause.pausedUntil ? lastPausedDay(pause.pausedUntil, tz) : null };
}
