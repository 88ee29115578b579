/**
 * What a director sets on a pairing round: its kind, the kind's options (stored in Round.options as
 * JSON), and when it runs. The form rules live here (zod) so the modal and any other entry point
 * check the same things. This file is the one owner of the stored options: `ROUND_LIMITS` and
 * `ROUND_DEFAULTS` say what may be stored, `readStoredOptions` is the one reader of Round.options
 * (the proposal code uses it as is) and `parseRoundOptions` narrows it to a round's kind.
 */
import { z } from "zod";
import { MENTOR_ROLES } from "./vocabulary.js";
import { localInstant, localDateOf, nextOccurrence, scheduleProblem, weeklyExpression, type WeekFilter } from "./roundSchedule.js";

export const ROUND_KINDS = ["MENTOR_MATCH", "STABLE", "ROTATION", "SPEED"] as const;
export type RoundKindKey = (typeof ROUND_KINDS)[number];

export const ROUND_LIMITS = {
  name: 80,
  groupSize: { min: 2, max: 6 },
  rotations: { min: 1, max: 12 },
  minutesPerRotation: { min: 3, max: 60 },
  breakMinutes: { min: 0, max: 15 },
  rankDays: { min: 1, max: 14 },
  suggestions: { min: 3, max: 10 },
  repeatPenalty: { min: 0, max: 100 },
} as const;

export const ROUND_DEFAULTS = {
  role: "mentor",
  groupSize: 2,
  rotations: 3,
  minutesPerRotation: 10,
  breakMinutes: 2,
  rankDays: 3,
  suggestions: 5,
  repeatPenalty: 15,
} as const;

/** Options every kind may carry: the "every N weeks" filter of a recurring round. */
interface Recurrence {
  /** 1, 2 or 4 for the simple picker; absent for a raw cron expression or a one-off. */
  everyWeeks?: number;
  /** `YYYY-MM-DD` (program zone): the first week of the series. */
  anchor?: string;
}

export type RoundOptions =
  | ({ kind: "MENTOR_MATCH"; role: string } & Recurrence)
  | ({ kind: "STABLE"; role: string; rankDays: number; suggestions: number } & Recurrence)
  | ({ kind: "ROTATION"; groupSize: number; crossGroup: boolean } & Recurrence)
  | ({ kind: "SPEED"; rotations: number; minutesPerRotation: number; breakMinutes: number; startsAt?: string; startTime?: string } & Recurrence);

const int = (min: number, max: number, what: string) =>
  z.coerce.number(`Enter a number of ${what}.`).int("Enter a whole number.").min(min, `From ${min} to ${max}.`).max(max, `From ${min} to ${max}.`);

const roleKeys = MENTOR_ROLES.map((r) => r.key) as [string, ...string[]];

/** A whole number within a limit; anything else (missing, malformed, out of range) takes the default. */
const storedInt = (limit: { min: number; max: number }, fallback: number) => z.number().int().min(limit.min).max(limit.max).catch(fallback).default(fallback);
const storedFlag = z.boolean().catch(false).default(false);

/**
 * Round.options as stored. Every field is read on its own: a missing, malformed or out-of-range value
 * takes its default and the others are kept. Unknown keys are ignored.
 */
const storedSchema = z.object({
  /** MENTOR_MATCH, STABLE: the mentor role the created matches hold. */
  role: z.enum(roleKeys).catch(ROUND_DEFAULTS.role).default(ROUND_DEFAULTS.role),
  /** STABLE: days to rank (trainees the first half, mentors the second). */
  rankDays: storedInt(ROUND_LIMITS.rankDays, ROUND_DEFAULTS.rankDays),
  /** STABLE: how many suggestions each person ranks from. */
  suggestions: storedInt(ROUND_LIMITS.suggestions, ROUND_DEFAULTS.suggestions),
  /** Pair kinds: never pair two people of the same group (the cohort: profiles have no lab field). */
  excludeSameGroup: storedFlag,
  /** Pair kinds: fit points (0–100 scale) taken off a pair that was paired before. */
  repeatPenalty: z
    .number()
    .min(ROUND_LIMITS.repeatPenalty.min)
    .max(ROUND_LIMITS.repeatPenalty.max)
    .catch(ROUND_DEFAULTS.repeatPenalty)
    .default(ROUND_DEFAULTS.repeatPenalty),
  /** ROTATION: people per group (2 = pairs). */
  groupSize: storedInt(ROUND_LIMITS.groupSize, ROUND_DEFAULTS.groupSize),
  /** ROTATION: mentors × trainees instead of peers. */
  crossGroup: storedFlag,
  /** SPEED: how many rotations each trainee sits. */
  rotations: storedInt(ROUND_LIMITS.rotations, ROUND_DEFAULTS.rotations),
  /** SPEED, a one-off: when the first rotation starts (ISO with offset); absent = startTime, else the run's scheduled time. */
  startsAt: z.iso.datetime({ offset: true }).optional().catch(undefined),
  /** SPEED, recurring: the first rotation's time of day (HH:MM, program zone) on each run's day. */
  startTime: z.string().regex(/^\d{2}:\d{2}$/).optional().catch(undefined),
  /** SPEED: length of one rotation. */
  minutesPerRotation: storedInt(ROUND_LIMITS.minutesPerRotation, ROUND_DEFAULTS.minutesPerRotation),
  /** SPEED: pause between rotations. */
  breakMinutes: storedInt(ROUND_LIMITS.breakMinutes, ROUND_DEFAULTS.breakMinutes),
  everyWeeks: z.number().int().min(1).optional().catch(undefined),
  anchor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
});
/** What may be written to Round.options (every key optional). */
export type StoredRoundOptionsInput = Partial<StoredRoundOptions>;
/** Round.options read back: every key of every kind, with its default when absent or malformed. */
export type StoredRoundOptions = z.output<typeof storedSchema>;

/** The one reader of Round.options (see `storedSchema`); anything but a JSON object reads as `{}`. */
export function readStoredOptions(json: unknown): StoredRoundOptions {
  return storedSchema.parse(json !== null && typeof json === "object" && !Array.isArray(json) ? json : {});
}

/** A round's stored options, typed by its kind (missing or broken values take their defaults). */
export function parseRoundOptions(kind: RoundKindKey, json: unknown): RoundOptions {
  const o = readStoredOptions(json);
  const recurrence: Recurrence = { ...(o.everyWeeks ? { everyWeeks: o.everyWeeks } : {}), ...(o.anchor ? { anchor: o.anchor } : {}) };
  switch (kind) {
    case "MENTOR_MATCH":
      return { kind, role: o.role, ...recurrence };
    case "STABLE":
      return { kind, role: o.role, rankDays: o.rankDays, suggestions: o.suggestions, ...recurrence };
    case "ROTATION":
      return { kind, groupSize: o.groupSize, crossGroup: o.crossGroup, ...recurrence };
    case "SPEED":
      return {
        kind,
        rotations: o.rotations,
        minutesPerRotation: o.minutesPerRotation,
        breakMinutes: o.breakMinutes,
        ...(o.startsAt ? { startsAt: o.startsAt } : {}),
        ...(o.startTime ? { startTime: o.startTime } : {}),
        ...recurrence,
      };
  }
}

/** The week filter of a recurring round's options (none for cron-only or one-off rounds). */
export function weekFilterOf(options: RoundOptions): WeekFilter | undefined {
  return options.everyWeeks && options.everyWeeks > 1 && options.anchor ? { everyWeeks: options.everyWeeks, anchor: options.anchor } : undefined;
}

export const WHEN_KINDS = ["now", "once", "weekly", "cron"] as const;
export type WhenKind = (typeof WHEN_KINDS)[number];

/** The round modal's values, as text from Slack (null when left empty). */
export const roundFormSchema = z.object({
  name: z.string().trim().min(1, "Give the round a name.").max(ROUND_LIMITS.name, `At most ${ROUND_LIMITS.name} characters.`),
  /** `p:<programId>` (whole program) or `c:<programId>:<cohortId>`. */
  target: z.string("Pick a program or cohort.").regex(/^(p:[^:]+|c:[^:]+:[^:]+)$/, "Pick a program or cohort."),
  kind: z.enum(ROUND_KINDS, "Pick the kind of round."),
  role: z.enum(roleKeys, "Pick a role.").nullable().default(null),
  groupSize: int(ROUND_LIMITS.groupSize.min, ROUND_LIMITS.groupSize.max, "people").nullable().default(null),
  crossGroup: z.boolean().default(false),
  rotations: int(ROUND_LIMITS.rotations.min, ROUND_LIMITS.rotations.max, "rotations").nullable().default(null),
  minutesPerRotation: int(ROUND_LIMITS.minutesPerRotation.min, ROUND_LIMITS.minutesPerRotation.max, "minutes").nullable().default(null),
  rankDays: int(ROUND_LIMITS.rankDays.min, ROUND_LIMITS.rankDays.max, "days").nullable().default(null),
  when: z.enum(WHEN_KINDS, "Pick when the round runs."),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  time: z.string().regex(/^\d{2}:\d{2}$/).nullable().default(null),
  weekday: z.coerce.number().int().min(1).max(7).nullable().default(null),
  everyWeeks: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(4)])).nullable().default(null),
  cron: z.string().trim().nullable().default(null),
  /** SPEED: the event's day (one-offs; empty = the run's day) and when its first rotation starts. */
  speedDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  speedStart: z.string().regex(/^\d{2}:\d{2}$/).nullable().default(null),
});
export type RoundForm = z.infer<typeof roundFormSchema>;

/** Where the round's people come from. */
export function targetOf(form: Pick<RoundForm, "target">): { programId: string; cohortId: string | null } {
  const [tag, programId, cohortId] = form.target.split(":");
  return { programId: programId!, cohortId: tag === "c" ? cohortId! : null };
}

/** The stored options for a form (kind-specific values with defaults), without the recurrence. */
export function optionsFromForm(form: RoundForm): RoundOptions {
  switch (form.kind) {
    case "MENTOR_MATCH":
      return { kind: form.kind, role: form.role ?? ROUND_DEFAULTS.role };
    case "STABLE":
      return { kind: form.kind, role: form.role ?? ROUND_DEFAULTS.role, rankDays: form.rankDays ?? ROUND_DEFAULTS.rankDays, suggestions: ROUND_DEFAULTS.suggestions };
    case "ROTATION":
      return { kind: form.kind, groupSize: form.groupSize ?? ROUND_DEFAULTS.groupSize, crossGroup: form.crossGroup };
    case "SPEED":
      return {
        kind: form.kind,
        rotations: form.rotations ?? ROUND_DEFAULTS.rotations,
        minutesPerRotation: form.minutesPerRotation ?? ROUND_DEFAULTS.minutesPerRotation,
        breakMinutes: ROUND_DEFAULTS.breakMinutes,
      };
  }
}

/** The form field a timing problem belongs to. */
export type WhenField = "when" | "date" | "time" | "weekday" | "everyWeeks" | "cron" | "speedDay" | "speedStart";

export type WhenPlan =
  | { ok: true; schedule: string | null; nextRunAt: Date; everyWeeks?: number; anchor?: string; startsAt?: string; startTime?: string }
  | { ok: false; field: WhenField; message: string };

const SCHEDULE_WORDS = {
  never: "This schedule never happens. Check the day and month fields.",
  too_often: "Rounds can repeat at most once a day. Use a daily or weekly schedule.",
} as const;

const fail = (field: WhenField, message: string): WhenPlan => ({ ok: false, field, message });

/**
 * When a round runs, from the form, in the program's zone: now; once at a local date and time (in
 * the future); or recurring — the picker ("every N weeks on a weekday at HH:MM") or a node-cron
 * expression. A speed round also gets its event's start (see planSpeedStart). Returns the first run,
 * or the field to flag with the words to show.
 */
export function planWhen(form: RoundForm, zone: string, now: Date): WhenPlan {
  const run = planRunTime(form, zone, now);
  return run.ok && form.kind === "SPEED" ? planSpeedStart(form, zone, run) : run;
}

/**
 * A speed event's first rotation. The run is when the director gets the preview, and everyone's
 * schedule goes out only when they approve it, so the event must start after the run: a one-off
 * at a day and time (`startsAt`), a recurring round at a time of day on each run's day (`startTime`).
 */
function planSpeedStart(form: RoundForm, zone: string, run: Extract<WhenPlan, { ok: true }>): WhenPlan {
  if (!form.speedStart) return fail("speedStart", "Pick when rotation 1 starts. Leave time after the round runs: everyone gets their schedule once you approve the preview.");
  if (run.schedule) {
    if (form.speedDay) return fail("speedDay", "A repeating round's event is on the day of each run. Leave the event day empty.");
    if (form.when === "weekly" && form.time && form.speedStart <= form.time) return fail("speedStart", `Rotation 1 must start after ${form.time}, when each run's preview reaches you to approve.`);
    return { ...run, startTime: form.speedStart };
  }
  const startsAt = localInstant(form.speedDay ?? localDateOf(run.nextRunAt, zone), form.speedStart, zone);
  if (startsAt.getTime() <= run.nextRunAt.getTime()) {
    return fail(
      "speedStart",
      form.when === "now"
        ? `That time has already passed in ${zone}. Pick a later time, or a later event day.`
        : "Rotation 1 must start after the round runs, when the preview reaches you to approve. Pick a later time or event day.",
    );
  }
  return { ...run, startsAt: startsAt.toISOString() };
}

/** When the round runs (see planWhen). */
function planRunTime(form: RoundForm, zone: string, now: Date): WhenPlan {
  switch (form.when) {
    case "now":
      return { ok: true, schedule: null, nextRunAt: now };
    case "once": {
      if (!form.date) return fail("date", "Pick the day of the round.");
      if (!form.time) return fail("time", "Pick the time of the round.");
      const at = localInstant(form.date, form.time, zone);
      if (at.getTime() <= now.getTime()) return fail("date", `That time has already passed in ${zone}. Pick a later one, or choose "Now".`);
      return { ok: true, schedule: null, nextRunAt: at };
    }
    case "weekly": {
      if (!form.weekday) return fail("weekday", "Pick the day of the week.");
      if (!form.time) return fail("time", "Pick the time of the round.");
      const everyWeeks = form.everyWeeks ?? 1;
      const schedule = weeklyExpression({ everyWeeks, weekday: form.weekday, time: form.time });
      const first = nextOccurrence(schedule, zone, now)!;
      const anchor = localDateOf(first, zone);
      return { ok: true, schedule, nextRunAt: first, ...(everyWeeks > 1 ? { everyWeeks, anchor } : {}) };
    }
    case "cron": {
      if (!form.cron) return fail("cron", "Type a cron expression, e.g. 0 9 * * 1 for Mondays at 09:00.");
      const problem = scheduleProblem(form.cron, zone, now);
      if (problem?.kind === "invalid") return fail("cron", `That isn't a cron expression node-cron accepts: ${problem.detail}. Example: 0 9 * * 1 (Mondays at 09:00).`);
      if (problem) return fail("cron", SCHEDULE_WORDS[problem.kind]);
      return { ok: true, schedule: form.cron, nextRunAt: nextOccurrence(form.cron, zone, now)! };
    }
  }
}
