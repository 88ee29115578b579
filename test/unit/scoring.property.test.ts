import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPTY_PROFILE, type ProfileData } from "../../src/domain/profile.js";
import { compareSuggestions, rank } from "../../src/domain/ranking.js";
import { evaluate, fitScore, traineeContext, type MentorCandidate, type TraineeInput } from "../../src/domain/scoring.js";
import {
  CADENCES,
  CAREER_PATHS,
  CAREER_STAGES,
  INTERESTS,
  MEETING_FORMATS,
  MENTOR_ROLES,
  PRIORITIES,
  SPECIALTIES,
  SUBSPECIALTIES,
} from "../../src/domain/vocabulary.js";
import { DEFAULT_RANKING_CONFIG, FACTORS, mergeRankingConfig, type RankingConfig } from "../../src/domain/weights.js";
import { NOW } from "./rankingFixtures.js";

const keys = (terms: readonly { key: string }[]) => terms.map((t) => t.key);
const TAGS = [...keys(INTERESTS), "vte", "aml", "itp", "anticoagulation", "wellness"];
const DAY = 24 * 60 * 60 * 1000;

const subset = (list: readonly string[], maxLength = list.length) => fc.uniqueArray(fc.constantFrom(...list), { maxLength });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const profileArb: fc.Arbitrary<ProfileData> = fc.record({
  careerStage: maybe(fc.constantFrom(...keys(CAREER_STAGES))),
  specialty: maybe(fc.constantFrom(...keys(SPECIALTIES))),
  subspecialty: maybe(fc.constantFrom(...keys(SUBSPECIALTIES))),
  careerPaths: subset(keys(CAREER_PATHS), 3),
  interests: subset(TAGS, 6),
  priorities: subset(keys(PRIORITIES), 3),
  rolesWanted: subset(keys(MENTOR_ROLES)),
  meetingCadence: maybe(fc.constantFrom(...keys(CADENCES))),
  meetingFormats: subset(keys(MEETING_FORMATS)),
  wantsHandsOn: maybe(fc.boolean()),
  expertise: subset(TAGS, 6),
  rolesOffered: subset(keys(MENTOR_ROLES)),
  handsOn: maybe(fc.boolean()),
  cadenceOffered: maybe(fc.constantFrom(...keys(CADENCES))),
  helpedGrants: maybe(fc.boolean()),
  copublishes: maybe(fc.boolean()),
  editorialRoles: maybe(fc.constantFrom("Associate editor, Blood", "Reviewer")),
  pastFellows: maybe(fc.constantFrom("Two now run thrombosis clinics")),
  bio: maybe(fc.constantFrom("Venous thromboembolism and grant writing", "AML trials", "Sickle cell disease clinic")),
}).map((p) => ({ ...EMPTY_PROFILE, ...p }));

const traineeArb: fc.Arbitrary<TraineeInput> = profileArb.map((profile) => ({ memberId: "UTRAINEE", profile }));

const candidateArb = (id: string): fc.Arbitrary<MentorCandidate> =>
  fc.record({
    memberId: fc.constantFrom(id, id, id, "UTRAINEE"),
    name: fc.constantFrom("Ana", "Ben", "Chen", "Dana"),
    profile: profileArb,
    capacity: fc.integer({ min: 0, max: 6 }),
    activeMentees: fc.integer({ min: 0, max: 7 }),
    paused: fc.boolean(),
    responsiveness: maybe(fc.record({ medianReplyHours: fc.double({ min: 0, max: 500, noNaN: true }), samples: fc.integer({ min: 0, max: 20 }) })),
    rolesWithTrainee: subset(keys(MENTOR_ROLES), 2),
    declinedTraineeAt: fc.array(fc.integer({ min: 0, max: 400 }).map((d) => new Date(NOW.getTime() - d * DAY)), { maxLength: 2 }),
    confidentialExclusion: fc.boolean(),
  });

const candidatesArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(`U${String(i).padStart(3, "0")}`))));

const configArb: fc.Arbitrary<RankingConfig> = fc
  .record({
    weights: fc.record(Object.fromEntries(FACTORS.map((f) => [f, fc.integer({ min: 0, max: 50 })])) as Record<(typeof FACTORS)[number], fc.Arbitrary<number>>),
    reasonMinMatch: fc.double({ min: 0.05, max: 1, noNaN: true }),
  })
  .map(({ weights, reasonMinMatch }) => mergeRankingConfig(DEFAULT_RANKING_CONFIG, { weights, tuning: { reasonMinMatch } }));

const keywordsArb = fc.constantFrom("", "thrombosis", "grants", "VTE med ed", "aml pubs", "sickle cell disease", "hemato");

describe("the ranking never suggests someone it must not", () => {
  it("never suggests self, excluded, paused, full, already-mentoring or recently-declined mentors", () => {
    fc.assert(
      fc.property(traineeArb, candidatesArb, keywordsArb, fc.integer({ min: 0, max: 200 }), (t, candidates, keywords, days) => {
        const result = rank(t, candidates, { now: NOW, keywords, declinedWithinDays: days });
        const sought = t.profile.rolesWanted.length ? t.profile.rolesWanted : ["mentor"];
        for (const s of result.suggestions) {
          const c = s.candidate;
          expect(c.memberId).not.toBe(t.memberId);
          expect(c.confidentialExclusion).toBe(false);
          expect(c.paused).toBe(false);
          expect(c.capacity - c.activeMentees).toBeGreaterThan(0);
          expect(sought.some((r) => !c.rolesWithTrainee.includes(r))).toBe(true);
          for (const d of c.declinedTraineeAt) {
            if (days > 0) expect(NOW.getTime() - d.getTime()).toBeGreaterThanOrEqual(days * DAY);
          }
          if (keywords.trim()) expect(s.keywordHits.length).toBeGreaterThan(0);
        }
        const excluded = Object.values(result.excluded).reduce((a, b) => a + b, 0);
        expect(result.suggestions.length + excluded).toBe(new Set(candidates.map((c) => c.memberId)).size);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the score", () => {
  it("never drops when the mentor shares one more interest, all else equal", () => {
    fc.assert(
      fc.property(traineeArb, candidateArb("U1"), configArb, keywordsArb, fc.constantFrom(...TAGS), fc.constantFrom("expertise", "interests", "both"), (t, c, config, keywords, tag, where) => {
        const before = evaluate(traineeContext(t, { config }), c).score;
        // One more shared interest: the trainee and the mentor both list the tag.
        const t2 = { ...t, profile: { ...t.profile, interests: [...new Set([...t.profile.interests, tag])] } };
        const add = (list: string[], yes: boolean) => (yes ? [...new Set([...list, tag])] : list);
        const c2 = {
          ...c,
          profile: {
            ...c.profile,
            expertise: add(c.profile.expertise, where !== "interests"),
            interests: add(c.profile.interests, where !== "expertise"),
          },
        };
        const terms = keywords ? rank(t, [], { now: NOW, keywords }).terms : [];
        const b = evaluate(traineeContext(t, { config, terms }), c).score;
        const a = evaluate(traineeContext(t2, { config, terms }), c2).score;
        expect(a).toBeGreaterThanOrEqual(b);
        expect(evaluate(traineeContext(t2, { config }), c2).score).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("is the same on the fast path (no reasons) as with reasons, keywords included", () => {
    fc.assert(
      fc.property(traineeArb, candidateArb("U1"), configArb, keywordsArb, (t, c, config, keywords) => {
        const ctx = traineeContext(t, { config, terms: rank(t, [], { now: NOW, keywords }).terms });
        expect(fitScore(ctx, c)).toBe(evaluate(ctx, c).score);
      }),
      { numRuns: 300 },
    );
  });

  it("stays within 0–100, and its points add up to it", () => {
    fc.assert(
      fc.property(traineeArb, candidateArb("U1"), configArb, (t, c, config) => {
        const e = evaluate(traineeContext(t, { config }), c);
        expect(e.score).toBeGreaterThanOrEqual(0);
        expect(e.score).toBeLessThanOrEqual(100);
        expect(e.breakdown.reduce((s, b) => s + b.points, 0)).toBeCloseTo(e.score, 6);
        for (const b of e.breakdown) {
          expect(b.match).toBeGreaterThanOrEqual(0);
          expect(b.match).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives a reason for exactly the factors that scored at least the threshold", () => {
    fc.assert(
      fc.property(traineeArb, candidateArb("U1"), configArb, keywordsArb, (t, c, config, keywords) => {
        const terms = keywords ? rank(t, [], { now: NOW, keywords }).terms : [];
        const e = evaluate(traineeContext(t, { config, terms }), c);
        const scored = e.breakdown.filter((b) => b.points > 0 && b.match >= config.tuning.reasonMinMatch).map((b) => b.factor);
        const reasons = e.reasons.map((r) => r.factor);
        expect([...reasons].sort()).toEqual([...scored].sort());
        for (const r of e.reasons) expect(r.text.length).toBeGreaterThan(0);
        for (const f of reasons) expect(e.breakdown.find((b) => b.factor === f)!.points).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the order", () => {
  it("is sorted and the same whatever order the candidates come in", () => {
    fc.assert(
      fc.property(traineeArb, candidatesArb, keywordsArb, fc.integer(), (t, candidates, keywords, seed) => {
        const first = rank(t, candidates, { now: NOW, keywords });
        for (let i = 1; i < first.suggestions.length; i++) {
          expect(compareSuggestions(first.suggestions[i - 1]!, first.suggestions[i]!)).toBeLessThanOrEqual(0);
        }
        // A deterministic shuffle that keeps the first copy of each member first.
        const unique = [...new Map(candidates.map((c) => [c.memberId, c] as const)).values()];
        const shuffled = [...unique].sort((a, b) => ((hash(a.memberId, seed) - hash(b.memberId, seed)) | 0));
        const again = rank(t, shuffled, { now: NOW, keywords });
        expect(again.suggestions.map((s) => s.memberId)).toEqual(first.suggestions.map((s) => s.memberId));
        expect(again.excluded).toEqual(first.excluded);
        // A limit returns the head of the same order (partial selection, not a different sort).
        const limit = Math.abs(seed) % 4;
        const limited = rank(t, candidates, { now: NOW, keywords, limit });
        expect(limited.suggestions.map((s) => s.memberId)).toEqual(first.suggestions.slice(0, limit).map((s) => s.memberId));
        expect(limited.excluded).toEqual(first.excluded);
      }),
      { numRuns: 200 },
    );
  });
});

describe("ties", () => {
  it("are broken by places open, then name, then member id, whatever the input order", () => {
    const twinsArb = fc.tuple(
      profileArb,
      fc.array(fc.record({ name: fc.constantFrom("Ana", "Ben"), capacity: fc.integer({ min: 1, max: 4 }), activeMentees: fc.integer({ min: 0, max: 3 }) }), { maxLength: 12 }),
    );
    fc.assert(
      fc.property(traineeArb, twinsArb, fc.integer(), (t, [profile, twins], seed) => {
        // Same profile and the same share of places open: every score ties.
        const candidates: MentorCandidate[] = twins.map((w, i) => ({
          memberId: `U${String(i).padStart(3, "0")}`,
          name: w.name,
          profile,
          capacity: w.capacity * 2,
          activeMentees: w.capacity,
          paused: false,
          responsiveness: null,
          rolesWithTrainee: [],
          declinedTraineeAt: [],
          confidentialExclusion: false,
        }));
        const shuffled = [...candidates].sort((a, b) => (hash(a.memberId, seed) - hash(b.memberId, seed)) | 0);
        const ids = rank(t, shuffled, { now: NOW }).suggestions.map((s) => s.memberId);
        const expected = [...candidates]
          .sort((a, b) => b.capacity - a.capacity || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.memberId < b.memberId ? -1 : 1))
          .map((c) => c.memberId);
        expect(ids).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h;
}
