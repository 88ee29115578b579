/**
 * The simple, documented overlap score used for instance files in profile form (`rounds match`).
 * It is deliberately transparent so an institution can recompute it by hand:
 *
 *   shared topics   10 points per trainee interest found in the mentor's expertise or interests (max 40)
 *   specialty       20 points when both name the same specialty, +10 more for the same subspecialty
 *   career paths    10 points per shared career path (max 20)
 *   roles           5 points per role the trainee wants that the mentor offers (max 10)
 *
 * Total 0–100. Tags are compared after normalisation ("Grant writing" = "grant_writing").
 * The app's own fit scorer (src/domain/scoring.ts) is richer; this one only serves instance files.
 */
import { normalizeTag } from "./vocabulary.js";

export interface InstanceProfile {
  specialty?: string | null;
  subspecialty?: string | null;
  careerPaths?: readonly string[];
  interests?: readonly string[];
  expertise?: readonly string[];
  rolesWanted?: readonly string[];
  rolesOffered?: readonly string[];
}

export const OVERLAP_POINTS = {
  perTopic: 10,
  maxTopics: 40,
  specialty: 20,
  subspecialty: 10,
  perCareerPath: 10,
  maxCareerPaths: 20,
  perRole: 5,
  maxRoles: 10,
} as const;

const tagSet = (...lists: (readonly string[] | undefined)[]): Set<string> =>
  new Set(lists.flatMap((l) => l ?? []).map(normalizeTag).filter(Boolean));

function shared(a: readonly string[] | undefined, b: Set<string>): number {
  let count = 0;
  for (const x of tagSet(a)) if (b.has(x)) count++;
  return count;
}

export interface OverlapBreakdown {
  topics: number;
  specialty: number;
  careerPaths: number;
  roles: number;
  total: number;
}

export function overlapBreakdown(trainee: InstanceProfile, mentor: InstanceProfile): OverlapBreakdown {
  const P = OVERLAP_POINTS;
  const topics = Math.min(P.maxTopics, P.perTopic * shared(trainee.interests, tagSet(mentor.expertise, mentor.interests)));
  let specialty = 0;
  if (trainee.specialty && trainee.specialty === mentor.specialty) {
    specialty = P.specialty;
    if (trainee.subspecialty && trainee.subspecialty === mentor.subspecialty) specialty += P.subspecialty;
  }
  const careerPaths = Math.min(P.maxCareerPaths, P.perCareerPath * shared(trainee.careerPaths, tagSet(mentor.careerPaths)));
  const roles = Math.min(P.maxRoles, P.perRole * shared(trainee.rolesWanted, tagSet(mentor.rolesOffered)));
  return { topics, specialty, careerPaths, roles, total: topics + specialty + careerPaths + roles };
}

export function overlapScore(trainee: InstanceProfile, mentor: InstanceProfile): number {
  return overlapBreakdown(trainee, mentor).total;
}
