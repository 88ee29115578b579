import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPTY_PROFILE, type ProfileData } from "../../src/domain/profile.js";
import { compareSuggestions, EXCLUSION_CAUSES, exclusionOf, rank, type ExclusionCause } from "../../src/domain/ranking.js";
import { evaluate, hasOpenRole, placesOpen, traineeContext, type MentorCandidate, type TraineeInput } from "../../src/domain/scoring.js";
import { parseQuery } from "../../src/domain/keywords.js";
import { CADENCES, CAREER_PATHS, CAREER_STAGES, INTERESTS, MEETING_FORMATS, MENTOR_ROLES, PRIORITIES, SPECIALTIES, SUBSPECIALTIES } from "../../src/domain/vocabulary.js";
import { DEFAULT_RANKING_CONFIG, FACTORS, mergeRankingConfig, type RankingConfig } from "../../src/domain/weights.js";
import { NOW } from "./rankingFixtures.js";

/**
 * rank() keeps only the best `limit` as it scores (a top-k selection, no object per candidate),
 * scores through fitScore's per-ranking factor table, and reads vocabulary tables shared between
 * rankings. This checks it against the plain way, on random pools: every candidate scored by
 * evaluate() (the path that also gives the reasons), all sorted by compareSuggestions, then cut to
 * the limit. Same members, same order, same scores to the bit, same exclusion counts. Several
 * trainees search the same pool (the same candidate and profile objects, as a cached pool shares
 * them) in turn.
 */

const keys = (terms: readonly { key: string }[]) => terms.map((t) => t.key);
// Vocabulary tags, free-text tags, and tags only some profiles use (so tag ids are handed out mid-ranking).
const TAGS = [...keys(INTERESTS), "vte", "aml", "itp", "anticoagulation", "wellness", "car t", "med ed", "grant_writing"];
const DAY = 24 * 60 * 60 * 1000;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const some = (list: readonly string[], maxLength: number) => fc.array(fc.constantFrom(...list), { maxLength }); // repeats allowed

const profileArb: fc.Arbitrary<ProfileData> = fc
  .record({
    careerStage: maybe(fc.constantFrom(...keys(CAREER_STAGES))),
    specialty: maybe(fc.constantFrom(...keys(SPECIALTIES))),
    subspecialty: maybe(fc.constantFrom(...keys(SUBSPECIALTIES))),
    careerPaths: some(keys(CAREER_PATHS), 3),
    interests: some(TAGS, 7),
    priorities: some(keys(PRIORITIES), 3),
    rolesWanted: fc.uniqueArray(fc.constantFrom(...keys(MENTOR_ROLES))),
    meetingCadence: maybe(fc.constantFrom(...keys(CADENCES))),
    meetingFormats: some(keys(MEETING_FORMATS), 3),
    wantsHandsOn: maybe(fc.boolean()),
    expertise: some(TAGS, 7),
    rolesOffered: some(keys(MENTOR_ROLES), 3),
    handsOn: maybe(fc.boolean()),
    cadenceOffered: maybe(fc.constantFrom(...keys(CADENCES))),
    helpedGrants: maybe(fc.boolean()),
    copublishes: maybe(fc.boolean()),
    editorialRoles: maybe(fc.constantFrom("Associate editor, Blood", "Reviewer", "Éditeur, Hémostase")),
    pastFellows: maybe(fc.constantFrom("Two now run thrombosis clinics")),
    bio: maybe(fc.constantFrom("Venous thromboembolism and grant writing", "AML trials", "Sickle cell disease clinic", "Thérapies cellulaires, CAR-T")),
  })
  .map((p) => ({ ...EMPTY_PROFILE, ...p }));

const candidateArb = (memberId: string, profiles: readonly ProfileData[]): fc.Arbitrary<MentorCandidate> =>
  fc.record({
    memberId: fc.constantFrom(memberId, memberId, memberId, "UTRAINEE"),
    name: fc.constantFrom("Ana", "Ben", "Chen", "Dana"),
    // Often a profile another candidate has too (the same object, as a cached pool shares them).
    profile: profiles.length ? fc.oneof(profileArb, fc.constantFrom(...profiles)) : profileArb,
    capacity: fc.integer({ min: 0, max: 6 }),
    activeMentees: fc.integer({ min: 0, max: 4 }),
    paused: fc.boolean(),
    responsiveness: maybe(fc.record({ medianReplyHours: fc.double({ min: 0, max: 500, noNaN: true }), samples: fc.integer({ min: 0, max: 20 }) })),
    rolesWithTrainee: fc.uniqueArray(fc.constantFrom(...keys(MENTOR_ROLES)), { maxLength: 2 }),
    declinedTraineeAt: fc.array(fc.integer({ min: 0, max: 400 }).map((d) => new Date(NOW.getTime() - d * DAY)), { maxLength: 2 }),
    confidentialExclusion: fc.boolean(),
  });

// Member ids repeat sometimes (the first listed counts), or never (as in a cached pool).
const poolArb = fc
  .tuple(fc.array(profileArb, { maxLength: 5 }), fc.integer({ min: 0, max: 80 }), fc.boolean())
  .chain(([shared, n, distinct]) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(`U${String(i).padStart(3, "0")}`, shared))).map((pool) => (distinct ? pool.map((c, i) => ({ ...c, memberId: `U${String(i).padStart(3, "0")}` })) : pool)),
  );

const configArb: fc.Arbitrary<RankingConfig> = fc
  .record({
    weights: fc.record(Object.fromEntries(FACTORS.map((f) => [f, fc.integer({ min: 0, max: 50 })])) as Record<(typeof FACTORS)[number], fc.Arbitrary<number>>),
    interestOnlyFactor: fc.double({ min: 0, max: 1, noNaN: true }),
    priorityTagBoost: fc.double({ min: 1, max: 3, noNaN: true }),
    sharedInterestsForFull: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ weights, ...tuning }) => mergeRankingConfig(DEFAULT_RANKING_CONFIG, { weights, tuning }));

const keywordsArb = fc.constantFrom("", "thrombosis", "grants", "VTE med ed", "aml pubs", "sickle cell disease", "hemato", "thérapie");
const limitArb = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined });

/** The plain way: every candidate scored by evaluate(), all of them sorted, then cut. */
function reference(t: TraineeInput, candidates: readonly MentorCandidate[], keywords: string, config: RankingConfig, limit: number | undefined) {
  const terms = keywords ? parseQuery(keywords) : [];
  const ctx = traineeContext(t, { config, terms });
  const since = NOW.getTime() - config.tuning.declinedWithinDays * DAY;
  const excluded = Object.fromEntries(EXCLUSION_CAUSES.map((c) => [c, 0])) as Record<ExclusionCause, number>;
  const seen = new Set<string>();
  const scored: { memberId: string; name: string; score: number; placesOpen: number }[] = [];
  for (const c of candidates) {
    if (seen.has(c.memberId)) continue;
    seen.add(c.memberId);
    const cause = exclusionOf(t, c, hasOpenRole(ctx, c), config.tuning.declinedWithinDays > 0 ? since : Number.POSITIVE_INFINITY);
    if (cause) {
      excluded[cause] += 1;
      continue;
    }
    const e = evaluate(ctx, c);
    if (terms.length && !e.keywordMatch?.hits.length) {
      excluded.noKeywordMatch += 1;
      continue;
    }
    scored.push({ memberId: c.memberId, name: c.name, score: e.score, placesOpen: placesOpen(c) });
  }
  scored.sort(compareSuggestions);
  return { suggestions: limit === undefined ? scored : scored.slice(0, limit), excluded };
}

describe("the ranking's fast path", () => {
  it("gives the same mentors, order, scores and exclusion counts as scoring each candidate the plain way and sorting them all", () => {
    fc.assert(
      fc.property(poolArb, fc.array(fc.tuple(profileArb, keywordsArb, limitArb), { minLength: 1, maxLength: 4 }), configArb, (pool, searches, config) => {
        for (const [profile, keywords, limit] of searches) {
          const t = { memberId: "UTRAINEE", profile };
          const fast = rank(t, pool, { now: NOW, keywords, config, ...(limit !== undefined ? { limit } : {}) });
          const plain = reference(t, pool, keywords, config, limit);
          expect(fast.suggestions.map((s) => [s.memberId, s.score])).toEqual(plain.suggestions.map((s) => [s.memberId, s.score]));
          expect(fast.excluded).toEqual(plain.excluded);
          expect(fast.considered).toBe(new Set(pool.map((c) => c.memberId)).size);
          // A frozen list (as a cached pool shares it) is known once to repeat no member, or not.
          const frozen = rank(t, Object.freeze([...pool]), { now: NOW, keywords, config, ...(limit !== undefined ? { limit } : {}) });
          expect(frozen.suggestions.map((s) => [s.memberId, s.score])).toEqual(plain.suggestions.map((s) => [s.memberId, s.score]));
          expect([frozen.excluded, frozen.considered]).toEqual([plain.excluded, fast.considered]);
          // The reasons shown are evaluate()'s, and their score is the one ranked by.
          const ctx = traineeContext(t, { config, terms: fast.terms });
          for (const s of fast.suggestions) expect(evaluate(ctx, s.candidate).score).toBe(s.score);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("scores a shared profile as it is now, after its fields were replaced since an earlier ranking", () => {
    const mentor: MentorCandidate = {
      memberId: "U1",
      name: "Ana",
      profile: { ...EMPTY_PROFILE, expertise: ["thrombosis"], helpedGrants: false },
      capacity: 3,
      activeMentees: 0,
      paused: false,
      responsiveness: null,
      rolesWithTrainee: [],
      declinedTraineeAt: [],
      confidentialExclusion: false,
    };
    const t = { memberId: "UTRAINEE", profile: { ...EMPTY_PROFILE, interests: ["thrombosis", "leadership"], priorities: ["grants"] } };
    const before = rank(t, [mentor], { now: NOW }).suggestions[0]!.score;
    mentor.profile.expertise = ["thrombosis", "leadership"];
    mentor.profile.helpedGrants = true;
    const after = rank(t, [mentor], { now: NOW }).suggestions[0]!;
    expect(after.score).toBeGreaterThan(before);
    expect(after.score).toBe(evaluate(traineeContext(t), mentor).score);
    expect(after.reasons.map((r) => r.factor)).toContain("priorities");
  });

  it("counts a member once in a frozen list whose candidates' ids changed since an earlier ranking", () => {
    const a = { ...mentorOf("U1"), name: "Ana" };
    const b = { ...mentorOf("U2"), name: "Ben" };
    const list = Object.freeze([a, b]);
    const t = { memberId: "UTRAINEE", profile: { ...EMPTY_PROFILE, interests: ["thrombosis"] } };
    expect(rank(t, list, { now: NOW }).considered).toBe(2);
    b.memberId = "U1";
    const again = rank(t, list, { now: NOW });
    expect([again.considered, again.suggestions.map((s) => s.name)]).toEqual([1, ["Ana"]]);
  });
});

function mentorOf(memberId: string): MentorCandidate {
  return {
    memberId,
    name: memberId,
    profile: { ...EMPTY_PROFILE, expertise: ["thrombosis"] },
    capacity: 3,
    activeMentees: 0,
    paused: false,
    responsiveness: null,
    rolesWithTrainee: [],
    declinedTraineeAt: [],
    confidentialExclusion: false,
  };
}
