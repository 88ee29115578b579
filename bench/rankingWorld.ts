/** The seeded mentor pool and trainees bench/ranking.ts ranks (also for A/B runs of two builds). */
import { EMPTY_PROFILE, type ProfileData } from "../src/domain/profile.js";
import type { MentorCandidate, TraineeInput } from "../src/domain/scoring.js";
import {
  CADENCES,
  CAREER_PATHS,
  CAREER_STAGES,
  INTERESTS,
  MEETING_FORMATS,
  MENTOR_ROLES,
  PRIORITIES,
  SPECIALTIES,
  SUBSPECIALTIES,
} from "../src/domain/vocabulary.js";
import { prng } from "./prng.js";

const FREE_TAGS = ["vte", "anticoagulation", "car_t", "aml", "itp", "scd", "hsct", "qi", "med_ed", "mentoring", "wellness", "informatics"];
const BIO_WORDS =
  "I run a clinic for venous thromboembolism and bleeding disorders and lead trials in acute myeloid leukemia. Our lab studies stem cell transplant outcomes, sickle cell disease, immune thrombocytopenia and quality improvement in medical education. I enjoy helping fellows with grant writing, manuscripts and career choices."
    .split(" ");

/**
 * The benchmark's pool: `count` realistic mentor profiles from a seeded PRNG, the trainee the
 * fixed-trainee rows rank for, and the trainees and queries a run of searches takes in turn.
 */
export function rankingWorld(count: number, seed: number) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number) => {
    const n = Math.floor(random() * (max + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const tags = [...INTERESTS.map((t) => t.key), ...FREE_TAGS];
  const mentorStages = CAREER_STAGES.filter((s) => s.side !== "trainee");

  // Frozen, list and candidates, as findMentor.ts shares a cached pool's candidates between searches.
  const mentors: readonly MentorCandidate[] = Object.freeze(Array.from({ length: count }, (_, i): MentorCandidate => {
    const capacity = 1 + Math.floor(random() * 6);
    const profile: ProfileData = {
      ...EMPTY_PROFILE,
      careerStage: pick(mentorStages).key,
      specialty: pick(SPECIALTIES).key,
      subspecialty: random() < 0.8 ? pick(SUBSPECIALTIES).key : null,
      careerPaths: some(CAREER_PATHS.map((t) => t.key), 3),
      interests: some(tags, 8),
      expertise: some(tags, 8),
      rolesOffered: some(MENTOR_ROLES.map((t) => t.key), 3),
      meetingFormats: some(MEETING_FORMATS.map((t) => t.key), 2),
      cadenceOffered: pick(CADENCES).key,
      handsOn: random() < 0.5,
      helpedGrants: random() < 0.4,
      copublishes: random() < 0.5,
      editorialRoles: random() < 0.2 ? "Associate editor, Blood Advances" : null,
      pastFellows: random() < 0.3 ? "Former fellows lead clinics and labs" : null,
      bio: Array.from({ length: 20 + Math.floor(random() * 40) }, () => pick(BIO_WORDS)).join(" "),
      capacity,
    };
    return Object.freeze({
      memberId: `U${String(i).padStart(6, "0")}`,
      name: `Mentor ${i}`,
      profile,
      capacity,
      activeMentees: Math.floor(random() * (capacity + 1)),
      paused: random() < 0.05,
      responsiveness: random() < 0.8 ? { medianReplyHours: random() * 200, samples: 1 + Math.floor(random() * 20) } : null,
      rolesWithTrainee: random() < 0.01 ? ["mentor"] : [],
      declinedTraineeAt: random() < 0.01 ? [new Date(Date.UTC(2026, 9, 1))] : [],
      confidentialExclusion: random() < 0.005,
    });
  }));

  const trainee: TraineeInput = {
    memberId: "UTRAINEE",
    profile: {
      ...EMPTY_PROFILE,
      careerStage: "fellow",
      trainingYear: 2,
      specialty: "hematology",
      subspecialty: "thrombosis_hemostasis",
      careerPaths: ["academic_research", "clinical_practice"],
      interests: ["thrombosis", "grant_writing", "health_equity", "vte", "clinical_trials"],
      priorities: PRIORITIES.slice(0, 3).map((p) => p.key),
      rolesWanted: ["mentor", "sponsor"],
      meetingCadence: "MONTHLY",
      meetingFormats: ["video", "in_person"],
      wantsHandsOn: true,
    },
  };
  const now = new Date(Date.UTC(2026, 10, 21));

  // Trainees as a busy hour brings them: one after another, each with their own interests and wishes.
  const traineeStages = CAREER_STAGES.filter((s) => s.side !== "mentor");
  const trainees: TraineeInput[] = [
    trainee,
    ...Array.from({ length: 7 }, (_, i) => ({
      memberId: `T${i}`,
      profile: {
        ...EMPTY_PROFILE,
        careerStage: pick(traineeStages).key,
        trainingYear: 1 + Math.floor(random() * 3),
        specialty: pick(SPECIALTIES).key,
        subspecialty: random() < 0.7 ? pick(SUBSPECIALTIES).key : null,
        careerPaths: some(CAREER_PATHS.map((t) => t.key), 3),
        interests: some(tags, 6),
        priorities: some(PRIORITIES.map((t) => t.key), 3),
        rolesWanted: some(MENTOR_ROLES.map((t) => t.key), 2),
        meetingCadence: random() < 0.8 ? pick(CADENCES).key : null,
        meetingFormats: some(MEETING_FORMATS.map((t) => t.key), 2),
        wantsHandsOn: random() < 0.7 ? random() < 0.5 : null,
      },
    })),
  ];
  const queries = ["thrombosis grants", "VTE med ed pubs", "sickle cell", "leukemia trials", "hemato mentoring"];
  const SEARCH_LIMIT = 6; // findMentor.ts: a page of 5 and one more to know there is a next page

  return { mentors, trainee, trainees, queries, now, SEARCH_LIMIT };
}
