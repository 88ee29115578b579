import type { Suggestion } from "./ranking.js";
import { isJuniorFaculty } from "./ranking.js";
import { plainLabel, type MentorCandidate } from "./scoring.js";
import { BASE_VOCABULARY, type Vocabulary } from "./vocabulary.js";

/**
 * Junior faculty mentors are often paired with a senior co-mentor. When a trainee asks a
 * junior-faculty mentor, offer the best senior mentors from the same ranking (so every hard
 * exclusion — self, paused, full, declined, confidential — already applies), preferring those
 * close to the junior mentor's field.
 */

export interface CoMentorOptions {
  /** How many to offer (default 3). */
  limit?: number;
  /** Least senior stage a co-mentor may hold (default "mid_career_faculty"); always above the junior mentor. */
  minStage?: string;
  vocabulary?: Vocabulary;
}

export type CoMentorReasonKind = "stage" | "subspecialty" | "specialty" | "shared";

export interface CoMentorSuggestion {
  suggestion: Suggestion;
  /** Trainee fit (0–100) plus closeness to the junior mentor (up to 30). */
  coScore: number;
  reasons: { kind: CoMentorReasonKind; text: string }[];
}

/** Closeness bonuses, in score points. */
export const CO_MENTOR_BONUS = { subspecialty: 15, specialty: 8, perSharedTag: 5, sharedTagsMax: 15 } as const;

/**
 * Senior co-mentor suggestions for a junior-faculty mentor, from the trainee's ranking.
 * Returns [] when the mentor is not junior faculty.
 */
export function pickSeniorCoMentors(
  junior: MentorCandidate,
  ranking: readonly Suggestion[],
  options: CoMentorOptions = {},
): CoMentorSuggestion[] {
  if (!isJuniorFaculty(junior.profile)) return [];
  const vocabulary = options.vocabulary ?? BASE_VOCABULARY;
  const rankOf = (key: string | null) => vocabulary.careerStages.find((s) => s.key === key)?.rank ?? null;
  const juniorRank = rankOf(junior.profile.careerStage) ?? 0;
  const minRank = Math.max(rankOf(options.minStage ?? "mid_career_faculty") ?? 0, juniorRank + 1);
  const jp = junior.profile;
  const juniorTags = new Set([...jp.expertise, ...jp.interests]);

  const picks: CoMentorSuggestion[] = [];
  for (const s of ranking) {
    const p = s.candidate.profile;
    const stageRank = rankOf(p.careerStage);
    if (s.memberId === junior.memberId || stageRank === null || stageRank < minRank) continue;
    const stageLabel = vocabulary.careerStages.find((x) => x.key === p.careerStage)!.label;
    const reasons: CoMentorSuggestion["reasons"] = [{ kind: "stage", text: `more senior than the junior mentor: ${plainLabel(stageLabel)}` }];
    let bonus = 0;
    if (jp.subspecialty && jp.subspecialty !== "other" && p.subspecialty === jp.subspecialty) {
      bonus += CO_MENTOR_BONUS.subspecialty;
      const label = vocabulary.subspecialties.find((x) => x.key === p.subspecialty)?.label ?? p.subspecialty;
      reasons.push({ kind: "subspecialty", text: `same subspecialty as the junior mentor: ${plainLabel(label)}` });
    } else if (jp.specialty && jp.specialty !== "other" && p.specialty === jp.specialty) {
      bonus += CO_MENTOR_BONUS.specialty;
      const label = vocabulary.specialties.find((x) => x.key === p.specialty)?.label ?? p.specialty;
      reasons.push({ kind: "specialty", text: `same specialty as the junior mentor: ${plainLabel(label)}` });
    }
    const shared = [...new Set([...p.expertise, ...p.interests])].filter((t) => juniorTags.has(t));
    if (shared.length) {
      bonus += Math.min(CO_MENTOR_BONUS.sharedTagsMax, shared.length * CO_MENTOR_BONUS.perSharedTag);
      const labels = shared.slice(0, 3).map((k) => plainLabel(vocabulary.interests.find((x) => x.key === k)?.label ?? k.replace(/_/g, " ")));
      reasons.push({ kind: "shared", text: `shares with the junior mentor: ${labels.join(", ")}` });
    }
    picks.push({ suggestion: s, coScore: s.score + bonus, reasons });
  }
  picks.sort(
    (a, b) =>
      b.coScore - a.coScore ||
      b.suggestion.placesOpen - a.suggestion.placesOpen ||
      (a.suggestion.name < b.suggestion.name ? -1 : a.suggestion.name > b.suggestion.name ? 1 : 0) ||
      (a.suggestion.memberId < b.suggestion.memberId ? -1 : a.suggestion.memberId > b.suggestion.memberId ? 1 : 0),
  );
  return picks.slice(0, options.limit ?? 3);
}

/** What follows a reason's colon: "same subspecialty: thrombosis" → "thrombosis". */
const valueOf = (text: string) => text.slice(text.indexOf(":") + 1).trim();

/**
 * The reasons a co-mentor card gives, each said once: closeness to the junior mentor (the stage is
 * left out, since the card already names it), then up to two reasons from the trainee's own ranking
 * that name something the closeness reasons have not ("shares: thrombosis" is dropped after
 * "shares with the junior mentor: thrombosis").
 */
export function coMentorCardReasons(pick: Pick<CoMentorSuggestion, "reasons">, traineeReasons: readonly string[]): string[] {
  const closeness = pick.reasons.filter((r) => r.kind !== "stage").map((r) => r.text);
  const said = closeness.flatMap((t) => valueOf(t).split(", "));
  const fresh = traineeReasons.filter((t) => !valueOf(t).split(", ").every((v) => said.includes(v)));
  return [...closeness, ...fresh.slice(0, 2)];
}
