import { describe, expect, it } from "vitest";
import { parseQuery } from "../../src/domain/keywords.js";
import {
  evaluate,
  fitScore,
  responsivenessFrom,
  traineeContext,
  type MentorCandidate,
  type TraineeInput,
} from "../../src/domain/scoring.js";
import {
  DEFAULT_RANKING_CONFIG,
  DEFAULT_WEIGHTS,
  FACTORS,
  mergeRankingConfig,
  resolveRankingConfig,
  type Factor,
} from "../../src/domain/weights.js";
import { mentor, trainee } from "./rankingFixtures.js";

const reasonsOf = (t: TraineeInput, m: MentorCandidate, config = DEFAULT_RANKING_CONFIG) =>
  evaluate(traineeContext(t, { config }), m).reasons;

const reasonFor = (t: TraineeInput, m: MentorCandidate, factor: Factor) =>
  reasonsOf(t, m).find((r) => r.factor === factor)?.text ?? null;

const matchOf = (t: TraineeInput, m: MentorCandidate, factor: Factor) =>
  evaluate(traineeContext(t), m).breakdown.find((b) => b.factor === factor)?.match ?? null;

describe("shared interests", () => {
  it("names the interests the trainee shares with the mentor's expertise and interests", () => {
    const t = trainee({ interests: ["thrombosis", "grant_writing", "lymphoma"] });
    const m = mentor({ profile: { expertise: ["thrombosis"], interests: ["grant_writing", "myeloma"] } });
    expect(reasonFor(t, m, "interests")).toBe("shares: thrombosis, grant writing");
  });

  it("counts a shared expertise fully and a shared interest partly", () => {
    const t = trainee({ interests: ["thrombosis"] });
    const expert = mentor({ profile: { expertise: ["thrombosis"] } });
    const interested = mentor({ profile: { interests: ["thrombosis"] } });
    expect(matchOf(t, expert, "interests")).toBeCloseTo(1 / 3);
    expect(matchOf(t, interested, "interests")).toBeCloseTo(0.7 / 3);
  });

  it("is full at three shared expertise tags and no higher beyond", () => {
    const t = trainee({ interests: ["thrombosis", "hemophilia", "transfusion", "leukemia"] });
    const three = mentor({ profile: { expertise: ["thrombosis", "hemophilia", "transfusion"] } });
    const four = mentor({ profile: { expertise: ["thrombosis", "hemophilia", "transfusion", "leukemia"] } });
    expect(matchOf(t, three, "interests")).toBe(1);
    expect(matchOf(t, four, "interests")).toBe(1);
  });

  it("weighs a shared tag that serves the trainee's priority more, and lists it first", () => {
    const plain = trainee({ interests: ["thrombosis", "grant_writing"] });
    const grantsFirst = trainee({ interests: ["thrombosis", "grant_writing"], priorities: ["grants"] });
    const m = mentor({ profile: { expertise: ["grant_writing"], interests: ["thrombosis"] } });
    expect(matchOf(grantsFirst, m, "interests")!).toBeGreaterThan(matchOf(plain, m, "interests")!);
    expect(reasonFor(grantsFirst, m, "interests")).toBe("shares: grant writing, thrombosis");
  });

  it("shows free-text tags as words and shortens long lists", () => {
    const tags = ["vte", "anticoagulation", "car_t", "aml", "itp"];
    const t = trainee({ interests: tags });
    const m = mentor({ profile: { expertise: tags } });
    expect(reasonFor(t, m, "interests")).toBe("shares: vte, anticoagulation, car t, aml +1 more");
  });

  it("gives no interests reason when nothing is shared", () => {
    const t = trainee({ interests: ["thrombosis"] });
    const m = mentor({ profile: { expertise: ["myeloma"] } });
    expect(reasonFor(t, m, "interests")).toBeNull();
    expect(matchOf(t, m, "interests")).toBe(0);
  });
});

describe("priorities", () => {
  it("says how the mentor serves each priority, strongest evidence first", () => {
    const t = trainee({ priorities: ["grants", "publications"] });
    const m = mentor({ profile: { helpedGrants: true, copublishes: true } });
    expect(reasonFor(t, m, "priorities")).toBe(
      "for your priorities — grants: has helped mentees win grants; publications: co-publishes with mentees",
    );
    expect(matchOf(t, m, "priorities")).toBeCloseTo(1);
  });

  it("counts the first-listed priority more than the second", () => {
    const t = trainee({ priorities: ["grants", "publications"] });
    const grants = mentor({ profile: { helpedGrants: true } });
    const pubs = mentor({ profile: { copublishes: true } });
    expect(matchOf(t, grants, "priorities")).toBeCloseTo(2 / 3);
    expect(matchOf(t, pubs, "priorities")).toBeCloseTo(1 / 3);
  });

  it("takes grant-writing expertise as weaker evidence for grants than a record of helping", () => {
    const t = trainee({ priorities: ["grants"] });
    const m = mentor({ profile: { expertise: ["grant_writing"] } });
    expect(matchOf(t, m, "priorities")).toBeCloseTo(0.8);
    expect(reasonFor(t, m, "priorities")).toBe("for your priorities — grants: grant-writing expertise");
  });

  it("maps research advice to a research career path", () => {
    const t = trainee({ priorities: ["research_advice"] });
    const m = mentor({ profile: { careerPaths: ["academic_research"] } });
    expect(reasonFor(t, m, "priorities")).toBe("for your priorities — research advice: a research career");
  });

  it("is not counted at all when the trainee named no priorities", () => {
    const t = trainee();
    const m = mentor({ profile: { helpedGrants: true } });
    expect(evaluate(traineeContext(t), m).breakdown.map((b) => b.factor)).not.toContain("priorities");
  });
});

describe("specialty, career path, seniority", () => {
  it("a same-subspecialty mentor scores full, a same-specialty one half", () => {
    const t = trainee({ specialty: "hematology", subspecialty: "thrombosis_hemostasis" });
    const sub = mentor({ profile: { specialty: "hematology", subspecialty: "thrombosis_hemostasis" } });
    const spec = mentor({ profile: { specialty: "hematology", subspecialty: "malignant_hematology" } });
    expect(reasonFor(t, sub, "specialty")).toBe("same subspecialty: thrombosis and hemostasis");
    expect(matchOf(t, sub, "specialty")).toBe(1);
    expect(reasonFor(t, spec, "specialty")).toBe("same specialty: hematology");
    expect(matchOf(t, spec, "specialty")).toBe(0.5);
  });

  it("names shared career paths", () => {
    const t = trainee({ careerPaths: ["academic_research", "medical_education"] });
    const m = mentor({ profile: { careerPaths: ["medical_education", "industry"] } });
    expect(reasonFor(t, m, "careerPath")).toBe("career path: medical education");
    expect(matchOf(t, m, "careerPath")).toBeCloseTo(0.8);
  });

  it("rewards a mentor further along than the trainee, more so two stages ahead", () => {
    const t = trainee({ careerStage: "fellow" });
    expect(reasonFor(t, mentor({ profile: { careerStage: "senior_faculty" } }), "seniority")).toBe("further along: senior faculty");
    expect(matchOf(t, mentor({ profile: { careerStage: "mid_career_faculty" } }), "seniority")).toBe(1);
    expect(matchOf(t, mentor({ profile: { careerStage: "junior_faculty" } }), "seniority")).toBe(0.6);
    expect(matchOf(t, mentor({ profile: { careerStage: "fellow" } }), "seniority")).toBe(0);
  });
});

describe("roles, hands-on, meetings", () => {
  it("says which wanted roles the mentor offers", () => {
    const t = trainee({ rolesWanted: ["sponsor", "coach"] });
    expect(reasonFor(t, mentor({ profile: { rolesOffered: ["sponsor"] } }), "roles")).toBe("offers sponsorship");
    expect(matchOf(t, mentor({ profile: { rolesOffered: ["sponsor"] } }), "roles")).toBe(0.5);
    expect(reasonFor(t, mentor({ profile: { rolesOffered: ["coach", "sponsor", "connector"] } }), "roles")).toBe(
      "offers sponsorship and coaching",
    );
  });

  it("does not count a role the mentor already holds for the trainee", () => {
    const t = trainee({ rolesWanted: ["mentor", "sponsor"] });
    const m = mentor({ rolesWithTrainee: ["mentor"], profile: { rolesOffered: ["mentor", "sponsor"] } });
    expect(reasonFor(t, m, "roles")).toBe("offers sponsorship");
    expect(matchOf(t, m, "roles")).toBe(1);
  });

  it("matches a hands-on mentor to a trainee who wants one", () => {
    const t = trainee({ wantsHandsOn: true });
    expect(reasonFor(t, mentor({ profile: { handsOn: true } }), "handsOn")).toBe("hands-on supervision");
    expect(matchOf(t, mentor({ profile: { handsOn: false } }), "handsOn")).toBe(0);
    expect(reasonFor(trainee({ wantsHandsOn: false }), mentor({ profile: { handsOn: false } }), "handsOn")).toBe(
      "gives room to work independently",
    );
  });

  it("describes agreeing cadence and format as one meeting reason", () => {
    const t = trainee({ meetingCadence: "MONTHLY", meetingFormats: ["video"] });
    const m = mentor({ profile: { cadenceOffered: "MONTHLY", meetingFormats: ["video", "in_person"] } });
    expect(reasonFor(t, m, "meeting")).toBe("meets monthly by video");
    expect(matchOf(t, m, "meeting")).toBe(1);
  });

  it("gives partial credit for a nearby cadence and none for a far one", () => {
    const t = trainee({ meetingCadence: "MONTHLY" });
    expect(matchOf(t, mentor({ profile: { cadenceOffered: "BIWEEKLY" } }), "meeting")!).toBeGreaterThan(0.4);
    expect(reasonFor(t, mentor({ profile: { cadenceOffered: "BIWEEKLY" } }), "meeting")).toBe("meets every 2 weeks");
    expect(matchOf(trainee({ meetingCadence: "WEEKLY" }), mentor({ profile: { cadenceOffered: "QUARTERLY" } }), "meeting")).toBe(0);
  });
});

describe("capacity and responsiveness", () => {
  it("says how many places are open", () => {
    const t = trainee();
    expect(reasonFor(t, mentor({ capacity: 4, activeMentees: 2 }), "capacity")).toBe("2 of 4 places open");
    expect(reasonFor(t, mentor({ capacity: 1, activeMentees: 0 }), "capacity")).toBe("1 of 1 place open");
    expect(matchOf(t, mentor({ capacity: 4, activeMentees: 1 }), "capacity")).toBe(0.75);
  });

  it("words measured reply speed plainly", () => {
    const t = trainee();
    const at = (hours: number) => mentor({ responsiveness: { medianReplyHours: hours, samples: 5 } });
    expect(reasonFor(t, at(6), "responsiveness")).toBe("usually replies within a day");
    expect(reasonFor(t, at(48), "responsiveness")).toBe("usually replies within 3 days");
    expect(reasonFor(t, at(100), "responsiveness")).toBe("usually replies within a week");
    expect(reasonFor(t, at(400), "responsiveness")).toBeNull();
    expect(matchOf(t, at(6), "responsiveness")!).toBeGreaterThan(matchOf(t, at(48), "responsiveness")!);
  });

  it("treats too few replies as no history: neutral, and says so", () => {
    const t = trainee();
    const m = mentor({ responsiveness: { medianReplyHours: 2, samples: 1 } });
    expect(matchOf(t, m, "responsiveness")).toBe(0.5);
    expect(reasonFor(t, m, "responsiveness")).toBe("new here: no reply history yet");
  });

  it("takes the median of measured reply times", () => {
    expect(responsivenessFrom([])).toBeNull();
    expect(responsivenessFrom([30, 2, 5])).toEqual({ medianReplyHours: 5, samples: 3 });
    expect(responsivenessFrom([1, 3, 10, 100])).toEqual({ medianReplyHours: 6.5, samples: 4 });
  });
});

describe("the score", () => {
  const issueTrainee = trainee({
    careerStage: "fellow",
    specialty: "hematology",
    subspecialty: "thrombosis_hemostasis",
    interests: ["thrombosis", "grant_writing"],
    rolesWanted: ["sponsor"],
    meetingCadence: "MONTHLY",
    meetingFormats: ["video"],
    wantsHandsOn: true,
  });
  const ideal = mentor({
    capacity: 4,
    activeMentees: 2,
    responsiveness: { medianReplyHours: 10, samples: 8 },
    profile: {
      careerStage: "senior_faculty",
      specialty: "hematology",
      subspecialty: "thrombosis_hemostasis",
      expertise: ["thrombosis", "grant_writing", "hemophilia"],
      rolesOffered: ["sponsor", "mentor"],
      cadenceOffered: "MONTHLY",
      meetingFormats: ["video"],
      handsOn: true,
    },
  });

  it("gives the reasons of the issue's example, strongest first", () => {
    expect(reasonsOf(issueTrainee, ideal).map((r) => r.text)).toEqual([
      "shares: thrombosis, grant writing",
      "same subspecialty: thrombosis and hemostasis",
      "offers sponsorship",
      "usually replies within a day",
      "meets monthly by video",
      "further along: senior faculty",
      "hands-on supervision",
      "2 of 4 places open",
    ]);
  });

  it("is 100 for a mentor who meets every active factor fully, and the points add up to it", () => {
    const full = { ...ideal, activeMentees: 0, profile: { ...ideal.profile, expertise: ["thrombosis", "grant_writing", "hemophilia"] } };
    const t = { ...issueTrainee, profile: { ...issueTrainee.profile, interests: ["thrombosis", "grant_writing", "hemophilia"] } };
    const e = evaluate(traineeContext(t), full);
    expect(e.score).toBeCloseTo(100);
    expect(e.breakdown.reduce((s, b) => s + b.points, 0)).toBeCloseTo(e.score);
  });

  it("is the same on the fast path as with reasons", () => {
    const ctx = traineeContext(issueTrainee, { terms: parseQuery("thrombosis grants") });
    expect(fitScore(ctx, ideal)).toBe(evaluate(ctx, ideal).score);
  });

  it("follows a program's weights: a zero weight removes the factor and its reason", () => {
    const resolved = resolveRankingConfig({ weights: { interests: 0 } });
    if (!resolved.ok) throw new Error("expected a valid config");
    const reasons = reasonsOf(issueTrainee, ideal, resolved.config);
    expect(reasons.map((r) => r.factor)).not.toContain("interests");
    const without = mentor({ ...ideal, profile: { ...ideal.profile, expertise: [] } });
    const ctx = traineeContext(issueTrainee, { config: resolved.config });
    expect(fitScore(ctx, without)).toBeCloseTo(fitScore(ctx, ideal));
  });

  it("follows a program's reason threshold", () => {
    const strict = mergeRankingConfig(DEFAULT_RANKING_CONFIG, { tuning: { reasonMinMatch: 0.9 } });
    const factors = reasonsOf(issueTrainee, ideal, strict).map((r) => r.factor);
    expect(factors).not.toContain("capacity"); // 2 of 4 open = 0.5
    expect(factors).toContain("specialty");
  });
});

describe("the weights table", () => {
  it("sums to 100 without keywords, so each default weight reads as points", () => {
    const total = FACTORS.filter((f) => f !== "keywords").reduce((s, f) => s + DEFAULT_WEIGHTS[f], 0);
    expect(total).toBe(100);
  });

  it("merges a program's partial overrides over the defaults", () => {
    const resolved = resolveRankingConfig({ weights: { responsiveness: 20 }, tuning: { declinedWithinDays: 30 } });
    expect(resolved.ok && resolved.config.weights.responsiveness).toBe(20);
    expect(resolved.ok && resolved.config.weights.interests).toBe(DEFAULT_WEIGHTS.interests);
    expect(resolved.ok && resolved.config.tuning.declinedWithinDays).toBe(30);
  });

  it("refuses unknown factors, negative weights and an all-zero table, saying where", () => {
    const typo = resolveRankingConfig({ weights: { interest: 30 } });
    expect(typo.ok).toBe(false);
    const negative = resolveRankingConfig({ weights: { capacity: -1 } });
    expect(negative.ok === false && negative.issues).toEqual([{ path: "weights.capacity", message: "a weight cannot be negative" }]);
    const zero = resolveRankingConfig({ weights: Object.fromEntries(FACTORS.map((f) => [f, 0])) });
    expect(zero.ok === false && zero.issues[0]!.path).toBe("weights");
  });

  it("takes missing overrides as the defaults", () => {
    const resolved = resolveRankingConfig(null);
    expect(resolved.ok && resolved.config).toEqual(DEFAULT_RANKING_CONFIG);
  });
});
