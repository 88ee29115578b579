import { describe, expect, it } from "vitest";
import { EMPTY_PROFILE, fieldsFor, MENTOR_FIELDS, TRAINEE_FIELDS, validateProfile, validateProfileFields, validateProfileGoals, type ProfileData } from "../../src/domain/profile.js";
import { BASE_VOCABULARY } from "../../src/domain/vocabulary.js";

const v = BASE_VOCABULARY;
const mentor: ProfileData = { ...EMPTY_PROFILE, careerStage: "senior_faculty", capacity: 4, bio: "Hemostasis", expertise: ["thrombosis"] };

describe("profile validation", () => {
  it("explains a training year that is not a number in words a person understands", () => {
    const r = validateProfile(v, { ...EMPTY_PROFILE, trainingYear: "abc" });
    expect(r).toEqual({ ok: false, issues: [{ field: "trainingYear", message: "must be a whole number" }] });
  });

  it("points a too-long goal at the goal box it is about, and drops empty boxes", () => {
    expect(validateProfileGoals(["fine", "x".repeat(201)])).toEqual({ ok: false, issues: [{ field: "goals", index: 1, message: "a goal must be at most 200 characters" }] });
    expect(validateProfileGoals(["  Publish my first paper ", ""])).toEqual({ ok: true, goals: ["Publish my first paper"] });
  });

  it("refuses more than two goals and an unknown career stage", () => {
    expect(validateProfileGoals(["a", "b", "c"])).toMatchObject({ ok: false, issues: [{ field: "goals" }] });
    const r = validateProfile(v, { ...EMPTY_PROFILE, careerStage: "wizard" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual(["careerStage"]);
  });

  it("saving the trainee part keeps the mentor part of someone who is both", () => {
    const r = validateProfileFields(v, mentor, { careerStage: "junior_faculty", trainingYear: 1 }, fieldsFor(["trainee"]));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.profile).toMatchObject({ careerStage: "junior_faculty", trainingYear: 1, capacity: 4, bio: "Hemostasis", expertise: ["thrombosis"] });
    }
  });

  it("checks only the shown fields, and reports nothing about hidden ones", () => {
    const broken = { ...mentor, capacity: 99 } as ProfileData;
    const r = validateProfileFields(v, broken, { trainingYear: 3 }, fieldsFor(["trainee"]));
    expect(r.ok).toBe(true);
    const bad = validateProfileFields(v, EMPTY_PROFILE, { capacity: 50, trainingYear: 40 }, fieldsFor(["mentor"]));
    expect(bad).toEqual({ ok: false, issues: [{ field: "capacity", message: "must be from 0 to 20" }] });
  });

  it("shows every profile field in exactly one part of the form", () => {
    const all = fieldsFor(["trainee", "mentor"]);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(Object.keys(EMPTY_PROFILE).sort());
    expect(TRAINEE_FIELDS.some((f) => (MENTOR_FIELDS as readonly string[]).includes(f))).toBe(false);
  });
});
