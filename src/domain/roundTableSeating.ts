/**
 * Career round tables: seating trainees at hosted tables, rotation by rotation. Pure.
 *
 * Each table is one host with one career path. Each trainee has chosen 2–3 paths, most wanted
 * first. Which tables a trainee visits is decided round by round, each round one optimal
 * assignment (src/domain/assignment.ts) of trainees to tables; the visits are then spread over the
 * rotations so that no one is in two places at once:
 * - a trainee never sits at the same table twice (that table has no edge for them);
 * - a table never takes more than the table size, and, to keep tables balanced, no more than its
 *   share, ⌈trainees ÷ tables⌉ (whichever is smaller);
 * - within that, as many trainees as possible are seated, then the total of what each seat is
 *   worth to its trainee is highest: a path they chose and have not yet visited is worth most (the
 *   first choice most of all), a chosen path visited already (at another host's table) much less,
 *   and a path they did not choose least (better than no seat at all).
 * Because the first choice is worth most while it is unvisited, a trainee who misses it in one
 * round (the table was full) is first in line for it in the next. The order of a trainee's tables
 * over the rotations follows from the spreading, not from their order of preference.
 */
import { buildProblem, solveOptimal, type PlainEdge } from "./assignment.js";

export interface SeatingTable {
  id: string;
  path: string;
}

export interface SeatingTrainee {
  id: string;
  /** Career path keys, most wanted first. */
  choices: readonly string[];
}

export interface SeatingInput {
  tables: readonly SeatingTable[];
  trainees: readonly SeatingTrainee[];
  rotations: number;
  tableSize: number;
}

export interface SeatedRotation {
  /** 0-based. */
  index: number;
  /** Every table, in input order, with the trainees at it (in input order). */
  tables: { tableId: string; trainees: string[] }[];
  /** Trainees without a seat in this rotation (every table they had not sat at was full). */
  unseated: string[];
}

export interface Seating {
  rotations: SeatedRotation[];
  /** Trainees seated at a table of their first choice in some rotation. */
  firstChoicesMet: number;
  /** The largest number of trainees at one table in one rotation. */
  largestTable: number;
}

/** What a seat is worth to a trainee (integers, for the exact solver). */
export const SEAT_WORTH = {
  /** By place in the trainee's choices, for a path not visited yet. */
  chosen: [1000, 600, 400] as readonly number[],
  chosenAgain: 50,
  notChosen: 10,
} as const;

/** The most trainees one table takes in a rotation. */
export function tableCapacity(trainees: number, tables: number, tableSize: number): number {
  if (tables <= 0) return 0;
  return Math.max(0, Math.min(Math.floor(tableSize), Math.ceil(trainees / tables)));
}

export function seatRoundTables(input: SeatingInput): Seating {
  const tables = dedupe(input.tables);
  const trainees = dedupe(input.trainees);
  const rotations = Math.max(0, Math.floor(input.rotations));
  const cap = tableCapacity(trainees.length, tables.length, input.tableSize);
  // 1. Which tables each trainee visits: round by round, one optimal assignment per round, a table
  //    taking at most its share in every rotation (cap × rotations in all), never the same table twice.
  const visitedTables = trainees.map(() => new Set<number>());
  const visitedPaths = trainees.map(() => new Set<string>());
  const load = new Int32Array(tables.length);
  const atTable: { trainee: number; round: number }[][] = tables.map(() => []);
  for (let round = 0; round < rotations; round++) {
    const edges: PlainEdge[] = [];
    trainees.forEach((t, i) => {
      tables.forEach((table, m) => {
        if (!visitedTables[i]!.has(m)) edges.push({ trainee: String(i), mentor: String(m), score: worth(t, table.path, visitedPaths[i]!) });
      });
    });
    const problem = buildProblem(
      trainees.map((_, i) => String(i)),
      tables.map((_, m) => ({ id: String(m), capacity: cap * rotations - load[m]! })),
      edges,
    );
    const solved = solveOptimal(problem);
    trainees.forEach((_, i) => {
      const m = solved.mentorOf[i]!;
      if (m < 0) return;
      visitedTables[i]!.add(m);
      visitedPaths[i]!.add(tables[m]!.path);
      load[m]! += 1;
      atTable[m]!.push({ trainee: i, round });
    });
  }
  // The rounds are greedy; a trainee left short of tables (every table they still lack filled up)
  // gets them by moving others along a chain of free places (an augmenting path), which keeps
  // everyone's tables distinct and no table over its places, so everyone is seated whenever the
  // tables and places allow it.
  const wanted = Math.min(rotations, tables.length);
  trainees.forEach((_, i) => {
    while (visitedTables[i]!.size < wanted && augment(i, visitedTables, atTable, cap * rotations, tables.length)) {
      // one more table for i
    }
  });
  trainees.forEach((_, i) => {
    visitedPaths[i]!.clear();
    for (const m of visitedTables[i]!) visitedPaths[i]!.add(tables[m]!.path);
  });

  // 2. When: each table is `cap` seats; a seat holds one trainee per rotation, so it has at most
  //    `rotations` visits to schedule, and so has each trainee. A bipartite graph of degree at most
  //    `rotations` can always be coloured with that many colours (König), a colour being a rotation:
  //    no trainee is in two places at once and no seat is taken twice in a rotation.
  //    A visit keeps the rotation of its round when it can (the first choices come first).
  const seatsPerTable = Math.max(cap, 1);
  const visits: { trainee: number; table: number; seat: number; round: number }[] = [];
  atTable.forEach((list, m) => list.forEach(({ trainee, round }, k) => visits.push({ trainee, table: m, seat: m * seatsPerTable + (k % seatsPerTable), round })));
  visits.sort((x, y) => x.round - y.round);
  const rotationOf = colourVisits(visits, trainees.length, tables.length * seatsPerTable, rotations);
  const out: SeatedRotation[] = [];
  for (let r = 0; r < rotations; r++) {
    const seated = new Set<number>();
    const at = tables.map(() => [] as number[]);
    visits.forEach((v, e) => {
      if (rotationOf[e] !== r) return;
      at[v.table]!.push(v.trainee);
      seated.add(v.trainee);
    });
    out.push({
      index: r,
      tables: tables.map((table, m) => ({ tableId: table.id, trainees: at[m]!.sort((a, b) => a - b).map((i) => trainees[i]!.id) })),
      unseated: trainees.filter((_, i) => !seated.has(i)).map((t) => t.id),
    });
  }
  const firstChoicesMet = trainees.filter((t, i) => [...visitedTables[i]!].some((m) => tables[m]!.path === t.choices[0])).length;
  const largestTable = Math.max(0, ...out.flatMap((r) => r.tables.map((t) => t.trainees.length)));
  return { rotations: out, firstChoicesMet, largestTable };
}

/**
 * One more table for trainee `start`: a breadth-first search from the tables they lack, through
 * full tables (one of whose trainees moves on to a table they lack), to a table with a free place.
 * Moved trainees keep as many tables, all distinct. Returns false when there is no such chain.
 */
function augment(start: number, visited: Set<number>[], atTable: { trainee: number; round: number }[][], places: number, tableCount: number): boolean {
  const from = new Int32Array(tableCount).fill(-2); // the table we came from (-1 = start), -2 = unseen
  const via = new Int32Array(tableCount).fill(-1); // the trainee who moves from `from` into this table
  const queue: number[] = [];
  for (let m = 0; m < tableCount; m++) {
    if (visited[start]!.has(m)) continue;
    from[m] = -1;
    via[m] = start;
    queue.push(m);
  }
  for (let q = 0; q < queue.length; q++) {
    const x = queue[q]!;
    if (atTable[x]!.length < places) {
      // apply the chain backwards: via[x] joins x, leaving from[x] (unless it is the start)
      let m = x;
      while (m >= 0) {
        const t = via[m]!;
        const left = from[m]!;
        const round = left >= 0 ? atTable[left]!.find((v) => v.trainee === t)!.round : Number.MAX_SAFE_INTEGER;
        if (left >= 0) {
          atTable[left] = atTable[left]!.filter((v) => v.trainee !== t);
          visited[t]!.delete(left);
        }
        atTable[m]!.push({ trainee: t, round });
        visited[t]!.add(m);
        m = left;
      }
      return true;
    }
    for (const { trainee: w } of atTable[x]!) {
      if (w === start) continue;
      for (let y = 0; y < tableCount; y++) {
        if (from[y] !== -2 || visited[w]!.has(y)) continue;
        from[y] = x;
        via[y] = w;
        queue.push(y);
      }
    }
  }
  return false;
}

/**
 * Colours the edges of a bipartite graph (trainees × seats) whose degrees are at most `colours`
 * with that many colours, no two edges at a node sharing one (alternating-path recolouring); an
 * edge takes the colour of its round when that is free at both ends.
 * Returns each edge's colour.
 */
function colourVisits(edges: readonly { trainee: number; seat: number; round: number }[], trainees: number, seats: number, colours: number): Int32Array {
  // node ids: trainees 0..trainees-1, seats after them; at[node * colours + c] = edge or -1
  const at = new Int32Array((trainees + seats) * colours).fill(-1);
  const colour = new Int32Array(edges.length).fill(-1);
  const seatNode = (s: number) => trainees + s;
  const free = (node: number) => {
    for (let c = 0; c < colours; c++) if (at[node * colours + c] === -1) return c;
    throw new RangeError("a node has more visits than rotations");
  };
  const other = (e: number, node: number) => (edges[e]!.trainee === node ? seatNode(edges[e]!.seat) : edges[e]!.trainee);
  edges.forEach((edge, e) => {
    const u = edge.trainee;
    const v = seatNode(edge.seat);
    const preferred = edge.round < colours && at[u * colours + edge.round] === -1 && at[v * colours + edge.round] === -1;
    const a = preferred ? edge.round : free(u);
    if (at[v * colours + a] !== -1) {
      const b = free(v);
      // the path from v along a, b, a, … never reaches u (bipartite, a is free at u): swap a and b on it
      const path: number[] = [];
      let node = v;
      let c = a;
      for (;;) {
        const next = at[node * colours + c]!;
        if (next === -1) break;
        path.push(next);
        node = other(next, node);
        c = c === a ? b : a;
      }
      for (const p of path) {
        const x = edges[p]!.trainee;
        const y = seatNode(edges[p]!.seat);
        at[x * colours + colour[p]!] = -1;
        at[y * colours + colour[p]!] = -1;
      }
      for (const p of path) {
        const swapped = colour[p] === a ? b : a;
        colour[p] = swapped;
        at[edges[p]!.trainee * colours + swapped] = p;
        at[seatNode(edges[p]!.seat) * colours + swapped] = p;
      }
    }
    colour[e] = a;
    at[u * colours + a] = e;
    at[v * colours + a] = e;
  });
  return colour;
}

function worth(t: SeatingTrainee, path: string, visited: ReadonlySet<string>): number {
  const place = t.choices.indexOf(path);
  if (place < 0) return SEAT_WORTH.notChosen;
  if (visited.has(path)) return SEAT_WORTH.chosenAgain;
  return SEAT_WORTH.chosen[Math.min(place, SEAT_WORTH.chosen.length - 1)]!;
}

function dedupe<T extends { id: string }>(xs: readonly T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}
