import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkHeader, EMPTY_ROSTER_PROFILE, parseRosterRow, profileUnchanged, rosterCells, type RosterProfile } from "../../src/domain/roster.js";
import { BASE_VOCABULARY, vocabularyWith } from "../../src/domain/vocabulary.js";

describe("roster CSV header", () => {
  it("accepts any case and spacing of the known column names", () => {
    expect(checkHeader(["Email", " ROLE ", "Career Stage", "roles-offered"])).toEqual({ ok: true, columns: ["email", "role", "career_stage", "roles_offered"] });
  });

  it("names unknown and repeated columns, and requires email and role", () => {
    expect(checkHeader(["email", "role", "hobbies"])).toMatchObject({ ok: false, reason: expect.stringContaining("unknown column hobbies") });
    expect(checkHeader(["email", "role", "Email"])).toEqual({ ok: false, reason: "column email appears twice" });
    expect(checkHeader(["email", "cohort"])).toEqual({ ok: false, reason: "the header must name at least the email and role columns" });
  });
});

describe("a roster row", () => {
  it("accepts vocabulary labels as well as keys, and `;`-separated lists", () => {
    const result = parseRosterRow(
      {
        email: " Ana@Example.org ",
        role: "Trainee",
        cohort: "2026–27 Fellows",
        career_stage: "Fellow",
        training_year: "2",
        specialty: "hematology",
        subspecialty: "Thrombosis and hemostasis",
        interests: "Sickle cell disease; grant writing;",
        career_paths: "Academic research;industry",
        roles_wanted: "coach;Sponsor",
      },
      BASE_VOCABULARY,
    );
    expect(result).toEqual({
      ok: true,
      record: {
        email: "ana@example.org",
        role: "TRAINEE",
        cohort: "2026–27 Fellows",
        profile: {
          careerStage: "fellow",
          trainingYear: 2,
          specialty: "hematology",
          subspecialty: "thrombosis_hemostasis",
          interests: ["sickle_cell_disease", "grant_writing"],
          careerPaths: ["academic_research", "industry"],
          rolesWanted: ["coach", "sponsor"],
        },
      },
    });
  });

  it("leaves out profile fields whose column the file does not have, and clears those with an empty cell", () => {
    const result = parseRosterRow({ email: "a@b.org", role: "mentor", expertise: "" }, BASE_VOCABULARY);
    expect(result).toEqual({ ok: true, record: { email: "a@b.org", role: "MENTOR", cohort: null, profile: { expertise: [] } } });
  });

  it("says what is wrong with a bad row, naming the column", () => {
    const bad = (row: Record<string, string>) => {
      const r = parseRosterRow({ email: "a@b.org", role: "mentor", ...row }, BASE_VOCABULARY);
      return r.ok ? "ok" : r.reason;
    };
    expect(bad({ email: "" })).toBe("email is empty");
    expect(bad({ email: "ana at example" })).toBe('email "ana at example" is not an email address');
    expect(bad({ role: "boss" })).toBe('role "boss" must be trainee, mentor or director');
    expect(bad({ specialty: "Astrology" })).toBe('specialty: "Astrology" — is not a known specialty');
    expect(bad({ capacity: "21" })).toBe('capacity: "21" — must be from 0 to 20');
    expect(bad({ training_year: "2.5" })).toBe('training_year "2.5" must be a whole number');
    expect(bad({ roles_offered: "mentor;guru" })).toBe('roles_offered: "mentor;guru" — is not a known mentor role');
  });

  it("knows a program's own vocabulary additions", () => {
    const vocabulary = vocabularyWith({ specialties: [{ key: "vascular_medicine", label: "Vascular medicine" }] });
    expect(parseRosterRow({ email: "a@b.org", role: "mentor", specialty: "Vascular medicine" }, vocabulary)).toMatchObject({
      ok: true,
      record: { profile: { specialty: "vascular_medicine" } },
    });
  });

  it("round-trips: a profile written as cells parses back to the same profile", () => {
    const key = (terms: readonly { key: string }[]) => fc.constantFrom(...terms.map((t) => t.key));
    const profile = fc.record<RosterProfile>({
      careerStage: fc.option(key(BASE_VOCABULARY.careerStages), { nil: null }),
      trainingYear: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
      specialty: fc.option(key(BASE_VOCABULARY.specialties), { nil: null }),
      subspecialty: fc.option(key(BASE_VOCABULARY.subspecialties), { nil: null }),
      interests: fc.uniqueArray(key(BASE_VOCABULARY.interests), { maxLength: 5 }),
      expertise: fc.uniqueArray(key(BASE_VOCABULARY.interests), { maxLength: 5 }),
      careerPaths: fc.uniqueArray(key(BASE_VOCABULARY.careerPaths), { maxLength: 3 }),
      rolesOffered: fc.uniqueArray(key(BASE_VOCABULARY.mentorRoles), { maxLength: 4 }),
      rolesWanted: fc.uniqueArray(key(BASE_VOCABULARY.mentorRoles), { maxLength: 4 }),
      capacity: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    });
    fc.assert(
      fc.property(profile, (p) => {
        const parsed = parseRosterRow({ email: "a@b.org", role: "mentor", ...rosterCells(p) }, BASE_VOCABULARY);
        expect(parsed.ok && parsed.record.profile).toEqual(p);
        expect(profileUnchanged(p, parsed.ok ? parsed.record.profile : {})).toBe(true);
      }),
    );
  });

  it("sees a changed field as a change, and an empty patch as none", () => {
    expect(profileUnchanged(EMPTY_ROSTER_PROFILE, { capacity: 2 })).toBe(false);
    expect(profileUnchanged({ ...EMPTY_ROSTER_PROFILE, capacity: 2 }, { capacity: 2 })).toBe(true);
    expect(profileUnchanged({ ...EMPTY_ROSTER_PROFILE, interests: ["a", "b"] }, { interests: ["b", "a"] })).toBe(false);
    expect(profileUnchanged(null, {})).toBe(true);
  });
});
