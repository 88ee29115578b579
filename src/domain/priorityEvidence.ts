import type { ProfileData } from "./profile.js";

/**
 * What each priority a trainee may hold asks of a mentor. `tags` are interest/expertise keys
 * that serve the priority: a shared tag among them counts `priorityTagBoost` times in the
 * interests factor. `evidence` lists what in the mentor's profile serves it, strongest first;
 * the best one present is the mentor's support for that priority.
 */
export interface Evidence {
  support: number;
  text: string;
  holds: (m: ProfileData) => boolean;
}

const anyOf = (list: readonly string[], keys: readonly string[]) => {
  for (const k of keys) if (list.indexOf(k) !== -1) return true;
  return false;
};
const path = (...keys: string[]) => (m: ProfileData) => anyOf(m.careerPaths, keys);
const tag = (...keys: string[]) => (m: ProfileData) => anyOf(m.expertise, keys) || anyOf(m.interests, keys);
const expert = (...keys: string[]) => (m: ProfileData) => anyOf(m.expertise, keys);
const offers = (role: string) => (m: ProfileData) => m.rolesOffered.indexOf(role) !== -1;

export const PRIORITY_MAP: Readonly<Record<string, { tags: readonly string[]; evidence: readonly Evidence[] }>> = {
  research_advice: {
    tags: ["clinical_trials", "basic_science", "outcomes_research"],
    evidence: [
      { support: 1, text: "a research career", holds: path("academic_research", "phd_research") },
      { support: 0.7, text: "research expertise", holds: tag("clinical_trials", "basic_science", "outcomes_research") },
    ],
  },
  clinical_mentorship: {
    tags: ["quality_improvement"],
    evidence: [
      { support: 1, text: "a clinical career", holds: path("clinical_practice", "private_practice") },
      { support: 0.5, text: "hands-on supervision", holds: (m) => m.handsOn === true },
    ],
  },
  grants: {
    tags: ["grant_writing"],
    evidence: [
      { support: 1, text: "has helped mentees win grants", holds: (m) => m.helpedGrants === true },
      { support: 0.8, text: "grant-writing expertise", holds: expert("grant_writing") },
      { support: 0.5, text: "interested in grant writing", holds: tag("grant_writing") },
    ],
  },
  publications: {
    tags: ["scientific_writing", "publications"],
    evidence: [
      { support: 1, text: "co-publishes with mentees", holds: (m) => m.copublishes === true },
      { support: 0.7, text: "editorial roles", holds: (m) => Boolean(m.editorialRoles) },
    ],
  },
  career_transition: {
    tags: ["leadership"],
    evidence: [
      { support: 1, text: "has guided past fellows", holds: (m) => Boolean(m.pastFellows) },
      { support: 0.7, text: "offers coaching", holds: offers("coach") },
    ],
  },
  work_life_balance: {
    tags: ["work_life_balance", "wellness", "wellbeing"],
    evidence: [
      { support: 1, text: "offers coaching", holds: offers("coach") },
      { support: 1, text: "cares about work-life balance", holds: tag("work_life_balance", "wellness", "wellbeing") },
    ],
  },
  networking: {
    tags: ["leadership"],
    evidence: [
      { support: 1, text: "a connector", holds: offers("connector") },
      { support: 0.8, text: "a sponsor", holds: offers("sponsor") },
      { support: 0.5, text: "in leadership", holds: tag("leadership") },
    ],
  },
};

export const priorityEntry = (key: string) => (Object.hasOwn(PRIORITY_MAP, key) ? PRIORITY_MAP[key] : undefined);
