import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeywordMatcher, parseQuery, SYNONYMS } from "../../src/domain/keywords.js";
import { startTablesAfresh } from "../../src/domain/mentorFeatures.js";
import { EMPTY_PROFILE, type ProfileData } from "../../src/domain/profile.js";
import { rank } from "../../src/domain/ranking.js";
import { INTERESTS, SPECIALTIES, SUBSPECIALTIES, CAREER_PATHS, vocabularyWith } from "../../src/domain/vocabulary.js";
import { mentor, NOW, trainee } from "./rankingFixtures.js";

/**
 * A ranking counts each mentor's search words from numbered tags and words worked out once per
 * profile (mentorFeatures.ts), remembering per search what each tag and word matches. The
 * suggestion's reasons say which words matched by searching the text itself (KeywordMatcher.match).
 * The two must agree on every profile and query: same terms matched, including plurals, accents,
 * synonyms of several words, word starts, punctuation between words, and phrases that must not
 * run from one field into the next.
 */

const keys = (terms: readonly { key: string }[]) => terms.map((t) => t.key);
const SYNONYM_WORDS = SYNONYMS.flat().flatMap((s) => s.split(" "));
const WORDS = [
  ...SYNONYM_WORDS,
  "thromboses", "therapies", "Thérapie", "hémostase", "grants", "grant", "fellows", "classes", "boxes", "lupus",
  "hematology", "hemato", "hematologic", "trial", "trials", "mentoring", "mentor", "cells", "cell", "y", "yy",
  "car-t", "CAR", "T", "med", "ed", "2", "b12", "the", "and",
];
const SEPARATORS = [" ", " ", " ", ", ", "-", ". ", " (", ") ", "/", "\n", "—"];
const TAGS = [...keys(INTERESTS), "vte", "aml", "car t", "med_ed", "grant_writing", "sickle_cell", "Hémostase", "stem cell transplant"];

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 14 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const profileArb: fc.Arbitrary<ProfileData> = fc
  .record({
    expertise: fc.array(fc.constantFrom(...TAGS), { maxLength: 4 }),
    interests: fc.array(fc.constantFrom(...TAGS), { maxLength: 4 }),
    specialty: maybe(fc.constantFrom(...keys(SPECIALTIES), "my_own_specialty")),
    subspecialty: maybe(fc.constantFrom(...keys(SUBSPECIALTIES))),
    careerPaths: fc.array(fc.constantFrom(...keys(CAREER_PATHS)), { maxLength: 2 }),
    helpedGrants: maybe(fc.boolean()),
    copublishes: maybe(fc.boolean()),
    bio: maybe(textArb),
    editorialRoles: maybe(textArb),
  })
  .map((p) => ({ ...EMPTY_PROFILE, ...p }));

const queryArb = fc
  .array(fc.constantFrom(...WORDS, "thrombosis grants", "deep vein", "stem cell", "hemat", "therapy", "y"), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(" "));

const vocabulary = vocabularyWith({ specialties: [{ key: "my_own_specialty", label: "Thrombosis clinics" }] });

describe("counting search words from numbered words", () => {
  it("matches the same terms as searching the profile's text", () => {
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 1, maxLength: 6 }), fc.array(queryArb, { minLength: 1, maxLength: 3 }), (profiles, queries) => {
        for (const query of queries) {
          const matcher = new KeywordMatcher(parseQuery(query), vocabulary);
          for (const p of profiles) {
            const matched = new Set(matcher.match(p).hits.map((h) => h.term));
            const mask = matcher.mask(p);
            expect(matcher.terms.filter((_, t) => mask & (1 << t)).map((t) => t.text)).toEqual(matcher.terms.filter((t) => matched.has(t.text)).map((t) => t.text));
            expect(matcher.count(p)).toBe(matched.size);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("searches a profile as it is now, after its bio and tags were replaced since an earlier search", () => {
    const m = mentor({ profile: { bio: "Clinic for sickle cell disease", expertise: [] } });
    const t = trainee();
    const search = () => rank(t, [m], { now: NOW, keywords: "thrombosis" });
    expect(search().excluded.noKeywordMatch).toBe(1);
    m.profile.bio = "Trials in pulmonary embolism";
    expect(search().suggestions.map((s) => s.keywordHits)).toEqual([[{ term: "thrombosis", via: "pulmonary embolism" }]]);
    m.profile.bio = null;
    m.profile.expertise = ["vte"];
    expect(search().suggestions.map((s) => s.keywordHits)).toEqual([[{ term: "thrombosis", via: "VTE" }]]);
    m.profile.expertise = [];
    expect(search().excluded.noKeywordMatch).toBe(1);
  });

  it("finds a one-letter word ending in y without searching forever", () => {
    expect(new KeywordMatcher(parseQuery("y")).match({ ...EMPTY_PROFILE, bio: "the y axis" }).hits).toEqual([{ term: "y", via: null }]);
    expect(new KeywordMatcher(parseQuery("y")).match({ ...EMPTY_PROFILE, bio: "yes, my way" }).hits).toEqual([]);
  });

  it("counts the same after the numbering tables started afresh, even for a search begun before", () => {
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 1, maxLength: 6 }), queryArb, (profiles, query) => {
        const matcher = new KeywordMatcher(parseQuery(query), vocabulary);
        const before = profiles.map((p) => matcher.mask(p));
        startTablesAfresh();
        expect(profiles.map((p) => matcher.mask(p))).toEqual(before);
        expect(profiles.map((p) => new KeywordMatcher(parseQuery(query), vocabulary).mask(p))).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});
