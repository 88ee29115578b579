import { DateTime } from "luxon";
import { z } from "zod";
import type { DateRange } from "./deliveryTime.js";

/**
 * Program breaks: days (holidays, rotations off) on which no check-in period is asked about, in the
 * program's time zone. Stored in Program.breaks as a JSON array of `"YYYY-MM-DD"` (one day) or
 * `{"from", "to"}` (an inclusive range), the shape the check-in plan reads. The program form and the
 * CLI write them as text, one break a line: `2026-12-24` or `2026-12-24 to 2027-01-02`.
 */

export type ProgramBreak = string | DateRange;

export const BREAK_LIMITS = { count: 100, days: 366 } as const;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const storedSchema = z.array(z.union([z.string().regex(ISO), z.object({ from: z.string().regex(ISO), to: z.string().regex(ISO) })]));

/** Program.breaks as stored; anything unreadable reads as no breaks. */
export function readBreaks(json: unknown): ProgramBreak[] {
  const parsed = storedSchema.safeParse(json ?? []);
  return parsed.success ? parsed.data : [];
}

export const rangeOf = (b: ProgramBreak): DateRange => (typeof b === "string" ? { from: b, to: b } : b);
const stored = (r: DateRange): ProgramBreak => (r.from === r.to ? r.from : r);
const key = (b: ProgramBreak) => `${rangeOf(b).from}/${rangeOf(b).to}`;

/** One break as the form and the CLI write it: "2026-12-24" or "2026-12-24 to 2027-01-02". */
export const breakText = (b: ProgramBreak): string => (typeof b === "string" ? b : `${b.from} to ${b.to}`);

/** "to", "..", an en or em dash, or a hyphen with spaces round it, between two dates. */
const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\bto\b|\.\.|–|—)\s*|\s+-\s+)?(\d{4}-\d{2}-\d{2})?$/i;
const isDay = (iso: string) => DateTime.fromISO(iso, { zone: "UTC" }).isValid;

export type BreakParse = { ok: true; break: ProgramBreak } | { ok: false; message: string };

/**
 * One written break → the break, or what is wrong with it in the director's words. `rangeExample` is
 * how the caller writes a range ("2026-12-24 to 2027-01-02" in the form; the CLI takes "..").
 */
export function parseBreak(text: string, rangeExample = "2026-12-24 to 2027-01-02"): BreakParse {
  const m = LINE.exec(text.trim());
  if (!m) return { ok: false, message: `"${text.trim()}" isn't a day or a range of days. Write 2026-12-24, or ${rangeExample}.` };
  const from = m[1]!;
  const to = m[2] ?? from;
  for (const d of [from, to]) if (!isDay(d)) return { ok: false, message: `${d} isn't a date in the calendar.` };
  if (to < from) return { ok: false, message: `${from} to ${to} ends before it starts. Put the first day first.` };
  const days = DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days + 1;
  if (days > BREAK_LIMITS.days) return { ok: false, message: `${from} to ${to} is longer than a year. Check the years.` };
  return { ok: true, break: stored({ from, to }) };
}

/** Breaks in date order, each once. */
export function tidyBreaks(breaks: readonly ProgramBreak[]): ProgramBreak[] {
  const unique = new Map(breaks.map((b) => [key(b), b]));
  return [...unique.values()].sort((a, b) => key(a).localeCompare(key(b)));
}

export type BreaksParse = { ok: true; breaks: ProgramBreak[] } | { ok: false; message: string };

/** The form's text, one break a line (empty lines ignored) → the breaks, or the first problem with its line number. */
export function parseBreakLines(text: string): BreaksParse {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const breaks: ProgramBreak[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const parsed = parseBreak(line);
    if (!parsed.ok) return { ok: false, message: lines.filter(Boolean).length > 1 ? `Line ${i + 1}: ${parsed.message}` : parsed.message };
    breaks.push(parsed.break);
  }
  const tidy = tidyBreaks(breaks);
  if (tidy.length > BREAK_LIMITS.count) return { ok: false, message: `At most ${BREAK_LIMITS.count} breaks. Remove past ones you no longer need.` };
  return { ok: true, breaks: tidy };
}

/** The breaks as the form shows them, one a line. */
export const breakLines = (breaks: readonly ProgramBreak[]): string => breaks.map(breakText).join("\n");

export type BreaksChange = { add?: readonly ProgramBreak[]; remove?: readonly ProgramBreak[]; clear?: boolean };

/** The breaks after a change (clear first, then remove, then add); `missing` names a break to remove that is not there. */
export function changeBreaks(current: readonly ProgramBreak[], change: BreaksChange): { ok: true; breaks: ProgramBreak[] } | { ok: false; missing: ProgramBreak } {
  let next = change.clear ? [] : [...current];
  for (const r of change.remove ?? []) {
    if (!next.some((b) => key(b) === key(r))) return { ok: false, missing: r };
    next = next.filter((b) => key(b) !== key(r));
  }
  return { ok: true, breaks: tidyBreaks([...next, ...(change.add ?? [])]) };
}
