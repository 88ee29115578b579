import { DateTime } from "luxon";

/**
 * The one date style of everything Rounds writes to a person: a day is "Thu 7 Jan 2027", a moment
 * is "Thu 7 Jan 2027, 10:00 CST" in the reader's (or the program's) time zone. Views format dates
 * only through these functions, so a message never mixes styles.
 */

const DAY = "ccc d LLL yyyy";

const local = (at: Date, zone: string): DateTime => DateTime.fromJSDate(at).setZone(zone || "UTC").setLocale("en-US");

/** The day `at` falls on in `zone`: "Thu 7 Jan 2027". (In UTC that is its UTC date, written by calendarDay, which remembers it.) */
export function day(at: Date, zone: string): string {
  if ((zone || "UTC") === "UTC" && !Number.isNaN(at.getTime())) return calendarDay(at.toISOString());
  return local(at, zone).toFormat(DAY);
}

/** Dates already written by calendarDay: the check-in job writes the same few period dates thousands of times a run. */
const calendarDays = new Map<string, string>();

/** A calendar date with no time of day ("2027-01-07", a meeting's date or a pause's last day): "Thu 7 Jan 2027". */
export function calendarDay(isoDate: string): string {
  const key = isoDate.slice(0, 10);
  let text = calendarDays.get(key);
  if (text === undefined) {
    if (calendarDays.size >= 10_000) calendarDays.clear();
    text = DateTime.fromISO(key, { zone: "UTC" }).setLocale("en-US").toFormat(DAY);
    calendarDays.set(key, text);
  }
  return text;
}

/** A moment in `zone`, with the zone's abbreviation: "Thu 7 Jan 2027, 10:00 CST". */
export function dayTime(at: Date, zone: string): string {
  return local(at, zone).toFormat(`${DAY}, HH:mm ZZZZ`);
}

/** The time of day in `zone`, 24-hour: "10:00". */
export function timeOfDay(at: Date, zone: string): string {
  return local(at, zone).toFormat("HH:mm");
}
