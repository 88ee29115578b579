/**
 * A pairing round's proposal: what the director previews before approving. Plain JSON (it is stored
 * in RoundRun.proposal), codes only — the words are chosen by src/features/rounds/views/preview.ts.
 *
 * Four kinds (Round.kind):
 * - MENTOR_MATCH: optimal assignment (most trainees matched, then highest total fit) → `pairs`
 * - STABLE: trainee-proposing deferred acceptance over collected rank lists → `pairs` + `stable`
 * - ROTATION: peer pairs/groups of N, or mentors × trainees (cross-group) → `groups`
 * - SPEED: K timed rotations, mentors × trainees → `groups` (one per table and rotation) + `speed`
 *
 * People are referred to by Member id; `people` carries what a view needs to show them. The round's
 * options are read by src/domain/roundOptions.ts (readStoredOptions), their one owner.
 */
import type { ExclusionCounts } from "./matchInstance.js";
import type { MentorLoad, UnmatchedReason } from "./matchMetrics.js";

export type RoundKindCode = "MENTOR_MATCH" | "STABLE" | "ROTATION" | "SPEED";

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
  /** Set when approval moved the schedule (its first rotation had started): the first rotation's original start, ISO. */
  movedFrom?: string;
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
