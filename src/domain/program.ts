import { IANAZone } from "luxon";
import { z } from "zod";
import { parseBreakLines } from "./programBreaks.js";
import { academicYearStartSchema, DEFAULT_ACADEMIC_YEAR_START } from "./academicYear.js";

/** What a director sets on a program, and the rules it must meet (modal and CLI alike). */
export const CADENCE_KEYS = ["WEEKLY", "BIWEEKLY", "MONTHLY", "BIMONTHLY", "QUARTERLY"] as const;
export type CadenceKey = (typeof CADENCE_KEYS)[number];

export const PROGRAM_LIMITS = { name: 80, description: 1000, capacity: { min: 1, max: 20 } } as const;

/** Said when the academic year's first day is not a month-day. */
export const ACADEMIC_YEAR_START_PROBLEM = "Write the academic year's first day as month-day, e.g. 07-01 for July 1 (not 02-29).";

export const programInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the program a name.")
    .max(PROGRAM_LIMITS.name, `A program name can be at most ${PROGRAM_LIMITS.name} characters.`),
  description: z.string().trim().max(PROGRAM_LIMITS.description, `At most ${PROGRAM_LIMITS.description} characters.`).default(""),
  checkinCadence: z.enum(CADENCE_KEYS, "Pick a check-in cadence."),
  announcementChannel: z.string().min(1).nullable().default(null),
  timezone: z
    .string("Pick the program's time zone.")
    .trim()
    .refine((tz) => IANAZone.isValidZone(tz), "Pick the program's time zone."),
  /** Check-ins ask the trainee as well as the mentor. */
  checkinAlsoTrainee: z.boolean().default(false),
  /** Break days, written one a line (see programBreaks.ts); read into the stored list. */
  breaks: z
    .string()
    .default("")
    .transform((text, ctx) => {
      const parsed = parseBreakLines(text);
      if (parsed.ok) return parsed.breaks;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
  defaultCapacity: z.coerce
    .number("Enter a number.")
    .int("Enter a whole number.")
    .min(PROGRAM_LIMITS.capacity.min, `From ${PROGRAM_LIMITS.capacity.min} to ${PROGRAM_LIMITS.capacity.max}.`)
    .max(PROGRAM_LIMITS.capacity.max, `From ${PROGRAM_LIMITS.capacity.min} to ${PROGRAM_LIMITS.capacity.max}.`),
  /** First day of the academic year, "MM-DD" (src/domain/academicYear.ts); empty = July 1. */
  academicYearStart: z
    .string()
    .trim()
    .default(DEFAULT_ACADEMIC_YEAR_START)
    .transform((s) => s || DEFAULT_ACADEMIC_YEAR_START)
    .refine((s) => academicYearStartSchema.safeParse(s).success, ACADEMIC_YEAR_START_PROBLEM),
});
/** What a program is created or edited with; without academicYearStart, it stays as it is (July 1 for a new one). */
export type ProgramInput = Omit<z.infer<typeof programInputSchema>, "academicYearStart"> & { academicYearStart?: string };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date.");

export const cohortInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the cohort a name.").max(PROGRAM_LIMITS.name, `At most ${PROGRAM_LIMITS.name} characters.`),
    startsOn: isoDate.nullable().default(null),
    endsOn: isoDate.nullable().default(null),
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, {
    message: "The end date must be on or after the start date.",
    path: ["endsOn"],
  });
export type CohortInput = z.infer<typeof cohortInputSchema>;

/** A calendar date (YYYY-MM-DD) as the UTC midnight Rounds stores it. */
export const dateOf = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
export const isoOf = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
