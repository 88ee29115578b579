import { parseQuery, type KeywordHit, type QueryTerm } from "./keywords.js";
import { currentTables, featuresOf } from "./mentorFeatures.js";
import type { ProfileData } from "./profile.js";
import {
  evaluate,
  fitScoreOf,
  hasOpenRole,
  placesOpen,
  traineeContext,
  type Evaluation,
  type FactorScore,
  type MentorCandidate,
  type Reason,
  type TraineeContext,
  type TraineeInput,
} from "./scoring.js";
import type { Vocabulary } from "./vocabulary.js";
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from "./weights.js";

/**
 * /findmentor's ranking: hard exclusions first, then the fit score (scoring.ts), an optional
 * keyword filter and re-rank (keywords.ts), and a deterministic order.
 */

/** Why a candidate was not suggested. Each excluded candidate is counted under the first cause that applies, in this order. */
export const EXCLUSION_CAUSES = [
  "self",
  /** Either side's confidential exclusion. Count it, but never tell the trainee about it. */
  "confidential",
  "alreadyMentoring",
  "declinedRecently",
  "paused",
  "full",
  "noKeywordMatch",
] as const;

export type ExclusionCause = (typeof EXCLUSION_CAUSES)[number];

export interface RankOptions {
  /** The moment of the search (for "declined in the last N days"). */
  now: Date;
  /** What was typed after /findmentor; empty → no keyword filter. */
  keywords?: string | readonly string[];
  /** The program's weights (weights.ts resolveRankingConfig). Defaults to DEFAULT_RANKING_CONFIG. */
  config?: RankingConfig;
  /** The vocabulary of the trainee's programs, for labels. Defaults to the base vocabulary. */
  vocabulary?: Vocabulary;
  /** Overrides config.tuning.declinedWithinDays. 0 → never excluded for a past decline. */
  declinedWithinDays?: number;
  /** The mentor role searched for (MENTOR_ROLES key); defaults to the trainee's rolesWanted, else "mentor". */
  role?: string | null;
  /** Return at most this many suggestions (the exclusion counts still cover every candidate). */
  limit?: number;
}

export interface SuggestionFlags {
  /** The mentor is junior faculty: offer the trainee a senior co-mentor (coMentor.ts). */
  juniorFaculty: boolean;
}

/**
 * One mentor suggested. `breakdown`, `reasons` and `keywordHits` are computed when first read
 * (getters; JSON.stringify gives every field).
 */
export interface Suggestion {
  readonly memberId: string;
  readonly name: string;
  /** Fit in [0, 100]; unrounded (round for display). */
  readonly score: number;
  readonly breakdown: FactorScore[];
  readonly reasons: Reason[];
  flags: SuggestionFlags;
  placesOpen: number;
  capacity: number;
  /** Search words this mentor matched (empty without keywords). */
  readonly keywordHits: KeywordHit[];
  /** The candidate as passed in, for the caller's convenience. */
  candidate: MentorCandidate;
}

export interface RankingResult {
  /** Best first. */
  suggestions: Suggestion[];
  /** Candidates left out, counted per cause (all causes present, 0 when none). */
  excluded: Record<ExclusionCause, number>;
  /** Distinct candidates looked at (duplicate memberIds are counted once). */
  considered: number;
  /** The parsed search words, so the caller can say "none mention 'x'". */
  terms: QueryTerm[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function isJuniorFaculty(profile: ProfileData): boolean {
  return profile.careerStage === "junior_faculty";
}

/**
 * Which hard exclusion (if any) keeps a candidate out, before any scoring. Keyword matching is
 * checked later, since it needs the score's keyword factor.
 */
export function exclusionOf(
  trainee: TraineeInput,
  candidate: MentorCandidate,
  hasOpenRoleLeft: boolean,
  declinedSince: number,
): Exclude<ExclusionCause, "noKeywordMatch"> | null {
  if (candidate.memberId === trainee.memberId) return "self";
  if (candidate.confidentialExclusion) return "confidential";
  if (!hasOpenRoleLeft) return "alreadyMentoring";
  for (const d of candidate.declinedTraineeAt) if (d.getTime() > declinedSince) return "declinedRecently";
  if (candidate.paused) return "paused";
  if (placesOpen(candidate) <= 0) return "full";
  return null;
}

/** Best first: higher score, then more places open, then name, then member id. */
export function compareSuggestions(
  a: { score: number; placesOpen: number; name: string; memberId: string },
  b: { score: number; placesOpen: number; name: string; memberId: string },
): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.placesOpen !== b.placesOpen) return b.placesOpen - a.placesOpen;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/** Whether a candidate scored (score, open, name, id) goes before `b` (compareSuggestions < 0, without building an object). */
function goesBefore(score: number, open: number, name: string, memberId: string, b: Scored): boolean {
  if (score !== b.score) return b.score - score < 0;
  if (open !== b.placesOpen) return b.placesOpen - open < 0;
  if (name !== b.name) return name < b.name;
  return memberId < b.memberId;
}

/**
 * The k best seen so far, in order (insertion into a short sorted list): a candidate is only
 * kept, and allocated, when it beats the k-th best. The order is compareSuggestions', a total
 * order over distinct member ids, so the list is the head of what sorting all would give.
 */
class TopK {
  readonly items: Scored[] = [];
  constructor(private readonly k: number) {}

  offer(candidate: MentorCandidate, score: number, open: number): void {
    const { k, items } = this;
    if (k === 0) return;
    const { name, memberId } = candidate;
    if (items.length === k && !goesBefore(score, open, name, memberId, items[k - 1]!)) return;
    let i = items.length === k ? k - 1 : items.length;
    while (i > 0 && goesBefore(score, open, name, memberId, items[i - 1]!)) {
      items[i] = items[i - 1]!;
      i--;
    }
    items[i] = { candidate, memberId, name, score, placesOpen: open };
  }
}

interface Scored {
  candidate: MentorCandidate;
  memberId: string;
  name: string;
  score: number;
  placesOpen: number;
}

/**
 * A suggestion whose reasons and breakdown are worked out when first read, then kept: a caller
 * that shows a page of ten does not pay for explaining five thousand. They are pure functions of
 * the same inputs, so reading them later gives what reading them now would. `toJSON` gives the
 * plain object with every field.
 */
class RankedSuggestion implements Suggestion {
  readonly memberId: string;
  readonly name: string;
  readonly flags: SuggestionFlags;
  readonly capacity: number;
  #explained: Evaluation | null = null;

  constructor(
    private readonly ctx: TraineeContext,
    readonly candidate: MentorCandidate,
    readonly score: number,
    readonly placesOpen: number,
  ) {
    this.memberId = candidate.memberId;
    this.name = candidate.name;
    this.capacity = candidate.capacity;
    this.flags = { juniorFaculty: isJuniorFaculty(candidate.profile) };
  }

  private get explained(): Evaluation {
    return (this.#explained ??= evaluate(this.ctx, this.candidate));
  }

  get breakdown(): FactorScore[] {
    return this.explained.breakdown;
  }

  get reasons(): Reason[] {
    return this.explained.reasons;
  }

  get keywordHits(): KeywordHit[] {
    return this.explained.keywordMatch?.hits ?? [];
  }

  toJSON() {
    const { memberId, name, score, breakdown, reasons, flags, placesOpen, capacity, keywordHits, candidate } = this;
    return { memberId, name, score, breakdown, reasons, flags, placesOpen, capacity, keywordHits, candidate };
  }
}

/**
 * Whether a frozen candidate list (a cached pool's shared list) has no member id twice, worked
 * out once per list: its entries cannot change, and each entry's id is checked against the one
 * seen then. Null for a list that is not frozen (looked at with a Set, as it comes).
 */
const distinctLists = new WeakMap<readonly MentorCandidate[], readonly string[] | null>();
function knownDistinct(candidates: readonly MentorCandidate[]): boolean {
  if (!Object.isFrozen(candidates)) return false;
  let ids = distinctLists.get(candidates);
  if (ids === undefined) {
    const list = candidates.map((c) => c.memberId);
    ids = new Set(list).size === list.length ? list : null;
    distinctLists.set(candidates, ids);
  }
  if (ids === null) return false;
  for (let i = 0; i < candidates.length; i++) if (candidates[i]!.memberId !== ids[i]) return false;
  return true;
}

/** Ranks the candidates for one trainee. Pure and deterministic. */
export function rank(trainee: TraineeInput, candidates: readonly MentorCandidate[], options: RankOptions): RankingResult {
  const config = options.config ?? DEFAULT_RANKING_CONFIG;
  const terms = options.keywords ? parseQuery(options.keywords) : [];
  if (terms.length) currentTables(); // (started afresh here, between rankings, should they have grown too large)
  const ctx = traineeContext(trainee, { config, vocabulary: options.vocabulary, terms, role: options.role ?? null });
  const days = options.declinedWithinDays ?? config.tuning.declinedWithinDays;
  const declinedSince = days > 0 ? options.now.getTime() - days * DAY_MS : Number.POSITIVE_INFINITY;

  const excluded = Object.fromEntries(EXCLUSION_CAUSES.map((c) => [c, 0])) as Record<ExclusionCause, number>;
  // Each member once (the first listed): a Set of ids, unless the list is known to have no repeats.
  const distinct = knownDistinct(candidates);
  const seen = new Set<string>();
  // With a limit well below the candidates, keep only the best as they come (no object per candidate, no sort of thousands).
  const k = options.limit !== undefined ? Math.max(0, Math.floor(options.limit)) : undefined;
  const topK = k !== undefined && k * 8 < candidates.length ? new TopK(k) : null;
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    if (!distinct) {
      if (seen.has(candidate.memberId)) continue;
      seen.add(candidate.memberId);
    }
    const cause = exclusionOf(trainee, candidate, hasOpenRole(ctx, candidate), declinedSince);
    if (cause) {
      excluded[cause] += 1;
      continue;
    }
    const features = terms.length ? featuresOf(candidate.profile) : null;
    const hits = features ? ctx.matcher.countOf(features, candidate.profile) : undefined;
    if (hits === 0) {
      excluded.noKeywordMatch += 1;
      continue;
    }
    const score = fitScoreOf(ctx, candidate, features, hits);
    if (topK) topK.offer(candidate, score, placesOpen(candidate));
    else scored.push({ candidate, memberId: candidate.memberId, name: candidate.name, score, placesOpen: placesOpen(candidate) });
  }
  const top = topK ? topK.items : k !== undefined ? scored.sort(compareSuggestions).slice(0, k) : scored.sort(compareSuggestions);

  const suggestions = top.map((x): Suggestion => new RankedSuggestion(ctx, x.candidate, x.score, x.placesOpen));
  return { suggestions, excluded, considered: distinct ? candidates.length : seen.size, terms };
}
