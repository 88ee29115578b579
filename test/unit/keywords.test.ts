import { describe, expect, it } from "vitest";
import { foldWords, matchKeywords, parseQuery, singular } from "../../src/domain/keywords.js";
import { rank } from "../../src/domain/ranking.js";
import type { ProfileData } from "../../src/domain/profile.js";
import { vocabularyWith } from "../../src/domain/vocabulary.js";
import { mentor, NOW, profile, trainee } from "./rankingFixtures.js";

const hitsFor = (query: string, p: Partial<ProfileData>) =>
  matchKeywords(parseQuery(query), profile(p)).hits;

describe("folding words", () => {
  it("folds case, accents and simple plurals", () => {
    expect(foldWords("Grants THÉRAPIES Hémostase")).toEqual(["grant", "therapy", "hemostase"]);
    expect(foldWords("diseases classes boxes leukemias")).toEqual(["disease", "class", "box", "leukemia"]);
  });

  it("leaves words that only look plural alone", () => {
    expect(foldWords("sickle cell disease")).toEqual(["sickle", "cell", "disease"]);
    for (const word of ["thrombosis", "hemostasis", "lupus", "class", "mds", "diabetes", "series"]) {
      expect(singular(word)).toBe(word);
    }
  });
});

describe("parsing a search", () => {
  it("splits words into terms and drops filler words", () => {
    expect(parseQuery("thrombosis and grants").map((t) => t.text)).toEqual(["thrombosis", "grants"]);
  });

  it("keeps a multi-word synonym together, longest phrase first", () => {
    expect(parseQuery("venous thromboembolism grant writing").map((t) => t.text)).toEqual([
      "venous thromboembolism",
      "grant writing",
    ]);
    expect(parseQuery("acute myeloid leukemia").map((t) => t.text)).toEqual(["acute myeloid leukemia"]);
  });

  it("keeps one term for words that mean the same thing", () => {
    expect(parseQuery("VTE thrombosis vte").map((t) => t.text)).toEqual(["vte"]);
    expect(parseQuery("")).toEqual([]);
  });
});

describe("matching a mentor's profile", () => {
  it("finds a synonym and says which one matched", () => {
    expect(hitsFor("thrombosis", { expertise: ["vte"] })).toEqual([{ term: "thrombosis", via: "VTE" }]);
    expect(hitsFor("VTE", { bio: "I study venous thromboembolism in pregnancy." })).toEqual([
      { term: "vte", via: "venous thromboembolism" },
    ]);
    expect(hitsFor("thrombosis", { expertise: ["thrombosis"] })).toEqual([{ term: "thrombosis", via: null }]);
  });

  it("knows the field's abbreviations both ways", () => {
    expect(hitsFor("AML", { bio: "Trials in acute myeloid leukemia" })).toHaveLength(1);
    expect(hitsFor("acute myeloid leukemia", { expertise: ["aml"] })).toHaveLength(1);
    expect(hitsFor("ITP", { interests: ["immune_thrombocytopenia"] })).toHaveLength(1);
    expect(hitsFor("SCD", { interests: ["sickle_cell_disease"] })).toHaveLength(1);
    expect(hitsFor("BMT", { subspecialty: "stem_cell_transplant" })).toEqual([{ term: "bmt", via: "stem cell transplant" }]);
    expect(hitsFor("HSCT", { bio: "bone marrow transplants for adults" })).toHaveLength(1);
    expect(hitsFor("QI", { expertise: ["quality_improvement"] })).toHaveLength(1);
    expect(hitsFor("med ed", { careerPaths: ["medical_education"] })).toEqual([{ term: "med ed", via: "medical education" }]);
  });

  it("reads free text word by word, across hyphens and punctuation but not inside words", () => {
    expect(hitsFor("venous thromboembolism", { bio: "Venous-thromboembolism, mostly." })).toEqual([
      { term: "venous thromboembolism", via: null },
    ]);
    expect(hitsFor("AML", { bio: "Acute myeloid leukemias in older adults" })).toHaveLength(1);
    expect(hitsFor("AML", { bio: "acute myeloidleukemia" })).toHaveLength(0);
    expect(hitsFor("lymphoma", { bio: "non-lymphomatous" })).toHaveLength(1);
    expect(hitsFor("grant", { bio: "emigrant health" })).toHaveLength(0);
  });

  it("matches plurals and accents on either side", () => {
    expect(hitsFor("grants", { expertise: ["grant_writing"] })).toEqual([{ term: "grants", via: null }]);
    expect(hitsFor("grant", { expertise: ["grants"] })).toHaveLength(1);
    expect(hitsFor("therapy", { bio: "New thérapies for hemophilia" })).toHaveLength(1);
    expect(hitsFor("Hémophilie", { bio: "hemophilie clinic" })).toHaveLength(1);
  });

  it("counts a mentor's grant and publishing record as those words", () => {
    expect(hitsFor("grants", { helpedGrants: true })).toHaveLength(1);
    expect(hitsFor("pubs", { copublishes: true })).toEqual([{ term: "pubs", via: "publications" }]);
    expect(hitsFor("grants", { helpedGrants: false })).toHaveLength(0);
  });

  it("searches specialty labels, editorial roles and the start of longer words", () => {
    expect(hitsFor("hemato", { specialty: "hematology" })).toHaveLength(1);
    expect(hitsFor("editor", { editorialRoles: "Associate Editor, Blood" })).toHaveLength(1);
  });

  it("matches whole words only for short words and never across two fields", () => {
    expect(hitsFor("itp", { bio: "hospital care" })).toHaveLength(0);
    expect(hitsFor("stem cell transplant", { expertise: ["stem_cell"], bio: "transplant" })).toHaveLength(0);
  });

  it("uses program-added interest labels", () => {
    const vocabulary = vocabularyWith({ interests: [{ key: "aplastic", label: "Aplastic anemia" }] });
    expect(matchKeywords(parseQuery("anemia"), profile({ expertise: ["aplastic"] }), vocabulary).hits).toHaveLength(1);
  });
});

describe("searching with /findmentor words", () => {
  const t = trainee();

  it("drops mentors matching none of the words and counts them", () => {
    const vte = mentor({ name: "Ana", profile: { expertise: ["vte"] } });
    const myeloma = mentor({ name: "Ben", profile: { expertise: ["myeloma"] } });
    const result = rank(t, [vte, myeloma], { now: NOW, keywords: "thrombosis grants" });
    expect(result.suggestions.map((s) => s.name)).toEqual(["Ana"]);
    expect(result.excluded.noKeywordMatch).toBe(1);
    expect(result.terms.map((term) => term.text)).toEqual(["thrombosis", "grants"]);
  });

  it("says which words matched, through which synonym", () => {
    const vte = mentor({ profile: { expertise: ["vte"], helpedGrants: true } });
    const [s] = rank(t, [vte], { now: NOW, keywords: "thrombosis grants" }).suggestions;
    expect(s!.reasons[0]).toEqual({ factor: "keywords", text: "matches: thrombosis (VTE), grants" });
    expect(s!.keywordHits).toEqual([
      { term: "thrombosis", via: "VTE" },
      { term: "grants", via: null },
    ]);
  });

  it("ranks a mentor matching more of the words higher, all else equal", () => {
    const both = mentor({ name: "Zoe", profile: { expertise: ["thrombosis", "grant_writing"] } });
    const one = mentor({ name: "Adam", profile: { expertise: ["thrombosis", "hemophilia"] } });
    const result = rank(t, [one, both], { now: NOW, keywords: "thrombosis grants" });
    expect(result.suggestions.map((s) => s.name)).toEqual(["Zoe", "Adam"]);
  });

  it("re-ranks by the words over a somewhat better fit", () => {
    const fit = trainee({ interests: ["myeloma", "lymphoma", "leukemia"] });
    const close = mentor({ name: "Close fit", profile: { expertise: ["myeloma", "lymphoma"], bio: "some thrombosis" } });
    const asked = mentor({ name: "Asked for", profile: { expertise: ["thrombosis", "grant_writing"] } });
    expect(rank(fit, [close, asked], { now: NOW }).suggestions[0]!.name).toBe("Close fit");
    expect(rank(fit, [close, asked], { now: NOW, keywords: "thrombosis grants" }).suggestions[0]!.name).toBe("Asked for");
  });
});
