/**
 * Stable matching, NRMP style: trainee (mentee) proposing deferred acceptance with mentor
 * capacities (Gale–Shapley for the hospitals/residents problem, Roth–Peranson without couples).
 *
 * A pair is acceptable only when each side lists the other. The result is the trainee-optimal stable
 * matching: no trainee can do better in any stable matching, and there is no blocking pair — no
 * acceptable (t, m) not matched together where t prefers m to its outcome (or is unmatched) and m has
 * a free place or prefers t to one of the trainees it holds. `blockingPairs` checks exactly that, so
 * a round can be audited independently of the algorithm that produced it.
 */

export interface StableProblem {
  traineeIds: readonly string[];
  mentorIds: readonly string[];
  capacity: Int32Array;
  /** traineePrefs[t] = mentor indices, most preferred first. */
  traineePrefs: readonly Int32Array[];
  /** mentorPrefs[m] = trainee indices, most preferred first. */
  mentorPrefs: readonly Int32Array[];
}

export interface StableMatching {
  /** mentor index per trainee, −1 when unmatched */
  mentorOf: Int32Array;
  proposals: number;
}

/** Rank (0 = first choice) of each trainee in each mentor's list; absent = not acceptable. */
function mentorRankMaps(p: StableProblem): Map<number, number>[] {
  return p.mentorPrefs.map((list) => {
    const ranks = new Map<number, number>();
    list.forEach((t, r) => {
      if (!ranks.has(t)) ranks.set(t, r);
    });
    return ranks;
  });
}

export function deferredAcceptance(p: StableProblem): StableMatching {
  const n = p.traineeIds.length;
  const mCount = p.mentorIds.length;
  const ranks = mentorRankMaps(p);
  const mentorOf = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // next position in each trainee's list
  const held: number[][] = Array.from({ length: mCount }, () => []);
  const free: number[] = [];
  for (let t = n - 1; t >= 0; t--) free.push(t);
  let proposals = 0;

  while (free.length > 0) {
    const t = free.pop()!;
    const prefs = p.traineePrefs[t]!;
    let placed = false;
    while (!placed && next[t]! < prefs.length) {
      const m = prefs[next[t]!++]!;
      proposals++;
      const rank = ranks[m]!.get(t);
      if (rank === undefined || p.capacity[m]! <= 0) continue;
      const holding = held[m]!;
      if (holding.length < p.capacity[m]!) {
        holding.push(t);
        mentorOf[t] = m;
        placed = true;
        continue;
      }
      // Full: find the held trainee the mentor likes least; replace if t is preferred.
      let worstAt = 0;
      let worstRank = -1;
      for (let i = 0; i < holding.length; i++) {
        const r = ranks[m]!.get(holding[i]!)!;
        if (r > worstRank) {
          worstRank = r;
          worstAt = i;
        }
      }
      if (rank < worstRank) {
        const out = holding[worstAt]!;
        holding[worstAt] = t;
        mentorOf[t] = m;
        mentorOf[out] = -1;
        free.push(out);
        placed = true;
      }
    }
  }
  return { mentorOf, proposals };
}

/** Every acceptable pair that would rather be together than keep what the matching gave them. */
export function blockingPairs(p: StableProblem, mentorOf: Int32Array): [number, number][] {
  const ranks = mentorRankMaps(p);
  const load = new Int32Array(p.mentorIds.length);
  const worst = new Int32Array(p.mentorIds.length).fill(-1);
  for (let t = 0; t < mentorOf.length; t++) {
    const m = mentorOf[t]!;
    if (m < 0) continue;
    load[m]!++;
    const r = ranks[m]!.get(t) ?? Number.MAX_SAFE_INTEGER;
    if (r > worst[m]!) worst[m] = r;
  }
  const out: [number, number][] = [];
  for (let t = 0; t < mentorOf.length; t++) {
    const prefs = p.traineePrefs[t]!;
    const current = mentorOf[t]!;
    for (let i = 0; i < prefs.length; i++) {
      const m = prefs[i]!;
      if (m === current) break; // everything after is worse for t
      const r = ranks[m]!.get(t);
      if (r === undefined || p.capacity[m]! <= 0) continue;
      if (load[m]! < p.capacity[m]! || r < worst[m]!) out.push([t, m]);
    }
  }
  return out;
}

export interface RankProfile {
  /** byRank[r] = trainees matched to their (r+1)-th choice. */
  byRank: number[];
  unmatched: number;
}

/** How far down their own lists trainees were matched. */
export function rankProfile(p: StableProblem, mentorOf: Int32Array): RankProfile {
  const byRank: number[] = [];
  let unmatched = 0;
  for (let t = 0; t < mentorOf.length; t++) {
    const m = mentorOf[t]!;
    if (m < 0) {
      unmatched++;
      continue;
    }
    const r = p.traineePrefs[t]!.indexOf(m);
    while (byRank.length <= r) byRank.push(0);
    byRank[r]!++;
  }
  return { byRank, unmatched };
}
