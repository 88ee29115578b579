import { describe, expect, it } from "vitest";
import {
  BASE_VOCABULARY,
  CAREER_STAGES,
  normalizeTag,
  parseVocabularyExtension,
  stagesFor,
  vocabularyWith,
} from "../../src/domain/vocabulary.js";

describe("vocabulary", () => {
  it("is the base vocabulary when no program extends it", () => {
    expect(vocabularyWith()).toEqual(BASE_VOCABULARY);
    expect(vocabularyWith(null, undefined, {})).toEqual(BASE_VOCABULARY);
  });

  it("adds every program's own words after the base ones, once each, keeping the first label for a key", () => {
    const v = vocabularyWith(
      { interests: [{ key: "vte_prevention", label: "VTE prevention" }], specialties: [{ key: "hematology", label: "Duplicate" }] },
      { interests: [{ key: "vte_prevention", label: "Other label" }, { key: "car_t", label: "CAR-T" }] },
    );
    const keys = v.interests.map((t) => t.key);
    expect(keys.slice(-2)).toEqual(["vte_prevention", "car_t"]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(v.interests.find((t) => t.key === "vte_prevention")?.label).toBe("VTE prevention");
    expect(v.specialties.filter((t) => t.key === "hematology")).toHaveLength(1);
    expect(v.specialties.find((t) => t.key === "hematology")?.label).toBe("Hematology");
  });

  it("reads a program's stored extension leniently: unreadable JSON counts as none", () => {
    expect(parseVocabularyExtension({ interests: [{ key: "a", label: "A" }] })).toEqual({ interests: [{ key: "a", label: "A" }] });
    expect(parseVocabularyExtension(null)).toBeNull();
    expect(parseVocabularyExtension("interests")).toBeNull();
    expect(parseVocabularyExtension({ interests: [{ key: "" }] })).toBeNull();
  });

  it("offers trainee stages to trainees, faculty stages to mentors, and junior faculty to both", () => {
    const keys = (sides: ("trainee" | "mentor")[]) => stagesFor(BASE_VOCABULARY, sides).map((s) => s.key);
    expect(keys(["trainee"])).toEqual(["medical_student", "resident", "fellow", "junior_faculty"]);
    expect(keys(["mentor"])).toEqual(["junior_faculty", "mid_career_faculty", "senior_faculty", "emeritus"]);
    expect(keys(["trainee", "mentor"])).toEqual(CAREER_STAGES.map((s) => s.key));
  });

  it("turns typed tags into stable keys that match the suggested ones", () => {
    expect(normalizeTag(" Grant writing ")).toBe("grant_writing");
    expect(normalizeTag("Hémophilie")).toBe("hemophilie");
    expect(normalizeTag("VTE / PE")).toBe("vte_pe");
    expect(normalizeTag("!!!")).toBe("");
  });
});
