import { z } from "zod";
import { EMPTY_PROFILE, profileSchema, type ProfileData } from "./profile.js";
import type { Role } from "./roles.js";
import type { Term, Vocabulary } from "./vocabulary.js";

/**
 * The roster CSV: one row per (person, role). Pure: a parsed row in, a validated record or the
 * reason it is bad out. Vocabulary columns accept a key or a label; list cells are `;`-separated.
 */
export const ROSTER_COLUMNS = [
  "email",
  "role",
  "cohort",
  "career_stage",
  "training_year",
  "specialty",
  "subspecialty",
  "interests",
  "expertise",
  "career_paths",
  "roles_offered",
  "roles_wanted",
  "capacity",
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** The profile fields a roster carries, by column. */
export const PROFILE_COLUMNS = {
  career_stage: "careerStage",
  training_year: "trainingYear",
  specialty: "specialty",
  subspecialty: "subspecialty",
  interests: "interests",
  expertise: "expertise",
  career_paths: "careerPaths",
  roles_offered: "rolesOffered",
  roles_wanted: "rolesWanted",
  capacity: "capacity",
} as const satisfies Partial<Record<RosterColumn, keyof ProfileData>>;
export type RosterProfileField = (typeof PROFILE_COLUMNS)[keyof typeof PROFILE_COLUMNS];
export type RosterProfile = Pick<ProfileData, RosterProfileField>;

export const EMPTY_ROSTER_PROFILE: RosterProfile = {
  careerStage: null,
  trainingYear: null,
  specialty: null,
  subspecialty: null,
  interests: [],
  expertise: [],
  careerPaths: [],
  rolesOffered: [],
  rolesWanted: [],
  capacity: null,
};

export interface RosterRecord {
  email: string;
  role: Role;
  /** null: no cohort named on the row (the import's default applies). */
  cohort: string | null;
  /** Only the profile fields whose columns the file has. */
  profile: Partial<RosterProfile>;
}

export type RosterRowResult = { ok: true; record: RosterRecord } | { ok: false; reason: string };

/** Header names, lower-cased and trimmed; unknown columns are reported so typos do not pass silently. */
export function checkHeader(header: readonly string[]): { ok: true; columns: RosterColumn[] } | { ok: false; reason: string } {
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  const unknown = names.filter((n) => !(ROSTER_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) return { ok: false, reason: `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (expected: ${ROSTER_COLUMNS.join(", ")})` };
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) return { ok: false, reason: `column ${n} appears twice` };
    seen.add(n);
  }
  if (!seen.has("email") || !seen.has("role")) return { ok: false, reason: "the header must name at least the email and role columns" };
  return { ok: true, columns: names as RosterColumn[] };
}

const emailSchema = z.email("is not an email address");
const roleSchema = z.enum(["trainee", "mentor", "director"], "must be trainee, mentor or director");

const list = (cell: string) =>
  cell
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

/** A key or a label (any case) → the key; unknown text stays as typed so the validator names it. */
const toKey = (terms: readonly Term[], text: string) => {
  const t = text.trim().toLowerCase();
  return terms.find((term) => term.key.toLowerCase() === t || term.label.toLowerCase() === t)?.key ?? text.trim();
};

const integer = (cell: string): number | null | "bad" => {
  const t = cell.trim();
  if (!t) return null;
  return /^-?\d+$/.test(t) ? Number(t) : "bad";
};

const LABEL: Record<RosterProfileField, RosterColumn> = Object.fromEntries(
  Object.entries(PROFILE_COLUMNS).map(([column, field]) => [field, column]),
) as Record<RosterProfileField, RosterColumn>;

export function parseRosterRow(row: Partial<Record<RosterColumn, string>>, vocabulary: Vocabulary): RosterRowResult {
  const email = emailSchema.safeParse((row.email ?? "").trim().toLowerCase());
  if (!email.success) return { ok: false, reason: row.email?.trim() ? `email "${row.email.trim()}" is not an email address` : "email is empty" };
  const role = roleSchema.safeParse((row.role ?? "").trim().toLowerCase());
  if (!role.success) return { ok: false, reason: `role "${(row.role ?? "").trim()}" must be trainee, mentor or director` };

  const raw: Partial<Record<RosterProfileField, unknown>> = {};
  const cell = (c: RosterColumn) => row[c];
  const single = (c: RosterColumn, terms: readonly Term[]) => {
    const v = cell(c)?.trim();
    return v ? toKey(terms, v) : null;
  };
  for (const [column, field] of Object.entries(PROFILE_COLUMNS) as [RosterColumn, RosterProfileField][]) {
    const value = cell(column);
    if (value === undefined) continue;
    switch (field) {
      case "careerStage":
        raw.careerStage = single(column, vocabulary.careerStages);
        break;
      case "specialty":
        raw.specialty = single(column, vocabulary.specialties);
        break;
      case "subspecialty":
        raw.subspecialty = single(column, vocabulary.subspecialties);
        break;
      case "careerPaths":
        raw.careerPaths = list(value).map((v) => toKey(vocabulary.careerPaths, v));
        break;
      case "rolesOffered":
      case "rolesWanted":
        raw[field] = list(value).map((v) => toKey(vocabulary.mentorRoles, v));
        break;
      case "interests":
      case "expertise":
        raw[field] = list(value);
        break;
      case "trainingYear":
      case "capacity": {
        const n = integer(value);
        if (n === "bad") return { ok: false, reason: `${column} "${value.trim()}" must be a whole number` };
        raw[field] = n;
        break;
      }
    }
  }
  const checked = schemaFor(vocabulary).safeParse({ ...EMPTY_PROFILE, ...raw });
  if (!checked.success) {
    const field = checked.error.issues[0]!.path[0] as RosterProfileField;
    const column = LABEL[field] ?? field;
    return { ok: false, reason: `${column}: ${describe(checked.error.issues[0]!.message, row[column as RosterColumn])}` };
  }
  const profile: Partial<RosterProfile> = {};
  for (const field of Object.keys(raw) as RosterProfileField[]) {
    (profile as Record<string, unknown>)[field] = checked.data[field];
  }
  const cohort = row.cohort?.trim() || null;
  return { ok: true, record: { email: email.data, role: role.data.toUpperCase() as Role, cohort, profile } };
}

/** The profile validator (src/domain/profile.ts), built once per vocabulary: building it costs more than a row. */
const schemas = new WeakMap<Vocabulary, ReturnType<typeof profileSchema>>();
function schemaFor(v: Vocabulary) {
  let schema = schemas.get(v);
  if (!schema) schemas.set(v, (schema = profileSchema(v)));
  return schema;
}

const describe = (message: string, value: string | undefined) => (value?.trim() ? `"${value.trim()}" — ${message}` : message);

/** A profile's roster columns as CSV cells (keys; lists joined with `;`). */
export function rosterCells(profile: RosterProfile | null): Record<keyof typeof PROFILE_COLUMNS, string> {
  const p = profile ?? EMPTY_ROSTER_PROFILE;
  const text = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    career_stage: text(p.careerStage),
    training_year: text(p.trainingYear),
    specialty: text(p.specialty),
    subspecialty: text(p.subspecialty),
    interests: p.interests.join(";"),
    expertise: p.expertise.join(";"),
    career_paths: p.careerPaths.join(";"),
    roles_offered: p.rolesOffered.join(";"),
    roles_wanted: p.rolesWanted.join(";"),
    capacity: text(p.capacity),
  };
}

/** True when every field in `patch` already holds the same value in `current`. */
export function profileUnchanged(current: RosterProfile | null, patch: Partial<RosterProfile>): boolean {
  const base = current ?? EMPTY_ROSTER_PROFILE;
  return (Object.keys(patch) as RosterProfileField[]).every((f) => JSON.stringify(base[f]) === JSON.stringify(patch[f]));
}
