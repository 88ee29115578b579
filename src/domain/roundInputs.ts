/**
 * Everything a round's proposal is computed from, as plain data the store loaded. Pure types plus
 * the one conversion to a solver instance (matchInstance.ts), shared by the first proposal and by
 * every swap a director makes afterwards (which re-checks against fresh data).
 */
import { scaleScore } from "./assignment.js";
import type { MatchInstance } from "./matchInstance.js";
import type { ProfileData } from "./profile.js";
import type { StoredRoundOptions } from "./roundOptions.js";
import type { RoundKindCode } from "./roundProposal.js";
import { fitScore, evaluate, traineeContext, type MentorCandidate, type Responsiveness, type TraineeContext } from "./scoring.js";
import type { Vocabulary } from "./vocabulary.js";

export interface RoundPerson {
  memberId: string;
  slackUserId: string;
  name: string;
  profile: ProfileData;
  paused: boolean;
  /** The person's group for "never pair the same group": their cohort id (profiles have no lab field). */
  group: string | null;
}

export interface RoundMentor extends RoundPerson {
  /** Total places (profile capacity, else the program default). */
  capacity: number;
  /** Active matches now, in any program. */
  activeMentees: number;
  responsiveness: Responsiveness | null;
}

export interface RoundInputs {
  kind: RoundKindCode;
  options: StoredRoundOptions;
  /** The run's scheduled time (speed mentoring starts at options.startsAt, or options.startTime that day, or else here). */
  scheduledFor: Date;
  /** The program's time zone (a recurring speed event's start time is read in it). */
  timezone: string;
  /** Trainees taking part (skips removed; paused kept with paused = true so they are reported). */
  trainees: RoundPerson[];
  mentors: RoundMentor[];
  /** Confidential exclusions, either direction. */
  exclusions: [string, string][];
  /** Active matches between a trainee and a mentor (any role). */
  activePairs: { trainee: string; mentor: string; role: string }[];
  /** Pairs that met before: earlier groups of this round and past matches. */
  pastPairs: [string, string][];
  /** Earlier groups of this round (for rotations). */
  pastGroups: string[][];
  /** Stable rounds: rank lists (member ids, best first) by member id. */
  rankings: Record<string, string[]>;
  /** Approved runs of this round before this one. */
  roundIndex: number;
  vocabulary: Vocabulary;
  /** Trainees left out because they already have a mentor in the round's role. */
  alreadyMatched: string[];
}

/** Per inputs object: trainee contexts and the roles each pair already holds (computed once, not per pair). */
const contexts = new WeakMap<RoundInputs, Map<string, TraineeContext>>();
const rolesByPair = new WeakMap<RoundInputs, Map<string, string[]>>();

function rolesOf(inputs: RoundInputs, traineeId: string, mentorId: string): string[] {
  let map = rolesByPair.get(inputs);
  if (!map) {
    map = new Map();
    for (const p of inputs.activePairs) {
      const k = `${p.trainee}\u0000${p.mentor}`;
      map.set(k, [...(map.get(k) ?? []), p.role]);
    }
    rolesByPair.set(inputs, map);
  }
  return map.get(`${traineeId}\u0000${mentorId}`) ?? [];
}

export function mentorCandidate(m: RoundMentor, traineeId: string, inputs: RoundInputs): MentorCandidate {
  return {
    memberId: m.memberId,
    name: m.name,
    profile: m.profile,
    capacity: m.capacity,
    activeMentees: m.activeMentees,
    paused: false,
    responsiveness: m.responsiveness,
    rolesWithTrainee: rolesOf(inputs, traineeId, m.memberId),
    declinedTraineeAt: [],
    confidentialExclusion: false,
  };
}

export function contextOf(t: RoundPerson, inputs: RoundInputs): TraineeContext {
  let map = contexts.get(inputs);
  if (!map) contexts.set(inputs, (map = new Map()));
  let ctx = map.get(t.memberId);
  if (!ctx) map.set(t.memberId, (ctx = traineeContext({ memberId: t.memberId, profile: t.profile }, { vocabulary: inputs.vocabulary, role: inputs.options.role })));
  return ctx;
}

const indexes = new WeakMap<RoundInputs, { trainees: Map<string, RoundPerson>; mentors: Map<string, RoundMentor> }>();
function byId(inputs: RoundInputs, side: "trainees" | "mentors"): Map<string, RoundPerson | RoundMentor> {
  let idx = indexes.get(inputs);
  if (!idx) {
    idx = { trainees: new Map(inputs.trainees.map((t) => [t.memberId, t])), mentors: new Map(inputs.mentors.map((m) => [m.memberId, m])) };
    indexes.set(inputs, idx);
  }
  return idx[side];
}

/** Fit (0–100, before any repeat penalty) and the plain-words reasons for one pair. */
export function pairFit(inputs: RoundInputs, traineeId: string, mentorId: string): { fit: number; reasons: string[] } {
  const t = byId(inputs, "trainees").get(traineeId) as RoundPerson | undefined;
  const m = byId(inputs, "mentors").get(mentorId) as RoundMentor | undefined;
  if (!t || !m) return { fit: 0, reasons: [] };
  const e = evaluate(contextOf(t, inputs), mentorCandidate(m, traineeId, inputs));
  return { fit: Math.round(e.score * 10) / 10, reasons: e.reasons.map((r) => r.text) };
}

/** Open places for this round: capacity minus active matches, never below 0. */
export const openPlaces = (m: RoundMentor): number => Math.max(0, m.capacity - m.activeMentees);

/**
 * The solver instance for a pair round: every trainee × mentor pair is an edge scored by the app's
 * fit scorer (scoring.ts); matchInstance.ts applies the hard exclusions (self, paused mentor,
 * confidential exclusion, same group, already paired, no room) and the repeat penalty.
 */
export function pairInstance(inputs: RoundInputs): MatchInstance {
  const edges: { trainee: string; mentor: string; score: number }[] = [];
  for (const t of inputs.trainees) {
    const ctx = contextOf(t, inputs);
    for (const m of inputs.mentors) {
      // One decimal, so a stored pair's fit and the solver's score agree exactly.
      edges.push({ trainee: t.memberId, mentor: m.memberId, score: Math.round(fitScore(ctx, mentorCandidate(m, t.memberId, inputs)) * 10) / 10 });
    }
  }
  const known = new Set([...inputs.trainees.map((t) => t.memberId), ...inputs.mentors.map((m) => m.memberId)]);
  const ranks = (owners: readonly RoundPerson[], others: Set<string>) => {
    const out: Record<string, string[]> = {};
    for (const o of owners) {
      const list = inputs.rankings[o.memberId];
      if (list) out[o.memberId] = [...new Set(list)].filter((id) => others.has(id) && known.has(id));
    }
    return out;
  };
  const stable = inputs.kind === "STABLE";
  return {
    form: "plain",
    mode: stable ? "stable" : "optimal",
    trainees: inputs.trainees.map((t) => ({ id: t.memberId, paused: t.paused, ...(t.group ? { group: t.group } : {}) })),
    mentors: inputs.mentors.map((m) => ({ id: m.memberId, capacity: openPlaces(m), paused: m.paused, ...(m.group ? { group: m.group } : {}) })),
    edges,
    exclusions: inputs.exclusions,
    activePairs: inputs.activePairs.map((p) => [p.trainee, p.mentor] as [string, string]),
    pastPairs: inputs.pastPairs,
    repeatPenalty: inputs.options.repeatPenalty,
    excludeSameGroup: inputs.options.excludeSameGroup,
    ...(stable
      ? {
          traineeRanks: ranks(inputs.trainees, new Set(inputs.mentors.map((m) => m.memberId))),
          mentorRanks: ranks(inputs.mentors, new Set(inputs.trainees.map((t) => t.memberId))),
        }
      : {}),
  } as MatchInstance;
}

/** Same scale the solver uses, for comparisons with stored fits. */
export const scaledFit = (fit: number): number => scaleScore(fit);
