/**
 * Instance files for `rounds match FILE.json`: the zod schemas and the conversion to solver input.
 *
 * Two forms (docs/matching.md has examples):
 * - plain: `{"mode", "trainees":[{"id"}], "mentors":[{"id","capacity"}], "edges":[{"trainee","mentor","score"}]}`
 *   Only listed edges are allowed. Stable mode may add `traineeRanks` / `mentorRanks` ({id: [ids…]}).
 * - profile: trainees and mentors carry a `profile` (ProfileData-like fields); every trainee–mentor
 *   pair scoring at least `minScore` is an edge, scored by the overlap score of instanceScore.ts.
 * Both forms accept `exclusions` ([a, b]: never pair these two, either order), `activePairs` (already
 * paired: excluded), `pastPairs` (paired before: `repeatPenalty` is subtracted from the score),
 * `paused` on a person, and `group` with `excludeSameGroup` (same lab/group never paired).
 * A person who is both trainee and mentor is never paired with themself.
 * Scores may be fractional; they are scaled to integers (×1000, rounded) for the exact solver.
 */
import { z } from "zod";
import { buildProblem, scaleScore, type MatchProblem, type PlainEdge } from "./assignment.js";
import { overlapScore, type InstanceProfile } from "./instanceScore.js";
import type { StableProblem } from "./stable.js";

const id = z.string().trim().min(1, "must be a non-empty id");
const score = z.number().finite().min(-1e5, "must be at least -100000").max(1e5, "must be at most 100000");
const pair = z.tuple([id, id]);
const person = {
  id,
  paused: z.boolean().optional(),
  group: z.string().optional(),
};
const capacity = z.number().int("must be a whole number").min(0, "must be 0 or more").max(1000, "must be at most 1000");
const ranks = z.record(id, z.array(id));

const common = {
  mode: z.enum(["optimal", "stable"]),
  exclusions: z.array(pair).default([]),
  activePairs: z.array(pair).default([]),
  pastPairs: z.array(pair).default([]),
  repeatPenalty: z.number().finite().min(0).max(1e5).default(0),
  excludeSameGroup: z.boolean().default(false),
  traineeRanks: ranks.optional(),
  mentorRanks: ranks.optional(),
};

const tagList = z.array(z.string()).optional();
export const instanceProfileSchema = z.looseObject({
  specialty: z.string().nullable().optional(),
  subspecialty: z.string().nullable().optional(),
  careerPaths: tagList,
  interests: tagList,
  expertise: tagList,
  rolesWanted: tagList,
  rolesOffered: tagList,
});

export const plainInstanceSchema = z.object({
  ...common,
  trainees: z.array(z.object(person)),
  mentors: z.array(z.object({ ...person, capacity })),
  edges: z.array(z.object({ trainee: id, mentor: id, score })).default([]),
});

export const profileInstanceSchema = z.object({
  ...common,
  trainees: z.array(z.object({ ...person, profile: instanceProfileSchema })),
  mentors: z.array(z.object({ ...person, capacity, profile: instanceProfileSchema })),
  minScore: z.number().finite().default(0),
});

export type PlainInstance = z.infer<typeof plainInstanceSchema>;
export type ProfileInstance = z.infer<typeof profileInstanceSchema>;
export type MatchInstance = ({ form: "plain" } & PlainInstance) | ({ form: "profile" } & ProfileInstance);

export interface InstanceIssue {
  path: string;
  message: string;
}

/** `mentors[3].capacity`, `traineeRanks.t1[2]` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    "",
  );
}

const hasProfiles = (raw: unknown): boolean => {
  if (typeof raw !== "object" || raw === null) return false;
  const r = raw as { trainees?: unknown; mentors?: unknown };
  const any = (xs: unknown) => Array.isArray(xs) && xs.some((x) => typeof x === "object" && x !== null && "profile" in x);
  return any(r.trainees) || any(r.mentors);
};

/** Validates an instance file's JSON; cross-references (unknown or duplicate ids) are checked too. */
export function parseInstance(raw: unknown): { ok: true; instance: MatchInstance } | { ok: false; issues: InstanceIssue[] } {
  const form = hasProfiles(raw) ? "profile" : "plain";
  const parsed =
    form === "profile" ? profileInstanceSchema.safeParse(raw) : plainInstanceSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  }
  const inst = { form, ...parsed.data } as MatchInstance;
  const issues: InstanceIssue[] = [];
  const trainees = new Set<string>();
  const mentors = new Set<string>();
  inst.trainees.forEach((t, i) => {
    if (trainees.has(t.id)) issues.push({ path: `trainees[${i}].id`, message: `duplicate trainee ${t.id}` });
    trainees.add(t.id);
  });
  inst.mentors.forEach((m, i) => {
    if (mentors.has(m.id)) issues.push({ path: `mentors[${i}].id`, message: `duplicate mentor ${m.id}` });
    mentors.add(m.id);
  });
  const edgeKeys = new Set<string>();
  if (inst.form === "plain") {
    inst.edges.forEach((e, i) => {
      if (!trainees.has(e.trainee)) issues.push({ path: `edges[${i}].trainee`, message: `unknown trainee ${e.trainee}` });
      if (!mentors.has(e.mentor)) issues.push({ path: `edges[${i}].mentor`, message: `unknown mentor ${e.mentor}` });
      edgeKeys.add(`${e.trainee}\u0000${e.mentor}`);
    });
  }
  const checkRanks = (which: "traineeRanks" | "mentorRanks", owners: Set<string>, others: Set<string>) => {
    for (const [owner, list] of Object.entries(inst[which] ?? {})) {
      if (!owners.has(owner)) issues.push({ path: `${which}.${owner}`, message: `unknown ${which === "traineeRanks" ? "trainee" : "mentor"} ${owner}` });
      list.forEach((other, i) => {
        const path = `${which}.${owner}[${i}]`;
        if (!others.has(other)) {
          issues.push({ path, message: `unknown ${which === "traineeRanks" ? "mentor" : "trainee"} ${other}` });
          return;
        }
        const key = which === "traineeRanks" ? `${owner}\u0000${other}` : `${other}\u0000${owner}`;
        if (inst.form === "plain" && inst.edges.length > 0 && !edgeKeys.has(key)) {
          issues.push({ path, message: `${owner}–${other} is not a listed edge` });
        }
      });
    }
  };
  checkRanks("traineeRanks", trainees, mentors);
  checkRanks("mentorRanks", mentors, trainees);
  if (inst.mode === "optimal" && (inst.traineeRanks || inst.mentorRanks)) {
    issues.push({ path: "mode", message: "rank lists are only used in stable mode" });
  }
  return issues.length ? { ok: false, issues } : { ok: true, instance: inst };
}

/** Why candidate pairs were left out, per trainee. */
export interface ExclusionCounts {
  self: number;
  mentorPaused: number;
  exclusion: number;
  sameGroup: number;
  activePair: number;
  noCapacity: number;
}

export const emptyExclusionCounts = (): ExclusionCounts => ({
  self: 0,
  mentorPaused: 0,
  exclusion: 0,
  sameGroup: 0,
  activePair: 0,
  noCapacity: 0,
});

export interface PreparedInstance {
  mode: "optimal" | "stable";
  problem: MatchProblem;
  /** Per edge of `problem`: 1 when the pair met before (the repeat penalty was applied). */
  repeatEdge: Uint8Array;
  /** Per trainee: candidate pairs before exclusions, and why some were excluded. */
  candidates: Int32Array;
  excluded: ExclusionCounts[];
  pausedTrainee: Uint8Array;
  /** Stable mode only: rank lists over eligible pairs. */
  stable?: StableProblem;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Applies exclusions and penalties, computes profile scores, and builds the solver inputs. */
export function prepareInstance(inst: MatchInstance): PreparedInstance {
  const exclusions = new Set(inst.exclusions.map(([a, b]) => pairKey(a, b)));
  const active = new Set(inst.activePairs.map(([a, b]) => pairKey(a, b)));
  const past = new Set(inst.pastPairs.map(([a, b]) => pairKey(a, b)));
  const traineeIndex = new Map(inst.trainees.map((t, i) => [t.id, i] as const));
  const mentorById = new Map(inst.mentors.map((m) => [m.id, m] as const));
  const candidates = new Int32Array(inst.trainees.length);
  const excluded = inst.trainees.map(emptyExclusionCounts);
  const pausedTrainee = Uint8Array.from(inst.trainees, (t) => (t.paused ? 1 : 0));

  const raw: { trainee: string; mentor: string; score: number }[] = [];
  if (inst.form === "plain" && inst.edges.length === 0 && inst.mode === "stable") {
    // Stable mode without edges: every ranked pair is a candidate (score 0).
    const seen = new Set<string>();
    const add = (trainee: string, mentor: string) => {
      const k = `${trainee}\u0000${mentor}`;
      if (!seen.has(k)) raw.push({ trainee, mentor, score: 0 }), seen.add(k);
    };
    for (const [t, list] of Object.entries(inst.traineeRanks ?? {})) for (const m of list) add(t, m);
    for (const [m, list] of Object.entries(inst.mentorRanks ?? {})) for (const t of list) add(t, m);
  } else if (inst.form === "plain") {
    for (const e of inst.edges) raw.push(e); // not push(...edges): a spread of a million edges overflows the call stack
  } else {
    for (const t of inst.trainees) {
      for (const m of inst.mentors) {
        const s = overlapScore(t.profile as InstanceProfile, m.profile as InstanceProfile);
        if (s >= inst.minScore) raw.push({ trainee: t.id, mentor: m.id, score: s });
      }
    }
  }

  const edges: PlainEdge[] = [];
  const repeats = new Set<string>();
  for (const e of raw) {
    const ti = traineeIndex.get(e.trainee)!;
    const t = inst.trainees[ti]!;
    const m = mentorById.get(e.mentor)!;
    candidates[ti]!++;
    const x = excluded[ti]!;
    const key = pairKey(e.trainee, e.mentor);
    if (e.trainee === e.mentor) x.self++;
    else if (m.paused) x.mentorPaused++;
    else if (exclusions.has(key)) x.exclusion++;
    else if (inst.excludeSameGroup && t.group !== undefined && t.group === m.group) x.sameGroup++;
    else if (active.has(key)) x.activePair++;
    else if (m.capacity <= 0) x.noCapacity++;
    else if (!t.paused) {
      const repeat = past.has(key);
      if (repeat) repeats.add(`${e.trainee}\u0000${e.mentor}`);
      edges.push({ trainee: e.trainee, mentor: e.mentor, score: scaleScore(e.score - (repeat ? inst.repeatPenalty : 0)) });
    }
  }

  const problem = buildProblem(
    inst.trainees.map((t) => t.id),
    inst.mentors,
    edges,
  );
  const repeatEdge = new Uint8Array(problem.edgeMentor.length);
  for (let t = 0; t < problem.traineeIds.length; t++) {
    for (let e = problem.edgeStart[t]!; e < problem.edgeStart[t + 1]!; e++) {
      if (repeats.has(`${problem.traineeIds[t]}\u0000${problem.mentorIds[problem.edgeMentor[e]!]}`)) repeatEdge[e] = 1;
    }
  }
  const prepared: PreparedInstance = { mode: inst.mode, problem, repeatEdge, candidates, excluded, pausedTrainee };
  if (inst.mode === "stable") prepared.stable = stableProblemOf(inst, problem);
  return prepared;
}

/**
 * Rank lists over eligible edges. Given lists are kept in their order (pairs that are not eligible
 * are dropped); a missing list is derived from the scores, best first (ties by id).
 */
function stableProblemOf(inst: MatchInstance, p: MatchProblem): StableProblem {
  const n = p.traineeIds.length;
  const mCount = p.mentorIds.length;
  const tIndex = new Map(p.traineeIds.map((x, i) => [x, i] as const));
  const mIndex = new Map(p.mentorIds.map((x, i) => [x, i] as const));
  const score = new Map<number, number>(); // t * mCount + m → scaled score, eligible only
  const byMentor: { t: number; s: number }[][] = Array.from({ length: mCount }, () => []);
  for (let t = 0; t < n; t++) {
    for (let e = p.edgeStart[t]!; e < p.edgeStart[t + 1]!; e++) {
      const m = p.edgeMentor[e]!;
      score.set(t * mCount + m, p.edgeScore[e]!);
      byMentor[m]!.push({ t, s: p.edgeScore[e]! });
    }
  }
  const traineePrefs = p.traineeIds.map((tid, t) => {
    const given = inst.traineeRanks?.[tid];
    if (given) return Int32Array.from(given.map((m) => mIndex.get(m)!).filter((m) => score.has(t * mCount + m)));
    const list: { m: number; s: number }[] = [];
    for (let e = p.edgeStart[t]!; e < p.edgeStart[t + 1]!; e++) list.push({ m: p.edgeMentor[e]!, s: p.edgeScore[e]! });
    list.sort((a, b) => b.s - a.s || (p.mentorIds[a.m]! < p.mentorIds[b.m]! ? -1 : 1));
    return Int32Array.from(list, (x) => x.m);
  });
  const mentorPrefs = p.mentorIds.map((mid, m) => {
    const given = inst.mentorRanks?.[mid];
    if (given) return Int32Array.from(given.map((t) => tIndex.get(t)!).filter((t) => score.has(t * mCount + m)));
    const list = [...byMentor[m]!].sort((a, b) => b.s - a.s || (p.traineeIds[a.t]! < p.traineeIds[b.t]! ? -1 : 1));
    return Int32Array.from(list, (x) => x.t);
  });
  return { traineeIds: p.traineeIds, mentorIds: p.mentorIds, capacity: p.capacity, traineePrefs, mentorPrefs };
}
