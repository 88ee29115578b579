/**
 * Optimal mentor assignment: as many trainees matched as possible and, among all assignments of
 * that size, the highest total fit. Exact, sparse, integer arithmetic.
 *
 * ## The problem, as a flow
 *
 * Trainees t (supply 1 each), mentors m (capacity cap[m]), a sparse list of allowed edges (t, m)
 * with an integer score w (scores are scaled to integers before they get here, see SCORE_SCALE).
 * One extra node U ("unmatched") with unlimited capacity: every trainee has an arc t→U.
 * Every trainee must send its unit either to a mentor (edge cost R − w', where w' = w − minW ≥ 0 and
 * R = maxW − minW, so every edge cost is in [0, R]) or to U (cost B = (n + 1)·R + 1).
 *
 * ## Why the minimum-cost complete flow is the lexicographic optimum
 *
 * A flow that matches k trainees with total score W costs
 *   B·(n − k) + k·R − W' = B·n − k·(B − R) − W',   where W' = W − k·minW ∈ [0, k·R].
 * For a fixed k, minimising cost is maximising W' and hence W (k·minW is a constant).
 * Between k₁ > k₂ the cost difference is (k₁ − k₂)(B − R) − (W'₁ − W'₂) ≥ (B − R) − n·R > 0,
 * so any assignment with more matches is strictly cheaper. Hence min cost ⇔ max (k, W) lexicographically.
 *
 * ## Why the algorithm finds the minimum-cost complete flow
 *
 * Trainees are added one at a time (the Hungarian method on a sparse graph, i.e. successive shortest
 * paths with node potentials). Invariant: every arc of the residual graph has a non-negative reduced
 * cost c(u,v) + p(u) − p(v). It holds at the start (all costs ≥ 0, potentials 0, no reverse arcs).
 * Adding trainee t, Dijkstra (binary heap) finds a shortest path t → sink in the residual graph; the
 * path always exists because t→U→sink does. Augmenting along a shortest path and updating potentials
 * by min(dist(v), D) (D = dist(sink); applied lazily as dist(v) − D to the settled nodes only) keeps
 * the invariant — the standard argument: for an arc u→v, min(d(v),D) ≤ min(d(u),D) + reduced(u,v),
 * and the arcs on the path (and their reversals) get reduced cost 0. Non-negative reduced costs mean
 * the residual graph has no negative cycle, so after each step the flow is a minimum-cost flow for the
 * trainees added so far (the negative-cycle optimality criterion). After the last trainee it is the
 * minimum-cost complete flow, which by the paragraph above is the lexicographic optimum.
 *
 * ## Sparse and bounded
 *
 * The graph is the edge list in CSR form (typed arrays) plus, per mentor, the list of trainees it
 * currently holds: memory O(n + m + E), never a dense matrix. Each Dijkstra stops as soon as the sink
 * is settled. All numbers are integers below 2^53, so doubles are exact (checked up front).
 *
 * Two things keep the number and the length of the searches down. A head start places every trainee
 * whose best edge has room, without a search (the invariant holds, see solveFromSupply). And when
 * the mentors have fewer places than there are trainees, the problem is solved mirrored (places as
 * the sources, trainees as capacity-1 sinks; memory O(n + places + E·capacity)): a search from a
 * place ends at the first free trainee it reaches, where a late trainee's search would have had to
 * cover most of the graph to find out who is left without a mentor.
 */

/** Scores in files may be fractional; the solver works on round(score × SCORE_SCALE). */
export const SCORE_SCALE = 1000;

export function scaleScore(score: number): number {
  return Math.round(score * SCORE_SCALE);
}

export function unscaleScore(scaled: number): number {
  return scaled / SCORE_SCALE;
}

/**
 * A solver-ready instance: trainees and mentors by index, edges in CSR order by trainee.
 * Edges of trainee t are edgeMentor[edgeStart[t] .. edgeStart[t + 1]) with integer (scaled) scores.
 */
export interface MatchProblem {
  traineeIds: readonly string[];
  mentorIds: readonly string[];
  capacity: Int32Array;
  edgeStart: Int32Array;
  edgeMentor: Int32Array;
  edgeScore: Int32Array;
}

/** mentorOf[t] is a mentor index or −1; edgeOf[t] the edge index used, or −1. */
export interface Assignment {
  mentorOf: Int32Array;
  edgeOf: Int32Array;
  matched: number;
  /** Sum of the scaled scores of the chosen edges. */
  totalScaled: number;
}

export interface PlainEdge {
  trainee: string;
  mentor: string;
  /** Already scaled to an integer (see scaleScore). */
  score: number;
}

/**
 * Builds a MatchProblem from ids and an edge list. Edges naming unknown people are ignored by the
 * caller's validation (here they throw); a repeated (trainee, mentor) edge keeps its highest score.
 */
export function buildProblem(
  traineeIds: readonly string[],
  mentors: readonly { id: string; capacity: number }[],
  edges: readonly PlainEdge[],
): MatchProblem {
  const tIndex = new Map(traineeIds.map((id, i) => [id, i] as const));
  const mIndex = new Map(mentors.map((m, i) => [m.id, i] as const));
  const n = traineeIds.length;
  const best = new Map<number, number>();
  const mCount = mentors.length;
  for (const e of edges) {
    const t = tIndex.get(e.trainee);
    const m = mIndex.get(e.mentor);
    if (t === undefined) throw new RangeError(`edge names unknown trainee ${e.trainee}`);
    if (m === undefined) throw new RangeError(`edge names unknown mentor ${e.mentor}`);
    if (!Number.isSafeInteger(e.score)) throw new RangeError(`edge score must be a scaled integer`);
    const key = t * mCount + m;
    const prev = best.get(key);
    if (prev === undefined || e.score > prev) best.set(key, e.score);
  }
  const edgeStart = new Int32Array(n + 1);
  for (const key of best.keys()) edgeStart[Math.floor(key / mCount) + 1]!++;
  for (let t = 0; t < n; t++) edgeStart[t + 1]! += edgeStart[t]!;
  const fill = edgeStart.slice(0, n);
  const edgeMentor = new Int32Array(best.size);
  const edgeScore = new Int32Array(best.size);
  const keys = [...best.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const t = Math.floor(key / mCount);
    const at = fill[t]!++;
    edgeMentor[at] = key % mCount;
    edgeScore[at] = best.get(key)!;
  }
  return {
    traineeIds,
    mentorIds: mentors.map((m) => m.id),
    capacity: Int32Array.from(mentors, (m) => Math.max(0, Math.floor(m.capacity))),
    edgeStart,
    edgeMentor,
    edgeScore,
  };
}

/** An indexed binary min-heap over node ids keyed by an external Float64Array. */
class NodeHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;
  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }
  /** Inserts v or lowers its key (the key array must already hold the new value). */
  push(v: number): void {
    let i = this.pos[v]!;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
    }
    this.up(i);
  }
  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.size]!;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }
  private up(i: number): void {
    const h = this.heap, p = this.pos, k = this.key;
    const v = h[i]!;
    const kv = k[v]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const u = h[parent]!;
      if (k[u]! <= kv) break;
      h[i] = u;
      p[u] = i;
      i = parent;
    }
    h[i] = v;
    p[v] = i;
  }
  private down(i: number): void {
    const h = this.heap, p = this.pos, k = this.key, n = this.size;
    const v = h[i]!;
    const kv = k[v]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && k[h[c + 1]!]! < k[h[c]!]!) c++;
      const u = h[c]!;
      if (k[u]! >= kv) break;
      h[i] = u;
      p[u] = i;
      i = c;
    }
    h[i] = v;
    p[v] = i;
  }
}

/**
 * The exact optimum (max matched, then max total score). See the header for the argument.
 * Throws RangeError when the scores are so large that exact double arithmetic cannot be guaranteed.
 *
 * The search starts from the smaller side. When the mentors' places (the sum of their capacities)
 * are fewer than the trainees, every late trainee's search would have to explore most of the graph
 * to learn that someone is left out; so the problem is solved mirrored instead: each place is a
 * "trainee" of supply 1 and each trainee a "mentor" of capacity 1 (the same feasible pairings, so
 * the same optimum), and each place's search ends at the first trainee who is still free.
 */
export function solveOptimal(problem: MatchProblem): Assignment {
  const n = problem.traineeIds.length;
  const mCount = problem.mentorIds.length;
  const { capacity, edgeStart, edgeMentor, edgeScore } = problem;
  // One rule for both ways round: what the direct solve could not do exactly is refused, mirrored or not.
  assertExact(n, mCount, edgeScore);
  let places = 0;
  for (let m = 0; m < mCount; m++) places += Math.max(0, capacity[m]!);
  if (places >= n) return solveFromSupply(n, mCount, capacity, edgeStart, edgeMentor, edgeScore);

  // Mirrored: one source per place (the places of mentor m are consecutive), edges by place.
  const byMentor = new Int32Array(mCount + 1);
  for (let e = 0; e < edgeMentor.length; e++) byMentor[edgeMentor[e]! + 1]!++;
  for (let m = 0; m < mCount; m++) byMentor[m + 1]! += byMentor[m]!;
  const fill = byMentor.slice(0, mCount);
  const mentorEdge = new Int32Array(edgeMentor.length); // original edge ids, grouped by mentor, trainees ascending
  for (let t = 0; t < n; t++) for (let e = edgeStart[t]!; e < edgeStart[t + 1]!; e++) mentorEdge[fill[edgeMentor[e]!]!++] = e;
  let mirroredEdges = 0;
  for (let m = 0; m < mCount; m++) mirroredEdges += Math.max(0, capacity[m]!) * (byMentor[m + 1]! - byMentor[m]!);
  const placeStart = new Int32Array(places + 1);
  const placeTrainee = new Int32Array(mirroredEdges);
  const placeScore = new Int32Array(mirroredEdges);
  const original = new Int32Array(mirroredEdges);
  const mentorOfPlace = new Int32Array(places);
  let place = 0;
  let at = 0;
  for (let m = 0; m < mCount; m++) {
    for (let k = 0; k < capacity[m]!; k++) {
      mentorOfPlace[place] = m;
      for (let i = byMentor[m]!; i < byMentor[m + 1]!; i++) {
        const e = mentorEdge[i]!;
        placeTrainee[at] = traineeOfEdge(edgeStart, e);
        placeScore[at] = edgeScore[e]!;
        original[at++] = e;
      }
      placeStart[++place] = at;
    }
  }
  const mirrored = solveFromSupply(places, n, new Int32Array(n).fill(1), placeStart, placeTrainee, placeScore);
  const mentorOf = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n).fill(-1);
  for (let p = 0; p < places; p++) {
    const e = mirrored.edgeOf[p]!;
    if (e < 0) continue;
    const t = placeTrainee[e]!;
    mentorOf[t] = mentorOfPlace[p]!;
    edgeOf[t] = original[e]!;
  }
  return { mentorOf, edgeOf, matched: mirrored.matched, totalScaled: mirrored.totalScaled };
}

/** Throws RangeError when n sources and mCount sinks with these scores are beyond exact double arithmetic. */
function assertExact(n: number, mCount: number, edgeScore: Int32Array): void {
  const { minW, maxW } = scoreRange(edgeScore);
  const R = maxW - minW;
  const B = (n + 1) * R + 1;
  if ((n + mCount + 3) * (B + R) > Number.MAX_SAFE_INTEGER) {
    throw new RangeError("scores too large for an exact solve; reduce the score range or the scale");
  }
}

/** The lowest and highest edge score (both 0 when there are no edges). */
function scoreRange(edgeScore: Int32Array): { minW: number; maxW: number } {
  if (edgeScore.length === 0) return { minW: 0, maxW: 0 };
  let maxW = -Infinity;
  let minW = Infinity;
  for (let e = 0; e < edgeScore.length; e++) {
    const w = edgeScore[e]!;
    if (w > maxW) maxW = w;
    if (w < minW) minW = w;
  }
  return { minW, maxW };
}

/** The trainee an edge id belongs to (binary search in the CSR starts). */
function traineeOfEdge(edgeStart: Int32Array, e: number): number {
  let lo = 0;
  let hi = edgeStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edgeStart[mid]! <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The solver proper, in the header's terms: n sources of supply 1 ("trainees"), mCount sinks with
 * capacities ("mentors"), edges in CSR order by source.
 */
function solveFromSupply(n: number, mCount: number, capacity: Int32Array, edgeStart: Int32Array, edgeMentor: Int32Array, edgeScore: Int32Array): Assignment {
  const mentorOf = new Int32Array(n).fill(-1);
  const edgeOf = new Int32Array(n).fill(-1);
  if (n === 0) return { mentorOf, edgeOf, matched: 0, totalScaled: 0 };

  const { minW, maxW } = scoreRange(edgeScore);
  const R = maxW - minW;
  const B = (n + 1) * R + 1;
  assertExact(n, mCount, edgeScore);

  // Node ids: trainees [0, n), mentors [n, n + mCount), U = n + mCount, sink = U + 1.
  const U = n + mCount;
  const SINK = U + 1;
  const N = SINK + 1;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N).fill(Infinity);
  const parent = new Int32Array(N).fill(-1); // predecessor node
  const parentEdge = new Int32Array(N).fill(-1); // for mentors: the edge used to enter
  const settled = new Int32Array(N);
  const touched = new Int32Array(N);
  const isSettled = new Uint8Array(N);
  const heap = new NodeHeap(N, dist);

  // Who each mentor holds: slots[slotStart[m] .. slotStart[m] + load[m]); slotPos[t] = index in it.
  const slotStart = new Int32Array(mCount + 1);
  for (let m = 0; m < mCount; m++) slotStart[m + 1] = slotStart[m]! + capacity[m]!;
  const slots = new Int32Array(slotStart[mCount]!);
  const load = new Int32Array(mCount);
  const slotPos = new Int32Array(n).fill(-1);
  // Trainees currently sent to U, with positions for O(1) removal.
  const inU = new Int32Array(n);
  const inUPos = new Int32Array(n).fill(-1);
  let inUCount = 0;

  const detach = (t: number): void => {
    const m = mentorOf[t]!;
    if (m >= 0) {
      const base = slotStart[m]!;
      const last = slots[base + load[m]! - 1]!;
      const at = slotPos[t]!;
      slots[base + at] = last;
      slotPos[last] = at;
      load[m]!--;
      slotPos[t] = -1;
      mentorOf[t] = -1;
      edgeOf[t] = -1;
    } else if (inUPos[t]! >= 0) {
      const at = inUPos[t]!;
      const last = inU[--inUCount]!;
      inU[at] = last;
      inUPos[last] = at;
      inUPos[t] = -1;
    }
  };

  // A head start that keeps the invariant: each trainee whose best edge (cheapest, first on ties)
  // leads to a mentor with room takes it, with potential −(that cost); mentors, U and the sink keep
  // potential 0. Then every arc t→v has reduced cost c(t,v) − c_min(t) ≥ 0, the reverse arc of a
  // taken edge has 0, and m→sink has 0: the flow is a minimum-cost flow for the trainees placed so
  // far, and the loop below adds the rest (often most of the trainees are placed here, each
  // without a Dijkstra).
  const headStart = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    let bestEdge = -1;
    let bestScore = -Infinity;
    for (let e = edgeStart[t]!, end = edgeStart[t + 1]!; e < end; e++) {
      if (edgeScore[e]! > bestScore) {
        bestScore = edgeScore[e]!;
        bestEdge = e;
      }
    }
    if (bestEdge < 0) continue;
    const m = edgeMentor[bestEdge]!;
    if (load[m]! >= capacity[m]!) continue;
    headStart[t] = 1;
    pot[t] = -(R - (bestScore - minW));
    slotPos[t] = load[m]!;
    slots[slotStart[m]! + load[m]!] = t;
    load[m]!++;
    mentorOf[t] = m;
    edgeOf[t] = bestEdge;
  }

  for (let start = 0; start < n; start++) {
    if (headStart[start]) continue; // in the flow since the head start (wherever it is now)
    let touchedCount = 0;
    let settledCount = 0;
    dist[start] = 0;
    parent[start] = -1;
    touched[touchedCount++] = start;
    heap.push(start);
    let D = Infinity;

    while (heap.size > 0) {
      const u = heap.pop();
      const du = dist[u]!;
      isSettled[u] = 1;
      settled[settledCount++] = u;
      if (u === SINK) {
        D = du;
        break;
      }
      const pu = pot[u]!;
      // Relaxation is written out per arc kind (no closure) so the hot loop stays monomorphic.
      let v = -1;
      let nd = 0;
      if (u < n) {
        // Trainee: forward arcs to its mentors (not the one it holds) and to U (unless it is there).
        const own = edgeOf[u]!;
        for (let e = edgeStart[u]!, end = edgeStart[u + 1]!; e < end; e++) {
          if (e === own) continue;
          v = n + edgeMentor[e]!;
          if (isSettled[v]) continue;
          nd = du + R - (edgeScore[e]! - minW) + pu - pot[v]!;
          if (nd < dist[v]!) {
            if (dist[v] === Infinity) touched[touchedCount++] = v;
            dist[v] = nd;
            parent[v] = u;
            parentEdge[v] = e;
            heap.push(v);
          }
        }
        if (inUPos[u]! < 0 && !isSettled[U]) {
          nd = du + B + pu - pot[U]!;
          if (nd < dist[U]!) {
            if (dist[U] === Infinity) touched[touchedCount++] = U;
            dist[U] = nd;
            parent[U] = u;
            heap.push(U);
          }
        }
      } else {
        // Mentor: reverse arcs to the trainees it holds, and to the sink if it has room.
        // U: reverse arcs to the trainees parked there, and to the sink (unlimited).
        const isU = u === U;
        const m = u - n;
        const count = isU ? inUCount : load[m]!;
        const base = isU ? 0 : slotStart[m]!;
        const list = isU ? inU : slots;
        for (let s = 0; s < count; s++) {
          v = list[base + s]!;
          if (isSettled[v]) continue;
          nd = du + (isU ? -B : -(R - (edgeScore[edgeOf[v]!]! - minW))) + pu - pot[v]!;
          if (nd < dist[v]!) {
            if (dist[v] === Infinity) touched[touchedCount++] = v;
            dist[v] = nd;
            parent[v] = u;
            heap.push(v);
          }
        }
        if ((isU || load[m]! < capacity[m]!) && !isSettled[SINK]) {
          nd = du + pu - pot[SINK]!;
          if (nd < dist[SINK]!) {
            if (dist[SINK] === Infinity) touched[touchedCount++] = SINK;
            dist[SINK] = nd;
            parent[SINK] = u;
            heap.push(SINK);
          }
        }
      }
    }
    heap.clear();

    // Potentials: p(v) += dist(v) − D for settled nodes (the others keep theirs, a uniform shift).
    for (let i = 0; i < settledCount; i++) {
      const v = settled[i]!;
      pot[v]! += dist[v]! - D;
    }

    // Augment: walk back from the sink; each trainee on the path moves to the node after it.
    let into = parent[SINK]!; // a mentor with room, or U
    while (into >= 0) {
      const t = parent[into]!;
      const cameFrom = parent[t]!; // where t was (mentor or U), or −1 for the new trainee
      const edge = into === U ? -1 : parentEdge[into]!;
      detach(t);
      if (into === U) {
        inUPos[t] = inUCount;
        inU[inUCount++] = t;
      } else {
        const m = into - n;
        slotPos[t] = load[m]!;
        slots[slotStart[m]! + load[m]!] = t;
        load[m]!++;
        mentorOf[t] = m;
        edgeOf[t] = edge;
      }
      into = t === start ? -1 : cameFrom;
    }

    for (let i = 0; i < touchedCount; i++) {
      const v = touched[i]!;
      dist[v] = Infinity;
      parent[v] = -1;
      parentEdge[v] = -1;
    }
    for (let i = 0; i < settledCount; i++) isSettled[settled[i]!] = 0;
  }

  let matched = 0;
  let totalScaled = 0;
  for (let t = 0; t < n; t++) {
    if (edgeOf[t]! >= 0) {
      matched++;
      totalScaled += edgeScore[edgeOf[t]!]!;
    }
  }
  return { mentorOf, edgeOf, matched, totalScaled };
}
