import { describe, expect, it } from "vitest";
import { coMentorCardReasons, pickSeniorCoMentors } from "../../src/domain/coMentor.js";
import { EXCLUSION_CAUSES, rank } from "../../src/domain/ranking.js";
import { mergeRankingConfig, DEFAULT_RANKING_CONFIG } from "../../src/domain/weights.js";
import { daysAgo, mentor, NOW, trainee } from "./rankingFixtures.js";

const names = (r: ReturnType<typeof rank>) => r.suggestions.map((s) => s.name);

describe("who is never suggested", () => {
  const t = trainee({ rolesWanted: ["mentor"] });

  it("leaves out self, confidential exclusions, paused, full, current mentors and recent decliners, counting each cause", () => {
    const candidates = [
      mentor({ name: "Fits" }),
      mentor({ name: "Me", memberId: t.memberId }),
      mentor({ name: "Excluded", confidentialExclusion: true }),
      mentor({ name: "Already mine", rolesWithTrainee: ["mentor"] }),
      mentor({ name: "Declined last month", declinedTraineeAt: [daysAgo(30)] }),
      mentor({ name: "Paused", paused: true }),
      mentor({ name: "Full", capacity: 3, activeMentees: 3 }),
      mentor({ name: "No places", capacity: 0, activeMentees: 0 }),
      mentor({ name: "Over capacity", capacity: 2, activeMentees: 5 }),
    ];
    const result = rank(t, candidates, { now: NOW });
    expect(names(result)).toEqual(["Fits"]);
    expect(result.excluded).toEqual({
      self: 1,
      confidential: 1,
      alreadyMentoring: 1,
      declinedRecently: 1,
      paused: 1,
      full: 3,
      noKeywordMatch: 0,
    });
    expect(result.considered).toBe(candidates.length);
  });

  it("suggests again a mentor who declined longer ago than the window, which the program may set", () => {
    const declined = mentor({ name: "Declined in spring", declinedTraineeAt: [daysAgo(120)] });
    expect(names(rank(t, [declined], { now: NOW }))).toEqual(["Declined in spring"]);
    expect(names(rank(t, [declined], { now: NOW, declinedWithinDays: 180 }))).toEqual([]);
    const program = mergeRankingConfig(DEFAULT_RANKING_CONFIG, { tuning: { declinedWithinDays: 365 } });
    expect(rank(t, [declined], { now: NOW, config: program }).excluded.declinedRecently).toBe(1);
  });

  it("still suggests my mentor for a role they do not hold for me yet", () => {
    const mine = mentor({ name: "My mentor", rolesWithTrainee: ["mentor"], profile: { rolesOffered: ["mentor", "sponsor"] } });
    expect(names(rank(trainee({ rolesWanted: ["sponsor"] }), [mine], { now: NOW }))).toEqual(["My mentor"]);
    expect(names(rank(trainee({ rolesWanted: ["mentor", "sponsor"] }), [mine], { now: NOW }))).toEqual(["My mentor"]);
    const asSponsor = rank(trainee(), [mine], { now: NOW, role: "sponsor" }).suggestions[0]!;
    expect(asSponsor.reasons.map((r) => r.text)).toContain("offers sponsorship");
    expect(rank(trainee(), [mine], { now: NOW, role: "mentor" }).excluded.alreadyMentoring).toBe(1);
  });

  it("counts a mentor listed twice (e.g. in two programs) once", () => {
    const m = mentor();
    const result = rank(t, [m, m], { now: NOW });
    expect(result.suggestions).toHaveLength(1);
    expect(result.considered).toBe(1);
  });

  it("reports every cause, with zeros, so the caller can word an empty result", () => {
    const result = rank(t, [mentor({ paused: true })], { now: NOW, keywords: "thrombosis" });
    expect(Object.keys(result.excluded)).toEqual([...EXCLUSION_CAUSES]);
    expect(result.suggestions).toEqual([]);
  });
});

describe("order", () => {
  const t = trainee({ interests: ["thrombosis", "hemophilia"] });

  it("puts the better fit first", () => {
    const two = mentor({ name: "Two shared", profile: { expertise: ["thrombosis", "hemophilia"] } });
    const one = mentor({ name: "One shared", profile: { expertise: ["thrombosis"] } });
    const none = mentor({ name: "None shared" });
    const result = rank(t, [none, one, two], { now: NOW });
    expect(names(result)).toEqual(["Two shared", "One shared", "None shared"]);
    const scores = result.suggestions.map((s) => s.score);
    expect(scores[0]!).toBeGreaterThan(scores[1]!);
    expect(scores[1]!).toBeGreaterThan(scores[2]!);
  });

  it("breaks ties by more places open, then name, then member id", () => {
    // Same share of places open (same capacity score) but more places in absolute terms.
    const roomy = mentor({ name: "Zed", memberId: "U9", capacity: 4, activeMentees: 2 });
    const tight = mentor({ name: "Amy", memberId: "U1", capacity: 2, activeMentees: 1 });
    const amy2 = mentor({ name: "Amy", memberId: "U0", capacity: 2, activeMentees: 1 });
    const result = rank(t, [tight, roomy, amy2], { now: NOW });
    expect(result.suggestions.map((s) => s.memberId)).toEqual(["U9", "U0", "U1"]);
  });

  it("returns the best few when asked, counting every exclusion", () => {
    const many = Array.from({ length: 12 }, (_, i) => mentor({ name: `M${String(i).padStart(2, "0")}` }));
    const result = rank(t, [...many, mentor({ paused: true })], { now: NOW, limit: 5 });
    expect(names(result)).toEqual(["M00", "M01", "M02", "M03", "M04"]);
    expect(result.excluded.paused).toBe(1);
  });
});

describe("junior faculty mentors", () => {
  const t = trainee({ careerStage: "resident", interests: ["thrombosis"], specialty: "hematology" });

  it("are flagged", () => {
    const junior = mentor({ name: "Junior", profile: { careerStage: "junior_faculty" } });
    const senior = mentor({ name: "Senior", profile: { careerStage: "senior_faculty" } });
    const flags = Object.fromEntries(rank(t, [junior, senior], { now: NOW }).suggestions.map((s) => [s.name, s.flags.juniorFaculty]));
    expect(flags).toEqual({ Junior: true, Senior: false });
  });

  it("come with senior co-mentors from the same ranking, closest field first", () => {
    const junior = mentor({
      name: "Junior",
      profile: { careerStage: "junior_faculty", specialty: "hematology", subspecialty: "thrombosis_hemostasis", expertise: ["thrombosis"] },
    });
    const sameSub = mentor({
      name: "Same subspecialty",
      profile: { careerStage: "senior_faculty", specialty: "hematology", subspecialty: "thrombosis_hemostasis", expertise: ["thrombosis"] },
    });
    const sameSpec = mentor({ name: "Same specialty", profile: { careerStage: "mid_career_faculty", specialty: "hematology" } });
    const otherJunior = mentor({ name: "Other junior", profile: { careerStage: "junior_faculty", specialty: "hematology" } });
    const pausedSenior = mentor({ name: "Paused senior", paused: true, profile: { careerStage: "emeritus", subspecialty: "thrombosis_hemostasis" } });
    const ranking = rank(t, [junior, sameSub, sameSpec, otherJunior, pausedSenior], { now: NOW }).suggestions;
    const picks = pickSeniorCoMentors(junior, ranking);
    expect(picks.map((p) => p.suggestion.name)).toEqual(["Same subspecialty", "Same specialty"]);
    expect(picks[0]!.reasons.map((r) => r.text)).toEqual([
      "more senior than the junior mentor: senior faculty",
      "same subspecialty as the junior mentor: thrombosis and hemostasis",
      "shares with the junior mentor: thrombosis",
    ]);
    expect(picks[1]!.reasons.map((r) => r.text)).toEqual([
      "more senior than the junior mentor: mid-career faculty",
      "same specialty as the junior mentor: hematology",
    ]);
  });

  it("say each reason for a co-mentor once, on the card that already names their stage", () => {
    const pick = {
      reasons: [
        { kind: "stage" as const, text: "more senior than the junior mentor: mid-career faculty" },
        { kind: "subspecialty" as const, text: "same subspecialty as the junior mentor: thrombosis and hemostasis" },
        { kind: "shared" as const, text: "shares with the junior mentor: thrombosis" },
      ],
    };
    const own = ["same subspecialty: thrombosis and hemostasis", "shares: thrombosis", "career stage fits: resident"];
    expect(coMentorCardReasons(pick, own)).toEqual([
      "same subspecialty as the junior mentor: thrombosis and hemostasis",
      "shares with the junior mentor: thrombosis",
      "career stage fits: resident",
    ]);
  });

  it("are the only ones offered co-mentors", () => {
    const senior = mentor({ profile: { careerStage: "senior_faculty" } });
    const other = mentor({ profile: { careerStage: "emeritus" } });
    const ranking = rank(t, [senior, other], { now: NOW }).suggestions;
    expect(pickSeniorCoMentors(senior, ranking)).toEqual([]);
  });
});
