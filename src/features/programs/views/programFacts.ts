import type { ProgramRecord } from "../programs.js";
import { labelOf, CADENCES } from "../../../domain/vocabulary.js";
import { rangeOf, type ProgramBreak } from "../../../domain/programBreaks.js";
import { calendarDay } from "../../../slack/kit/dates.js";
import { count, noun } from "../../../slack/kit/plural.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";

/** A program's check-in settings in words, for the director (the menu, the form's confirmation). */

/** "Thu 24 Dec 2026" or "Thu 24 Dec 2026 – Sat 2 Jan 2027". */
export function breakWords(b: ProgramBreak): string {
  const { from, to } = rangeOf(b);
  return from === to ? calendarDay(from) : `${calendarDay(from)} – ${calendarDay(to)}`;
}

/** "no breaks", or the first `shown` breaks and how many more. */
export function breaksWords(breaks: readonly ProgramBreak[], shown = 3): string {
  if (breaks.length === 0) return "no breaks";
  const listed = breaks.slice(0, shown).map(breakWords).join("; ");
  return breaks.length > shown ? `${count(breaks.length, "break")}: ${listed}; and ${breaks.length - shown} more` : `${noun(breaks.length, "break")}: ${listed}`;
}

/** "Check-ins every month, asking the mentor and the trainee". */
export function checkinWords(p: Pick<ProgramRecord, "checkinCadence" | "checkinAlsoTrainee">): string {
  return `Check-ins ${labelOf(CADENCES, p.checkinCadence).toLowerCase()}, asking ${p.checkinAlsoTrainee ? "the mentor and the trainee" : "the mentor"}`;
}

/** What the program form's confirmation says was stored. */
export function programSavedText(p: ProgramRecord): string {
  return `${checkinWords(p)}; ${breaksWords(p.breaks, 5)}. Times are in ${escapeMrkdwn(p.timezone)}.`;
}
