import { z } from "zod";
import { normalizeTag, type Term, type Vocabulary } from "./vocabulary.js";

/**
 * A profile as Rounds stores it, and the one validator every way in (modal, CSV, CLI) goes
 * through. Vocabulary fields must hold known keys; tags are normalised free text. A trainee's goals
 * are not part of it: they are tracked goals (domain/goals.ts), which the profile form also edits
 * (validateProfileGoals).
 */
export interface ProfileData {
  careerStage: string | null;
  trainingYear: number | null;
  specialty: string | null;
  subspecialty: string | null;
  careerPaths: string[];
  interests: string[];
  priorities: string[];
  rolesWanted: string[];
  meetingCadence: string | null;
  meetingFormats: string[];
  wantsHandsOn: boolean | null;
  expertise: string[];
  rolesOffered: string[];
  capacity: number | null;
  handsOn: boolean | null;
  supervisorNote: string | null;
  cadenceOffered: string | null;
  helpedGrants: boolean | null;
  copublishes: boolean | null;
  editorialRoles: string | null;
  pastFellows: string | null;
  bio: string | null;
}

export const EMPTY_PROFILE: ProfileData = {
  careerStage: null,
  trainingYear: null,
  specialty: null,
  subspecialty: null,
  careerPaths: [],
  interests: [],
  priorities: [],
  rolesWanted: [],
  meetingCadence: null,
  meetingFormats: [],
  wantsHandsOn: null,
  expertise: [],
  rolesOffered: [],
  capacity: null,
  handsOn: null,
  supervisorNote: null,
  cadenceOffered: null,
  helpedGrants: null,
  copublishes: null,
  editorialRoles: null,
  pastFellows: null,
  bio: null,
};

export const PROFILE_LIMITS = {
  goals: 2,
  goalLength: 200,
  tags: 15,
  tagLength: 40,
  bioLength: 1000,
  noteLength: 300,
  trainingYear: { min: 1, max: 10 },
  capacity: { min: 0, max: 20 },
} as const;

const keyOf = (terms: readonly Term[], what: string) =>
  z.string().refine((k) => terms.some((t) => t.key === k), { message: `is not a known ${what}` });

const optionalKey = (terms: readonly Term[], what: string) => keyOf(terms, what).nullable();
const keys = (terms: readonly Term[], what: string) =>
  z.array(keyOf(terms, what)).transform((list) => [...new Set(list)]);

const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .transform((s) => (s ? s : null));

const tags = z
  .array(z.string())
  .transform((list) => [...new Set(list.map(normalizeTag).filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(PROFILE_LIMITS.tagLength, `a tag must be at most ${PROFILE_LIMITS.tagLength} characters`))
      .max(PROFILE_LIMITS.tags, `at most ${PROFILE_LIMITS.tags} tags`),
  );

/** The zod schema for a profile, given the vocabulary of the person's programs. */
export function profileSchema(v: Vocabulary) {
  return z.object({
    careerStage: optionalKey(v.careerStages, "career stage"),
    trainingYear: z
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(PROFILE_LIMITS.trainingYear.min, `must be from ${PROFILE_LIMITS.trainingYear.min} to ${PROFILE_LIMITS.trainingYear.max}`)
      .max(PROFILE_LIMITS.trainingYear.max, `must be from ${PROFILE_LIMITS.trainingYear.min} to ${PROFILE_LIMITS.trainingYear.max}`)
      .nullable(),
    specialty: optionalKey(v.specialties, "specialty"),
    subspecialty: optionalKey(v.subspecialties, "subspecialty"),
    careerPaths: keys(v.careerPaths, "career path"),
    interests: tags,
    priorities: keys(v.priorities, "priority"),
    rolesWanted: keys(v.mentorRoles, "mentor role"),
    meetingCadence: optionalKey(v.cadences, "meeting cadence"),
    meetingFormats: keys(v.meetingFormats, "meeting format"),
    wantsHandsOn: z.boolean().nullable(),
    expertise: tags,
    rolesOffered: keys(v.mentorRoles, "mentor role"),
    capacity: z
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(PROFILE_LIMITS.capacity.min, `must be from ${PROFILE_LIMITS.capacity.min} to ${PROFILE_LIMITS.capacity.max}`)
      .max(PROFILE_LIMITS.capacity.max, `must be from ${PROFILE_LIMITS.capacity.min} to ${PROFILE_LIMITS.capacity.max}`)
      .nullable(),
    handsOn: z.boolean().nullable(),
    supervisorNote: shortText(PROFILE_LIMITS.noteLength),
    cadenceOffered: optionalKey(v.cadences, "meeting cadence"),
    helpedGrants: z.boolean().nullable(),
    copublishes: z.boolean().nullable(),
    editorialRoles: shortText(PROFILE_LIMITS.noteLength),
    pastFellows: shortText(PROFILE_LIMITS.noteLength),
    bio: shortText(PROFILE_LIMITS.bioLength),
  }) satisfies z.ZodType<ProfileData, unknown>;
}

export type ProfileField = keyof ProfileData;

/** `index` is set when the issue is about one item of a list (e.g. the second goal); "goals" are the form's goal boxes. */
export type ProfileIssue = { field: ProfileField | "goals"; message: string; index?: number };

const goalsSchema = z
  .array(z.string().trim().max(PROFILE_LIMITS.goalLength, `a goal must be at most ${PROFILE_LIMITS.goalLength} characters`))
  .transform((g) => g.filter(Boolean))
  .pipe(z.array(z.string()).max(PROFILE_LIMITS.goals, `focus on at most ${PROFILE_LIMITS.goals} goals at a time`));

/** The goal boxes of a trainee's profile form: the texts of their active goals (empty boxes dropped). */
export function validateProfileGoals(input: readonly unknown[]): { ok: true; goals: string[] } | { ok: false; issues: ProfileIssue[] } {
  const parsed = goalsSchema.safeParse(input.map((g) => (typeof g === "string" ? g : "")));
  if (parsed.success) return { ok: true, goals: parsed.data };
  return { ok: false, issues: issuesOf(parsed.error.issues.map((i) => ({ ...i, path: ["goals", ...i.path] }))) };
}

/** Fields both trainees and mentors fill in. */
export const COMMON_FIELDS = ["careerStage", "specialty", "subspecialty", "careerPaths", "meetingFormats"] as const satisfies readonly ProfileField[];
/** The trainee part of a profile. */
export const TRAINEE_FIELDS = [
  "trainingYear",
  "interests",
  "priorities",
  "rolesWanted",
  "meetingCadence",
  "wantsHandsOn",
] as const satisfies readonly ProfileField[];
/** The mentor part of a profile. */
export const MENTOR_FIELDS = [
  "expertise",
  "rolesOffered",
  "capacity",
  "handsOn",
  "supervisorNote",
  "cadenceOffered",
  "helpedGrants",
  "copublishes",
  "editorialRoles",
  "pastFellows",
  "bio",
] as const satisfies readonly ProfileField[];

export type ProfileSection = "trainee" | "mentor";

/** The fields a person edits, given the sections they see (common fields always). */
export function fieldsFor(sections: readonly ProfileSection[]): ProfileField[] {
  return [
    ...COMMON_FIELDS,
    ...(sections.includes("trainee") ? TRAINEE_FIELDS : []),
    ...(sections.includes("mentor") ? MENTOR_FIELDS : []),
  ];
}

/**
 * Validates only `fields` of `input` and lays them over `current`: what a form that shows part of
 * a profile submits. Fields not listed keep their current value untouched.
 */
export function validateProfileFields(
  v: Vocabulary,
  current: ProfileData,
  input: Partial<Record<ProfileField, unknown>>,
  fields: readonly ProfileField[],
): { ok: true; profile: ProfileData } | { ok: false; issues: ProfileIssue[] } {
  const mask = Object.fromEntries(fields.map((f) => [f, true])) as Partial<Record<ProfileField, true>>;
  const parsed = profileSchema(v).pick(mask).safeParse(Object.fromEntries(fields.map((f) => [f, input[f] ?? EMPTY_PROFILE[f]])));
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error.issues) };
  return { ok: true, profile: { ...current, ...(parsed.data as Partial<ProfileData>) } };
}

function issuesOf(list: readonly { path: PropertyKey[]; message: string }[]): ProfileIssue[] {
  const issues = new Map<ProfileIssue["field"], ProfileIssue>();
  for (const issue of list) {
    const field = issue.path[0] as ProfileIssue["field"];
    const index = typeof issue.path[1] === "number" ? issue.path[1] : undefined;
    if (!issues.has(field)) issues.set(field, index === undefined ? { field, message: issue.message } : { field, message: issue.message, index });
  }
  return [...issues.values()];
}

/** Validates a whole profile; on failure, one message per field (for inline modal errors or CSV reports). */
export function validateProfile(
  v: Vocabulary,
  input: unknown,
): { ok: true; profile: ProfileData } | { ok: false; issues: ProfileIssue[] } {
  const parsed = profileSchema(v).safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, issues: issuesOf(parsed.error.issues) };
}

/** Whether someone is available on `now`: not paused, or paused until a date already past (see availability.ts). */
export function isAvailable(pause: { pausedAt: Date | null; pausedUntil: Date | null }, now: Date): boolean {
  if (!pause.pausedAt) return true;
  return pause.pausedUntil !== null && pause.pausedUntil.getTime() <= now.getTime();
}
