import { EMPTY_PROFILE, type ProfileData } from "../../src/domain/profile.js";
import type { MentorCandidate, TraineeInput } from "../../src/domain/scoring.js";

/** Test builders for the ranking domain: plain data with sensible defaults. */

export const NOW = new Date("2026-11-21T12:00:00Z");

export const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

export function profile(overrides: Partial<ProfileData> = {}): ProfileData {
  return { ...EMPTY_PROFILE, ...overrides };
}

export function trainee(overrides: Partial<ProfileData> = {}, memberId = "UTRAINEE"): TraineeInput {
  return { memberId, profile: profile({ careerStage: "fellow", ...overrides }) };
}

let next = 0;

export function mentor(
  overrides: Partial<Omit<MentorCandidate, "profile">> & { profile?: Partial<ProfileData> } = {},
): MentorCandidate {
  next += 1;
  const { profile: p, ...rest } = overrides;
  return {
    memberId: `UMENTOR${String(next).padStart(4, "0")}`,
    name: `Mentor ${next}`,
    profile: profile({ careerStage: "senior_faculty", ...p }),
    capacity: 4,
    activeMentees: 2,
    paused: false,
    responsiveness: null,
    rolesWithTrainee: [],
    declinedTraineeAt: [],
    confidentialExclusion: false,
    ...rest,
  };
}
