import { z } from "zod";

/**
 * The one table of ranking weights for /findmentor, and the knobs that shape each factor.
 * docs/ranking.md explains every row for program directors; keep the two in step.
 *
 * A fit score is `100 × Σ weight·match / Σ weight`, summed over the factors that are *active*
 * for this trainee (match is always in [0, 1]). A factor is active when the trainee said
 * something it can use (e.g. `handsOn` only when the trainee answered "do you want a hands-on
 * mentor?"); `interests`, `capacity` and `responsiveness` are always active, `keywords` only when
 * the trainee typed search words. The denominator depends on the trainee alone, so every mentor
 * in one ranking is measured on the same scale and the score stays in [0, 100].
 */
export const FACTORS = [
  "keywords",
  "interests",
  "priorities",
  "specialty",
  "careerPath",
  "roles",
  "seniority",
  "handsOn",
  "meeting",
  "capacity",
  "responsiveness",
] as const;

export type Factor = (typeof FACTORS)[number];

export type FactorWeights = Record<Factor, number>;

/** Default weights. Without keywords they sum to 100, so each is "points out of 100". */
export const DEFAULT_WEIGHTS: Readonly<FactorWeights> = Object.freeze({
  /** Share of the search words the mentor's profile mentions (only when words were typed). */
  keywords: 40,
  /** Interests the trainee shares with the mentor's interests and expertise, priority-weighted. */
  interests: 24,
  /** How well the mentor serves the trainee's priorities (grants, publications, …). */
  priorities: 14,
  /** Same subspecialty (full), or same specialty (half). */
  specialty: 10,
  /** Career paths in common. */
  careerPath: 8,
  /** Roles the trainee wants that the mentor offers (and does not already fill for them). */
  roles: 10,
  /** The mentor is further along than the trainee. */
  seniority: 6,
  /** Hands-on preference agrees. */
  handsOn: 5,
  /** Meeting format and cadence agree. */
  meeting: 7,
  /** Share of the mentor's places still open. */
  capacity: 6,
  /** How fast the mentor has answered requests and check-ins so far. */
  responsiveness: 10,
});

/** Knobs that shape individual factors and the reasons. */
export interface RankingTuning {
  /** A factor gets a reason (and counts as "scored") when its match is at least this. */
  reasonMinMatch: number;
  /** Weighted shared interests at which the interests factor is full (1 plain shared tag = 1). */
  sharedInterestsForFull: number;
  /** A shared tag that serves one of the trainee's priorities counts this many times. */
  priorityTagBoost: number;
  /** A shared tag the mentor lists only as an interest (not as expertise) counts this much. */
  interestOnlyFactor: number;
  /** A mentor who declined this trainee within this many days is not suggested again. */
  declinedWithinDays: number;
  /** Below this many measured replies, responsiveness counts as unknown. */
  minResponsivenessSamples: number;
  /** Match given to a mentor with no reply history (neither rewarded nor punished by default). */
  unknownResponsiveness: number;
}

export const DEFAULT_TUNING: Readonly<RankingTuning> = Object.freeze({
  reasonMinMatch: 0.25,
  sharedInterestsForFull: 3,
  priorityTagBoost: 1.5,
  interestOnlyFactor: 0.7,
  declinedWithinDays: 90,
  minResponsivenessSamples: 2,
  unknownResponsiveness: 0.5,
});

export interface RankingConfig {
  weights: FactorWeights;
  tuning: RankingTuning;
}

export const DEFAULT_RANKING_CONFIG: Readonly<RankingConfig> = Object.freeze({
  weights: DEFAULT_WEIGHTS,
  tuning: DEFAULT_TUNING,
});

const weight = z.number().finite().min(0, "a weight cannot be negative").max(1000, "a weight must be at most 1000");
const unit = z.number().finite().min(0, "must be from 0 to 1").max(1, "must be from 0 to 1");

/**
 * What a program may override (stored as JSON on the program): any subset of the weights and
 * tuning knobs. Unknown keys are refused so a typo ("interest": 30) is caught, not ignored.
 */
export const rankingOverridesSchema = z
  .object({
    weights: z
      .object(Object.fromEntries(FACTORS.map((f) => [f, weight.optional()])) as Record<Factor, z.ZodOptional<typeof weight>>)
      .strict()
      .optional(),
    tuning: z
      .object({
        reasonMinMatch: unit.refine((n) => n > 0, "must be more than 0").optional(),
        sharedInterestsForFull: z.number().finite().min(1, "must be at least 1").max(15).optional(),
        priorityTagBoost: z.number().finite().min(1, "must be at least 1").max(5).optional(),
        interestOnlyFactor: unit.optional(),
        declinedWithinDays: z.number().int("must be a whole number").min(0).max(3650).optional(),
        minResponsivenessSamples: z.number().int("must be a whole number").min(1).max(100).optional(),
        unknownResponsiveness: unit.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type RankingOverrides = z.infer<typeof rankingOverridesSchema>;

export type RankingConfigResult =
  | { ok: true; config: RankingConfig }
  | { ok: false; issues: { path: string; message: string }[] };

/** Merges validated overrides over a base config (later overrides win). */
export function mergeRankingConfig(base: RankingConfig, ...overrides: (RankingOverrides | null | undefined)[]): RankingConfig {
  let weights: FactorWeights = { ...base.weights };
  let tuning: RankingTuning = { ...base.tuning };
  for (const o of overrides) {
    if (!o) continue;
    weights = { ...weights, ...stripUndefined(o.weights) };
    tuning = { ...tuning, ...stripUndefined(o.tuning) };
  }
  return { weights, tuning };
}

/**
 * Validates a program's stored overrides (unknown JSON) and merges them over the defaults.
 * Refuses a table whose non-keyword weights are all zero (every mentor would score 0).
 */
export function resolveRankingConfig(programOverrides: unknown, base: RankingConfig = DEFAULT_RANKING_CONFIG): RankingConfigResult {
  const parsed = rankingOverridesSchema.safeParse(programOverrides ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  const config = mergeRankingConfig(base, parsed.data);
  if (!scoresAnything(config)) return { ok: false, issues: [{ path: "weights", message: "at least one weight besides keywords must be above 0" }] };
  return { ok: true, config };
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The ranking for a trainee of several programs: each program's valid overrides merged over the
 * defaults in the order given (later programs win a disagreement). Overrides that do not validate
 * — they are validated when set, so only a hand-edited database has them — are left out.
 */
export function rankingConfigOf(programOverrides: readonly unknown[]): RankingConfig {
  const valid = programOverrides.map((o) => rankingOverridesSchema.safeParse(o ?? {})).flatMap((r) => (r.success ? [r.data] : []));
  const config = mergeRankingConfig(DEFAULT_RANKING_CONFIG, ...valid);
  return scoresAnything(config) ? config : DEFAULT_RANKING_CONFIG;
}

/** False when every weight besides keywords is 0: every mentor would score 0. */
function scoresAnything(config: RankingConfig): boolean {
  return FACTORS.some((f) => f !== "keywords" && config.weights[f] > 0);
}
