/**
 * A pairing round's proposal: what the director previews before approving. Plain JSON (it is stored
 * in RoundRun.proposal), codes only — the words are chosen by src/slack/views/rounds/preview.ts.
 *
 * Four kinds (Round.kind):
 * - MENTOR_MATCH: optimal assignment (most trainees matched, then highest total fit) → `pairs`
 * - STABLE: trainee-proposing deferred acceptance over collected rank lists → `pairs` + `stable`
 * - ROTATION: peer pairs/groups of N, or mentors × trainees (cross-group) → `groups`
 * - SPEED: K timed rotations, mentors × trainees → `groups` (one per table and rotation) + `speed`
 *
 * People are referred to by Member id; `people` carries what a view needs to show them.
 */
import { z } from "zod";
import type { ExclusionCounts } from "./matchInstance.js";
import type { MentorLoad, UnmatchedReason } from "./matchMetrics.js";

export type RoundKindCode = "MENTOR_MATCH" | "STABLE" | "ROTATION" | "SPEED";

/** Options a round may carry in Round.options (extra keys are kept, unknown ones ignored). */
export const roundOptionsSchema = z.looseObject({
  /** Mentor role the created matches hold (MENTOR_MATCH, STABLE). */
  role: z.string().min(1).default("mentor"),
  /** Never pair two people of the same group (the cohort: profiles have no lab field). */
  excludeSameGroup: z.boolean().default(false),
  /** Fit points (0–100 scale) taken off a pair that was paired before. */
  repeatPenalty: z.number().min(0).max(100).default(15),
  /** ROTATION: people per group (2 = pairs). */
  groupSize: z.number().int().min(2).max(10).default(2),
  /** ROTATION: mentors × trainees instead of peers. */
  crossGroup: z.boolean().default(false),
  /** SPEED: how many rotations each trainee sits. */
  rotations: z.number().int().min(1).max(20).default(3),
  /** SPEED: when the first rotation starts (ISO); defaults to the run's scheduled time. */
  startsAt: z.string().datetime({ offset: true }).optional(),
  minutesPerRotation: z.number().int().min(1).max(240).default(10),
  breakMinutes: z.number().int().min(0).max(120).default(2),
});
export type RoundOptionsInput = z.input<typeof roundOptionsSchema>;
export type ParsedRoundOptions = z.infer<typeof roundOptionsSchema>;

/** Options from the stored JSON; a malformed value falls back to the defaults field by field. */
export function parseProposalOptions(raw: unknown): ParsedRoundOptions {
  const parsed = roundOptionsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const obj = typeof raw === "object" && raw !== null ? { ...(raw as Record<string, unknown>) } : {};
  for (const issue of parsed.error.issues) delete obj[String(issue.path[0])];
  return roundOptionsSchema.parse(obj);
}

export interface ProposalPerson {
  slackUserId: string;
  name: string;
}

/** Why a pair is suggested (plain words from the fit scorer). */
export interface ProposedPair {
  trainee: string;
  mentor: string;
  /** 0–100 after any repeat penalty. */
  fit: number;
  reasons: string[];
  repeat: boolean;
  /** 1-based: the trainee's n-th choice (their own rank list in stable rounds, else by fit); null if unranked. */
  choice: number | null;
}

export interface ProposedGroup {
  members: string[];
  /** Cross-group rotations and speed tables: the mentor among `members`. */
  mentor?: string;
  /** Speed mentoring: the rotation (0-based). */
  slot: number;
  /** Pairs inside the group that had met before. */
  repeats: number;
}

/** `unassigned`: left out by an edit although an eligible mentor has room (reassign them). */
export type ProposalUnmatchedReason = UnmatchedReason | "dropped" | "unassigned" | "alone" | "not_enough_mentors" | "no_mentors";

export interface ProposalUnmatched {
  memberId: string;
  reason: ProposalUnmatchedReason;
  eligibleMentors?: number;
  excluded?: Partial<ExclusionCounts>;
}

export interface ProposalMetrics {
  /** Trainees (pair kinds) or people (group kinds) taking part. */
  participants: number;
  matched: number;
  matchedPercent: number;
  averageFit: number | null;
  minFit: number | null;
  /** Share (0–1) of trainees matched to one of their top 3 choices; null for group kinds. */
  top3Share: number | null;
  mentorLoad: MentorLoad | null;
  repeats: number;
}

export interface MentorPlaces {
  mentor: string;
  /** Open places for this round: capacity minus active matches. */
  places: number;
}

export interface SpeedSchedule {
  rotations: { index: number; startsAt: string; endsAt: string }[];
  /** Per person, per rotation: who they sit with. */
  byPerson: Record<string, { rotation: number; with: string[] }[]>;
}

export interface RoundProposal {
  version: 1;
  kind: RoundKindCode;
  computedAt: string;
  role: string;
  people: Record<string, ProposalPerson>;
  pairs: ProposedPair[];
  groups: ProposedGroup[];
  unmatched: ProposalUnmatched[];
  metrics: ProposalMetrics;
  /** Pair kinds: every mentor's open places (for swaps and the load line). */
  mentors: MentorPlaces[];
  /** Trainees who already have a mentor in this role and so were not in the round. */
  alreadyMatched: string[];
  stable?: { blockingPairs: number; byChoice: number[]; unmatched: number };
  speed?: SpeedSchedule;
  /** Pairs the director dropped from this proposal (kept out on a swap, cleared by re-run). */
  dropped: { trainee: string; mentor: string }[];
  /** Group kinds: excluded pairs that could not be kept apart (the preview warns). */
  conflicts?: number;
  /** Set when the whole round could not be planned (e.g. "not_enough_mentors" for speed mentoring). */
  problem?: string;
}

export const isPairKind = (kind: RoundKindCode): boolean => kind === "MENTOR_MATCH" || kind === "STABLE";
