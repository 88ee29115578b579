import { describe, expect, it } from "vitest";
import { DEFAULT_RANKING_CONFIG, rankingConfigOf } from "../../src/domain/weights.js";
import { rank } from "../../src/domain/ranking.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";
import type { MentorCandidate } from "../../src/domain/scoring.js";

const mentor = (memberId: string, profile: Partial<typeof EMPTY_PROFILE>): MentorCandidate => ({
  memberId,
  name: memberId,
  profile: { ...EMPTY_PROFILE, rolesOffered: ["mentor"], ...profile },
  capacity: 3,
  activeMentees: 0,
  paused: false,
  responsiveness: null,
  rolesWithTrainee: [],
  declinedTraineeAt: [],
  confidentialExclusion: false,
});

describe("a program's ranking overrides", () => {
  it("no overrides rank with the defaults", () => {
    expect(rankingConfigOf([null])).toEqual(DEFAULT_RANKING_CONFIG);
    expect(rankingConfigOf([])).toEqual(DEFAULT_RANKING_CONFIG);
  });

  it("a program's weights change who comes first", () => {
    const trainee = { memberId: "t", profile: { ...EMPTY_PROFILE, interests: ["thrombosis"], specialty: "oncology" } };
    const sharesInterest = mentor("a", { expertise: ["thrombosis"], specialty: "cardiology" });
    const sameSpecialty = mentor("b", { specialty: "oncology" });
    const now = new Date("2026-11-21T12:00:00Z");
    const first = (overrides: unknown) =>
      rank(trainee, [sharesInterest, sameSpecialty], { now, config: rankingConfigOf([overrides]) }).suggestions[0]!.memberId;
    expect(first({ weights: { interests: 100, specialty: 0 } })).toBe("a");
    expect(first({ weights: { interests: 0, specialty: 100 } })).toBe("b");
  });

  it("several programs merge in order, and invalid or all-zero overrides fall back to the defaults", () => {
    const merged = rankingConfigOf([{ weights: { responsiveness: 5 } }, { weights: { responsiveness: 7 }, tuning: { declinedWithinDays: 30 } }]);
    expect(merged.weights.responsiveness).toBe(7);
    expect(merged.tuning.declinedWithinDays).toBe(30);
    expect(rankingConfigOf([{ weights: { interest: 5 } }])).toEqual(DEFAULT_RANKING_CONFIG);
    const allZero = Object.fromEntries(Object.keys(DEFAULT_RANKING_CONFIG.weights).map((f) => [f, 0]));
    expect(rankingConfigOf([{ weights: allZero }])).toEqual(DEFAULT_RANKING_CONFIG);
  });
});
