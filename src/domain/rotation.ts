/**
 * Rotating rounds: everyone in a cohort or channel is put in a pair (or a group of N) every week,
 * two weeks or month, meeting someone new each time while anyone new is left.
 *
 * - Pairs use the circle method (fix one person, rotate the rest): for an even number n of people
 *   its n − 1 rounds are perfect matchings that together cover every pair exactly once, so no pair
 *   repeats within n − 1 rounds. The people are put in a stable order (sorted ids) so the schedule is
 *   reproducible; round r starts looking at circle round r and takes the first repeat-free one.
 * - When no circle round is repeat-free (people joined or left, groups of N, history from elsewhere),
 *   a local search swaps people between groups while that lowers the number of repeated pairs.
 *   This is a heuristic for "fewest repeats" (the exact problem is NP-hard for groups larger than 2).
 * - Odd counts: with pairs, one group is a trio; with groups of N, the remainder joins existing groups
 *   one person each. One person alone is reported in `alone`, never dropped silently.
 * - Cross-group (mentors × trainees): each trainee gets one mentor, mentors share the load evenly
 *   (at most ⌈T/M⌉ each), and the exact assignment solver picks the pairing with fewest repeats.
 * - Speed mentoring: K timed rotations; in rotation r trainee i sits at mentor (i + r) mod M, so each
 *   trainee meets K different mentors (K ≤ M) and tables differ in size by at most one.
 */
import { DateTime } from "luxon";
import { buildProblem, solveOptimal } from "./assignment.js";

/** How many times each pair of people has met before. */
export class PairHistory {
  private readonly counts = new Map<string, number>();

  static key(a: string, b: string): string {
    return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  }

  static from(pairs: readonly (readonly [string, string])[]): PairHistory {
    const h = new PairHistory();
    for (const [a, b] of pairs) h.addPair(a, b);
    return h;
  }

  count(a: string, b: string): number {
    return this.counts.get(PairHistory.key(a, b)) ?? 0;
  }

  addPair(a: string, b: string): void {
    if (a === b) return;
    const k = PairHistory.key(a, b);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** Records every pair inside each group. */
  addGroups(groups: readonly (readonly string[])[]): void {
    for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) this.addPair(g[i]!, g[j]!);
  }

  clone(): PairHistory {
    const h = new PairHistory();
    for (const [k, v] of this.counts) h.counts.set(k, v);
    return h;
  }
}

export interface RoundPlan {
  groups: string[][];
  /** Pairs inside the groups that had already met (counted once per pair). */
  repeats: number;
  /** People who could not be grouped (only when fewer than two people take part). */
  alone: string[];
}

export interface RoundOptions {
  /** People per group; 2 = pairs. */
  groupSize?: number;
  history?: PairHistory;
  /** Which round this is (0-based); chooses where the circle method starts. */
  round?: number;
}

const groupRepeats = (g: readonly string[], h: PairHistory): number => {
  let r = 0;
  for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (h.count(g[i]!, g[j]!) > 0) r++;
  return r;
};

const totalRepeats = (groups: readonly (readonly string[])[], h: PairHistory): number =>
  groups.reduce((sum, g) => sum + groupRepeats(g, h), 0);

/**
 * Circle-method round r for `people` in the given order. Even n: n/2 pairs. Odd n: the person who
 * would sit out joins the pair that gives the fewest repeats (the first one on a tie), making a trio.
 */
export function circleRound(people: readonly string[], round: number, history = new PairHistory()): string[][] {
  const list: (string | null)[] = [...people];
  if (list.length % 2 === 1) list.push(null);
  const n = list.length;
  if (n < 2) return [];
  const k = n - 1;
  const seat = (i: number): string | null => (i === 0 ? list[0]! : list[1 + ((((i - 1 + round) % k) + k) % k)]!);
  const pairs: string[][] = [];
  let spare: string | null = null;
  for (let i = 0; i < n / 2; i++) {
    const a = seat(i);
    const b = seat(n - 1 - i);
    if (a === null) spare = b;
    else if (b === null) spare = a;
    else pairs.push([a, b]);
  }
  if (spare !== null) {
    if (pairs.length === 0) return [[spare]];
    let best = 0;
    let bestCost = Infinity;
    pairs.forEach((p, i) => {
      const cost = groupRepeats([...p, spare!], history);
      if (cost < bestCost) {
        bestCost = cost;
        best = i;
      }
    });
    pairs[best]!.push(spare);
  }
  return pairs;
}

/** Swaps people between groups while that lowers the number of repeated pairs. */
function improve(groups: string[][], h: PairHistory): void {
  const cost = (g: string[]) => groupRepeats(g, h);
  for (let pass = 0; pass < 50; pass++) {
    let improved = false;
    for (let a = 0; a < groups.length; a++) {
      if (cost(groups[a]!) === 0) continue;
      for (let b = 0; b < groups.length; b++) {
        if (a === b) continue;
        const ga = groups[a]!;
        const gb = groups[b]!;
        const before = cost(ga) + cost(gb);
        if (before === 0) break;
        let done = false;
        for (let i = 0; i < ga.length && !done; i++) {
          for (let j = 0; j < gb.length && !done; j++) {
            const x = ga[i]!;
            ga[i] = gb[j]!;
            gb[j] = x;
            if (cost(ga) + cost(gb) < before) {
              improved = done = true;
            } else {
              gb[j] = ga[i]!;
              ga[i] = x;
            }
          }
        }
        if (cost(groups[a]!) === 0) break;
      }
    }
    if (!improved) return;
  }
}

/** Splits people (in order) into ⌊n/N⌋ groups of N; the remainder joins groups one person each. */
function chunk(people: readonly string[], size: number): string[][] {
  const g = Math.max(1, Math.floor(people.length / size));
  const groups: string[][] = Array.from({ length: g }, () => []);
  people.forEach((p, i) => groups[i < g * size ? Math.floor(i / size) : (i - g * size) % g]!.push(p));
  return groups;
}

/** One round for everyone in `people`, avoiding pairs that already met while that is possible. */
export function planRound(people: readonly string[], options: RoundOptions = {}): RoundPlan {
  const size = Math.max(2, Math.floor(options.groupSize ?? 2));
  const history = options.history ?? new PairHistory();
  const round = options.round ?? 0;
  const sorted = [...new Set(people)].sort();
  if (sorted.length < 2) return { groups: [], repeats: 0, alone: sorted };

  let groups: string[][];
  if (size === 2) {
    const k = sorted.length % 2 === 0 ? sorted.length - 1 : sorted.length;
    let best: string[][] = [];
    let bestRepeats = Infinity;
    for (let i = 0; i < k && bestRepeats > 0; i++) {
      const candidate = circleRound(sorted, round + i, history);
      const r = totalRepeats(candidate, history);
      if (r < bestRepeats) {
        best = candidate;
        bestRepeats = r;
      }
    }
    groups = best;
  } else {
    const n = sorted.length;
    const rotated = sorted.map((_, i) => sorted[(i * (1 + (round % Math.max(1, n - 1))) + round) % n]!);
    groups = chunk(new Set(rotated).size === n ? rotated : sorted, size);
  }
  if (totalRepeats(groups, history) > 0) improve(groups, history);
  return { groups, repeats: totalRepeats(groups, history), alone: [] };
}

/** `count` consecutive rounds, each aware of the ones before it (and of `history`). */
export function planRounds(people: readonly string[], count: number, options: Omit<RoundOptions, "round"> = {}): RoundPlan[] {
  const history = (options.history ?? new PairHistory()).clone();
  const plans: RoundPlan[] = [];
  for (let r = 0; r < count; r++) {
    const plan = planRound(people, { ...options, history, round: r });
    history.addGroups(plan.groups);
    plans.push(plan);
  }
  return plans;
}

export interface CrossGroupRound {
  groups: { mentor: string; trainees: string[] }[];
  repeats: number;
  /** Trainees left without a mentor (only when there are no mentors). */
  alone: string[];
}

/**
 * Cross-group round: every trainee gets one mentor, each mentor at most ⌈T/M⌉ trainees, and among
 * those the pairing with the fewest already-met pairs (solved exactly by the assignment solver).
 */
export function crossGroupRound(
  mentors: readonly string[],
  trainees: readonly string[],
  history = new PairHistory(),
): CrossGroupRound {
  const ms = [...new Set(mentors)].sort();
  const ts = [...new Set(trainees)].sort();
  if (ms.length === 0) return { groups: [], repeats: 0, alone: ts };
  const cap = Math.ceil(ts.length / ms.length);
  const edges = ts.flatMap((t) => ms.map((m) => ({ trainee: t, mentor: m, score: -history.count(t, m) })));
  const problem = buildProblem(ts, ms.map((id) => ({ id, capacity: cap })), edges);
  const result = solveOptimal(problem);
  const groups = ms.map((mentor) => ({ mentor, trainees: [] as string[] }));
  let repeats = 0;
  result.mentorOf.forEach((m, t) => {
    groups[m]!.trainees.push(ts[t]!);
    if (history.count(ts[t]!, ms[m]!) > 0) repeats++;
  });
  return { groups: groups.filter((g) => g.trainees.length > 0), repeats, alone: [] };
}

export interface SpeedMentoringOptions {
  mentors: readonly string[];
  trainees: readonly string[];
  rotations: number;
  startsAt: Date;
  minutesPerRotation: number;
  breakMinutes?: number;
}

export interface SpeedRotation {
  index: number;
  startsAt: Date;
  endsAt: Date;
  tables: { mentor: string; trainees: string[] }[];
}

export type SpeedMentoringPlan =
  | { ok: true; rotations: SpeedRotation[] }
  | { ok: false; reason: "not_enough_mentors" | "no_trainees" | "no_rotations"; mentors: number; rotations: number };

/** A speed-mentoring event: K rotations at set times; each trainee meets K different mentors. */
export function speedMentoring(o: SpeedMentoringOptions): SpeedMentoringPlan {
  const ms = [...new Set(o.mentors)];
  const ts = [...new Set(o.trainees)];
  const k = Math.floor(o.rotations);
  const fail = (reason: "not_enough_mentors" | "no_trainees" | "no_rotations") =>
    ({ ok: false, reason, mentors: ms.length, rotations: k }) as const;
  if (k < 1) return fail("no_rotations");
  if (ts.length === 0) return fail("no_trainees");
  if (ms.length < k) return fail("not_enough_mentors");
  const step = (o.minutesPerRotation + (o.breakMinutes ?? 0)) * 60_000;
  const rotations: SpeedRotation[] = [];
  for (let r = 0; r < k; r++) {
    const tables = ms.map((mentor) => ({ mentor, trainees: [] as string[] }));
    ts.forEach((t, i) => tables[(i + r) % ms.length]!.trainees.push(t));
    const start = o.startsAt.getTime() + r * step;
    rotations.push({
      index: r,
      startsAt: new Date(start),
      endsAt: new Date(start + o.minutesPerRotation * 60_000),
      tables: tables.filter((t) => t.trainees.length > 0),
    });
  }
  return { ok: true, rotations };
}

export type RoundCadence = "WEEKLY" | "BIWEEKLY" | "MONTHLY";

/** When the next `count` rounds start, from `first`, in the program's time zone (month = calendar month). */
export function roundStarts(first: Date, cadence: RoundCadence, count: number, zone = "UTC"): Date[] {
  const base = DateTime.fromJSDate(first, { zone });
  const step = cadence === "WEEKLY" ? { weeks: 1 } : cadence === "BIWEEKLY" ? { weeks: 2 } : { months: 1 };
  return Array.from({ length: Math.max(0, count) }, (_, i) =>
    base.plus(Object.fromEntries(Object.entries(step).map(([u, v]) => [u, v * i]))).toJSDate(),
  );
}
