import { DateTime } from "luxon";
import { z } from "zod";

/**
 * A program's academic year: graduate medical education runs from July 1 to June 30 by default.
 * The start is stored as "MM-DD" on the program; the year is named after the calendar year it
 * starts in and ends in ("2026–27"). Pure: time is a parameter; dates are read in the program's zone.
 */
export const DEFAULT_ACADEMIC_YEAR_START = "07-01";

/** "MM-DD" of a real day that every year has (no February 29). */
export const academicYearStartSchema = z
  .string()
  .trim()
  .regex(/^\d{2}-\d{2}$/, "must look like 07-01 (month-day)")
  .refine((s) => {
    const [m, d] = s.split("-").map(Number) as [number, number];
    return m >= 1 && m <= 12 && d >= 1 && !(m === 2 && d > 28) && DateTime.fromObject({ year: 2025, month: m, day: d }).isValid;
  }, "must be a real day of the year (not February 29)");

export interface AcademicYear {
  /** First instant of the year, in the program's zone. */
  start: Date;
  /** First instant of the next year (exclusive end). */
  end: Date;
  /** The last day of the year, "YYYY-MM-DD" in the program's zone. */
  lastDay: string;
  /** "2026–27" */
  label: string;
  /** The calendar year the academic year starts in. */
  startYear: number;
}

function startIn(year: number, start: string, zone: string): DateTime {
  const [month, day] = start.split("-").map(Number) as [number, number];
  return DateTime.fromObject({ year, month, day }, { zone });
}

/** The academic year that contains `at`. */
export function academicYearAt(at: Date, start: string = DEFAULT_ACADEMIC_YEAR_START, zone = "UTC"): AcademicYear {
  const local = DateTime.fromJSDate(at, { zone });
  const thisYears = startIn(local.year, start, zone);
  return academicYearStarting(local < thisYears ? local.year - 1 : local.year, start, zone);
}

/** The academic year starting in calendar year `startYear`. */
export function academicYearStarting(startYear: number, start: string = DEFAULT_ACADEMIC_YEAR_START, zone = "UTC"): AcademicYear {
  const from = startIn(startYear, start, zone);
  const to = startIn(startYear + 1, start, zone);
  const endYear = to.minus({ days: 1 }).year;
  return {
    start: from.toJSDate(),
    end: to.toJSDate(),
    lastDay: to.minus({ days: 1 }).toISODate()!,
    label: endYear === startYear ? String(startYear) : `${startYear}–${String(endYear).slice(-2)}`,
    startYear,
  };
}
