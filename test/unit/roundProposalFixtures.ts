import { EMPTY_PROFILE, type ProfileData } from "../../src/domain/profile.js";
import { readStoredOptions, type StoredRoundOptionsInput } from "../../src/domain/roundOptions.js";
import type { RoundKindCode } from "../../src/domain/roundProposal.js";
import type { RoundInputs, RoundMentor, RoundPerson } from "../../src/domain/roundInputs.js";
import { BASE_VOCABULARY } from "../../src/domain/vocabulary.js";

/** Builders for round proposals: people with sensible profiles, inputs with everything empty. */

export const AT = new Date("2026-03-02T15:00:00Z");

export function person(id: string, profile: Partial<ProfileData> = {}, extra: Partial<RoundPerson> = {}): RoundPerson {
  return { memberId: id, slackUserId: `U${id.toUpperCase()}`, name: `Person ${id}`, profile: { ...EMPTY_PROFILE, careerStage: "fellow", ...profile }, paused: false, group: null, ...extra };
}

export function mentorOf(id: string, capacity: number, profile: Partial<ProfileData> = {}, extra: Partial<RoundMentor> = {}): RoundMentor {
  return { ...person(id, { careerStage: "senior_faculty", rolesOffered: ["mentor"], ...profile }), capacity, activeMentees: 0, responsiveness: null, ...extra };
}

export function inputs(kind: RoundKindCode, over: Partial<Omit<RoundInputs, "options">> & { options?: StoredRoundOptionsInput } = {}): RoundInputs {
  const { options, ...rest } = over;
  return {
    kind,
    options: readStoredOptions(options ?? {}),
    scheduledFor: AT,
    timezone: "UTC",
    trainees: [],
    mentors: [],
    exclusions: [],
    activePairs: [],
    pastPairs: [],
    pastGroups: [],
    rankings: {},
    roundIndex: 0,
    vocabulary: BASE_VOCABULARY,
    alreadyMatched: [],
    ...rest,
  };
}

/** Three trainees, two mentors: thrombosis people go with the thrombosis mentor, leukemia with the leukemia one. */
export function hemeCohort(): Pick<RoundInputs, "trainees" | "mentors"> {
  return {
    trainees: [
      person("t1", { specialty: "hematology", subspecialty: "thrombosis_hemostasis", interests: ["thrombosis"] }),
      person("t2", { specialty: "hematology", subspecialty: "malignant_hematology", interests: ["leukemia"] }),
      person("t3", { specialty: "hematology", subspecialty: "thrombosis_hemostasis", interests: ["thrombosis"] }),
    ],
    mentors: [
      mentorOf("m1", 2, { specialty: "hematology", subspecialty: "thrombosis_hemostasis", expertise: ["thrombosis"] }),
      mentorOf("m2", 2, { specialty: "hematology", subspecialty: "malignant_hematology", expertise: ["leukemia"] }),
    ],
  };
}
