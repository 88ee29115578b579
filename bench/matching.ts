/**
 * Matching benchmark: `npm run build` then
 *   node --max-old-space-size=4096 dist/bench/matching.js [--quick] [--seed=N]
 *
 * Generated cohorts with realistic profiles (specialties, subspecialties, interest tags with a few
 * popular topics, career paths, roles; mentor capacity 1–5). Each trainee has 20–60 candidate mentors,
 * drawn mostly from their own specialty with popular mentors drawn more often, scored with the
 * instance-file overlap score plus a small seeded jitter. Everything is seeded, so runs are reproducible.
 *
 * Prints: the optimal solver's time and RSS; the greedy baseline's quality (total fit, top-3 share,
 * matched) as ratios; the optimal solver against SciPy's linear_sum_assignment on the same
 * 2,000 × 600 instance (skipped, and said so, without python3 + scipy); an NRMP-scale instance
 * (40,000 × 12,000, 30 candidates each; not with --quick); the `munkres` package on the dense trainee × capacity-slot matrix (time, and
 * whether it agrees with the optimum) at the largest sizes it can run; stable matching on
 * 10,000 × 3,000 with 20-long rank lists (time, blocking pairs); rotations for 200 people, 20 rounds.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { munkres } from "munkres";
import { solveOptimal, type Assignment, type MatchProblem } from "../src/domain/assignment.js";
import { solveGreedy } from "../src/domain/greedy.js";
import { overlapScore, type InstanceProfile } from "../src/domain/instanceScore.js";
import { matchMetrics } from "../src/domain/matchMetrics.js";
import { PairHistory, crossGroupRound, planRounds, speedMentoring } from "../src/domain/rotation.js";
import { blockingPairs, deferredAcceptance, rankProfile, type StableProblem } from "../src/domain/stable.js";
import { CAREER_PATHS, INTERESTS, MENTOR_ROLES, SPECIALTIES, SUBSPECIALTIES } from "../src/domain/vocabulary.js";
import { prng } from "./prng.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const seedArg = args.find((a) => a.startsWith("--seed="));
const SEED = seedArg ? Number(seedArg.slice(7)) : 20260301;

const keys = (terms: readonly { key: string }[]) => terms.map((t) => t.key);
const SPECS = keys(SPECIALTIES).filter((k) => k !== "other");
const SUBS = keys(SUBSPECIALTIES).filter((k) => k !== "other");
const TOPICS = [...keys(INTERESTS), ...Array.from({ length: 40 }, (_, i) => `topic_${i}`)];
const PATHS = keys(CAREER_PATHS);
const ROLES = keys(MENTOR_ROLES);

interface Cohort {
  problem: MatchProblem;
  /** per trainee: candidate mentors sorted by score (best first), for rank lists */
  generateMs: number;
}

function generate(nTrainees: number, nMentors: number, seed: number, candidates?: number): Cohort {
  const started = performance.now();
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Zipf-like skew: low indices are popular.
  const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * rnd() ** 2)]!;
  const some = <T>(xs: readonly T[], lo: number, hi: number, draw = pick): T[] => {
    const k = lo + Math.floor(rnd() * (hi - lo + 1));
    const out = new Set<T>();
    while (out.size < k) out.add(draw(xs));
    return [...out];
  };
  const spec = () => (rnd() < 0.6 ? SPECS[Math.floor(rnd() * 3)]! : pick(SPECS));

  const mentors: InstanceProfile[] = [];
  const capacity = new Int32Array(nMentors);
  const bySpecialty = new Map<string, number[]>();
  for (let m = 0; m < nMentors; m++) {
    const specialty = spec();
    mentors.push({
      specialty,
      subspecialty: rnd() < 0.7 ? pick(SUBS) : null,
      careerPaths: some(PATHS, 1, 2),
      expertise: some(TOPICS, 2, 6, skewed),
      interests: some(TOPICS, 0, 2),
      rolesOffered: some(ROLES, 1, 3),
    });
    capacity[m] = 1 + Math.floor(rnd() * 5);
    (bySpecialty.get(specialty) ?? bySpecialty.set(specialty, []).get(specialty)!).push(m);
  }
  // Popularity: some mentors are asked for far more often than others.
  const popularity = Float64Array.from({ length: nMentors }, () => rnd() ** 3);

  const edgeStart = new Int32Array(nTrainees + 1);
  const mentorList: number[] = [];
  const scoreList: number[] = [];
  const chosen = new Set<number>();
  for (let t = 0; t < nTrainees; t++) {
    const specialty = spec();
    const trainee: InstanceProfile = {
      specialty,
      subspecialty: rnd() < 0.5 ? pick(SUBS) : null,
      careerPaths: some(PATHS, 1, 2),
      interests: some(TOPICS, 2, 5, skewed),
      rolesWanted: some(ROLES, 1, 2),
    };
    const own = bySpecialty.get(specialty) ?? [];
    const want = candidates ?? 20 + Math.floor(rnd() * 41);
    chosen.clear();
    let guard = 0;
    while (chosen.size < want && guard++ < want * 20) {
      const fromOwn = own.length > 0 && rnd() < 0.7;
      const m = fromOwn ? own[Math.floor(own.length * rnd())]! : Math.floor(nMentors * rnd());
      if (rnd() < 0.35 + popularity[m]!) chosen.add(m);
    }
    for (const m of chosen) {
      mentorList.push(m);
      // score in points, scaled ×1000: overlap (0–100) + popularity/seniority jitter (0–10)
      scoreList.push(Math.round((overlapScore(trainee, mentors[m]!) + 10 * rnd()) * 1000));
    }
    edgeStart[t + 1] = mentorList.length;
  }
  return {
    problem: {
      traineeIds: Array.from({ length: nTrainees }, (_, i) => `T${i}`),
      mentorIds: Array.from({ length: nMentors }, (_, i) => `M${i}`),
      capacity,
      edgeStart,
      edgeMentor: Int32Array.from(mentorList),
      edgeScore: Int32Array.from(scoreList),
    },
    generateMs: performance.now() - started,
  };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => {
  const r = cells.map(String);
  rows.push(r);
  console.log(r.join("  |  "));
};

/** Wall time of f, in ms; the CPU time it used is kept in lastCpuMs (other load on the machine inflates wall time). */
let lastCpuMs = 0;
function timed<T>(f: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  lastCpuMs = (c.user + c.system) / 1000;
  return [r, wall];
}
const withCpu = (wall: number) => `${ms(wall)} (cpu ${ms(lastCpuMs)})`;

/** The `munkres` package on the dense trainee × capacity-slot matrix, same lexicographic objective. */
function munkresDense(p: MatchProblem): { matched: number; total: number; ms: number; entries: number } {
  const n = p.traineeIds.length;
  const slotMentor: number[] = [];
  p.capacity.forEach((c, m) => {
    for (let i = 0; i < c; i++) slotMentor.push(m);
  });
  const firstSlot = new Int32Array(p.capacity.length + 1);
  for (let m = 0; m < p.capacity.length; m++) firstSlot[m + 1] = firstSlot[m]! + p.capacity[m]!;
  let maxW = -Infinity, minW = Infinity;
  for (const w of p.edgeScore) (maxW = Math.max(maxW, w)), (minW = Math.min(minW, w));
  const R = maxW - minW;
  const B = (n + 1) * R + 1;
  const started = performance.now();
  // cost = −(B + w′) on an allowed (trainee, slot), 0 elsewhere: minimising it maximises
  // (matched, total) lexicographically, exactly like solveOptimal.
  const matrix: Float64Array[] = [];
  for (let t = 0; t < n; t++) {
    const r = new Float64Array(slotMentor.length);
    for (let e = p.edgeStart[t]!; e < p.edgeStart[t + 1]!; e++) {
      const m = p.edgeMentor[e]!;
      r.fill(-(B + p.edgeScore[e]! - minW), firstSlot[m]!, firstSlot[m + 1]!);
    }
    matrix.push(r);
  }
  const pairs = munkres(matrix);
  const elapsed = performance.now() - started;
  let matched = 0;
  let total = 0;
  for (const [t, s] of pairs) {
    const c = matrix[t]![s]!;
    if (c < 0) {
      matched++;
      total += -c - B + minW;
    }
  }
  return { matched, total, ms: elapsed, entries: n * slotMentor.length };
}

/**
 * SciPy's `linear_sum_assignment` (C++) on the same instance, as the dense trainee × slot matrix
 * munkresDense builds (the same lexicographic objective), written to a temporary file; SciPy's time
 * is measured inside python around the call only. Both sides: best of 3 in one process.
 */
function scipySection(): void {
  const [n, m] = [2000, 600];
  console.log(`\n## Optimal solver vs SciPy linear_sum_assignment, ${n} × ${m} (same instance, best of 3 each)`);
  const probe = spawnSync("python3", ["-c", "import scipy, numpy"], { stdio: "ignore" });
  if (probe.error || probe.status !== 0) {
    console.log("SciPy comparison skipped: python3 with scipy and numpy is not installed (pip install scipy, or Debian's python3-scipy)");
    return;
  }
  const { problem: p } = generate(n, m, SEED + n);
  const slots: number[] = [];
  p.capacity.forEach((c, mentor) => {
    for (let i = 0; i < c; i++) slots.push(mentor);
  });
  const firstSlot = new Int32Array(p.capacity.length + 1);
  for (let j = 0; j < p.capacity.length; j++) firstSlot[j + 1] = firstSlot[j]! + p.capacity[j]!;
  let maxW = -Infinity, minW = Infinity;
  for (const w of p.edgeScore) (maxW = Math.max(maxW, w)), (minW = Math.min(minW, w));
  const B = (n + 1) * (maxW - minW) + 1;
  // Rows are the slots and columns the trainees (SciPy wants no more rows than columns; given the
  // trainee × slot matrix it would transpose it first): cost −(B + w′) on an allowed pair, 0 elsewhere.
  const cost = new Float64Array(slots.length * n);
  for (let t = 0; t < n; t++) {
    for (let e = p.edgeStart[t]!; e < p.edgeStart[t + 1]!; e++) {
      const mentor = p.edgeMentor[e]!;
      for (let s = firstSlot[mentor]!; s < firstSlot[mentor + 1]!; s++) cost[s * n + t] = -(B + p.edgeScore[e]! - minW);
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "rounds-lsa-"));
  try {
    const file = path.join(dir, "cost.f64");
    writeFileSync(file, new Uint8Array(cost.buffer));
    const script = fileURLToPath(new URL("../../bench/scipy_lsa.py", import.meta.url));
    const run = spawnSync("python3", [script, file, String(slots.length), String(n), "3"], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`python3 ${script} failed: ${run.stderr}`);
    const sp = JSON.parse(run.stdout) as { seconds: number; pairs: number; cost: number };
    let best = Infinity;
    let opt: Assignment | undefined;
    for (let i = 0; i < 3; i++) {
      const [a, t] = timed(() => solveOptimal(p));
      opt = a;
      best = Math.min(best, t);
    }
    const spMs = sp.seconds * 1000;
    const spTotal = -sp.cost - sp.pairs * (B - minW);
    const same = sp.pairs === opt!.matched && spTotal === opt!.totalScaled;
    row("size", "dense cells", "Rounds optimal", "SciPy linear_sum_assignment", "Rounds / SciPy", "same optimum");
    row(`${n} × ${m}`, cost.length, ms(best), ms(spMs), `${(best / spMs).toFixed(2)}×`, same ? `yes (${sp.pairs} matched, total fit ${(spTotal / 1000).toFixed(0)})` : `NO: SciPy ${sp.pairs}/${spTotal}, Rounds ${opt!.matched}/${opt!.totalScaled}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** NRMP scale: 40,000 trainees, 12,000 mentors (capacities 1–5), 30 candidate mentors each, solved exactly. */
function nrmpSection(): void {
  const [n, m, k] = [40_000, 12_000, 30];
  console.log(`\n## NRMP scale: ${n.toLocaleString("en-US")} trainees × ${m.toLocaleString("en-US")} mentors, capacities 1–5, ${k} candidates each (exact optimum)`);
  const { problem, generateMs } = generate(n, m, SEED + n, k);
  const places = problem.capacity.reduce((a, c) => a + c, 0);
  const rssBefore = process.memoryUsage().rss;
  const [opt, t] = timed(() => solveOptimal(problem));
  const time = withCpu(t);
  const after = process.memoryUsage();
  const heap = after.heapUsed + after.arrayBuffers;
  const [gr] = timed(() => solveGreedy(problem));
  row("size", "edges", "places", "generated in", "optimal time", "matched", "total fit", "greedy fit ratio", "RSS before solve", "peak RSS", "JS heap + typed arrays after");
  row(`${n} × ${m}`, problem.edgeMentor.length, places, ms(generateMs), time, opt.matched, (opt.totalScaled / 1000).toFixed(0), (gr.totalScaled / opt.totalScaled).toFixed(4), mb(rssBefore), mb(peakRss()), mb(heap));
}

function top3(p: MatchProblem, a: Assignment): number {
  return matchMetrics(p, a.edgeOf).top3Share;
}

function optimalSection(): void {
  const sizes: [number, number][] = quick ? [[500, 150], [2000, 600]] : [[2000, 600], [10_000, 3000]];
  console.log("\n## Optimal assignment (min-cost flow) vs greedy baseline");
  row("size", "edges", "optimal time", "matched", "total fit", "top-3", "greedy time", "greedy matched", "greedy fit ratio", "greedy top-3", "peak RSS");
  for (const [n, m] of sizes) {
    const { problem } = generate(n, m, SEED + n);
    const [opt, tOpt] = timed(() => solveOptimal(problem));
    const optTime = withCpu(tOpt);
    const [gr, tGr] = timed(() => solveGreedy(problem));
    const greedyTime = withCpu(tGr);
    row(
      `${n} × ${m}`,
      problem.edgeMentor.length,
      optTime,
      opt.matched,
      (opt.totalScaled / 1000).toFixed(0),
      top3(problem, opt).toFixed(3),
      greedyTime,
      gr.matched,
      (gr.totalScaled / opt.totalScaled).toFixed(4),
      top3(problem, gr).toFixed(3),
      mb(peakRss()),
    );
  }
}

function munkresSection(): void {
  console.log("\n## munkres (dense trainee × slot matrix) vs the sparse solver, same instance");
  row("size", "matrix entries", "sparse time", "munkres time", "munkres / sparse", "same optimum");
  const sizes: [number, number][] = quick ? [[300, 90], [1000, 300]] : [[1000, 300], [2000, 600], [5000, 1500]];
  for (const [n, m] of sizes) {
    const { problem } = generate(n, m, SEED + n);
    const [opt, tOpt] = timed(() => solveOptimal(problem));
    const sparseTime = withCpu(tOpt);
    const sparseCpu = lastCpuMs;
    const [mk] = timed(() => munkresDense(problem));
    const mkTime = `${ms(mk.ms)} (cpu ${ms(lastCpuMs)})`;
    const ratio = `${(mk.ms / tOpt).toFixed(1)}× (cpu ${(lastCpuMs / Math.max(1, sparseCpu)).toFixed(1)}×)`;
    const same = mk.matched === opt.matched && mk.total === opt.totalScaled;
    row(`${n} × ${m}`, mk.entries, sparseTime, mkTime, ratio, same ? "yes" : `no (${mk.matched}/${mk.total})`);
  }
  console.log(`(10,000 × 3,000 is not run densely: ~9,000 slots × 10,000 rows = 90M cells)`);
}

function stableSection(): void {
  const [n, m] = quick ? [2000, 600] : [10_000, 3000];
  console.log(`\n## Stable matching (trainee-proposing deferred acceptance), ${n} × ${m}, 20-long rank lists`);
  const { problem } = generate(n, m, SEED + 7 * n);
  // Trainees rank their 20 best-scoring candidates; mentors rank everyone who ranked them, by score.
  const traineePrefs: Int32Array[] = [];
  const byMentor: { t: number; s: number }[][] = Array.from({ length: m }, () => []);
  for (let t = 0; t < n; t++) {
    const list: { m: number; s: number }[] = [];
    for (let e = problem.edgeStart[t]!; e < problem.edgeStart[t + 1]!; e++) list.push({ m: problem.edgeMentor[e]!, s: problem.edgeScore[e]! });
    list.sort((a, b) => b.s - a.s || a.m - b.m);
    const top = list.slice(0, 20);
    traineePrefs.push(Int32Array.from(top, (x) => x.m));
    for (const x of top) byMentor[x.m]!.push({ t, s: x.s });
  }
  const mentorPrefs = byMentor.map((l) => Int32Array.from(l.sort((a, b) => b.s - a.s || a.t - b.t), (x) => x.t));
  const sp: StableProblem = { traineeIds: problem.traineeIds, mentorIds: problem.mentorIds, capacity: problem.capacity, traineePrefs, mentorPrefs };
  const [res, tDa] = timed(() => deferredAcceptance(sp));
  const daTime = withCpu(tDa);
  const [blocking, tCheck] = timed(() => blockingPairs(sp, res.mentorOf));
  const profile = rankProfile(sp, res.mentorOf);
  const first = profile.byRank[0] ?? 0;
  const top3Count = profile.byRank.slice(0, 3).reduce((a, b) => a + b, 0);
  row("size", "time", "proposals", "blocking pairs", "check time", "1st choice", "top-3", "unmatched", "peak RSS");
  row(`${n} × ${m}`, daTime, res.proposals, blocking.length, ms(tCheck), `${((100 * first) / n).toFixed(1)}%`, `${((100 * top3Count) / n).toFixed(1)}%`, profile.unmatched, mb(peakRss()));
}

function rotationSection(): void {
  console.log("\n## Rotations");
  row("case", "rounds", "repeats", "time", "everyone placed each round");
  const people = (k: number) => Array.from({ length: k }, (_, i) => `U${String(i).padStart(4, "0")}`);
  for (const [label, everyone, size] of [
    ["200 people, pairs", people(200), 2],
    ["201 people, pairs (one trio)", people(201), 2],
    ["200 people, groups of 4", people(200), 4],
  ] as const) {
    const [plans, t] = timed(() => planRounds(everyone, 20, { groupSize: size }));
    const repeats = plans.reduce((a, p) => a + p.repeats, 0);
    const placed = plans.every((p) => p.groups.flat().length === everyone.length && p.alone.length === 0);
    row(label, 20, repeats, withCpu(t), placed ? "yes" : "NO");
  }
  // Cross-group: 40 mentors × 160 trainees, 20 rounds, each round aware of the previous ones.
  const mentors = people(40).map((x) => `M${x}`);
  const trainees = people(160).map((x) => `T${x}`);
  const history = new PairHistory();
  let crossRepeats = 0;
  const [, tCross] = timed(() => {
    for (let r = 0; r < 20; r++) {
      const round = crossGroupRound(mentors, trainees, history);
      crossRepeats += round.repeats;
      history.addGroups(round.groups.flatMap((g) => g.trainees.map((t) => [g.mentor, t])));
    }
  });
  row("cross-group 40 mentors × 160 trainees", 20, crossRepeats, ms(tCross), "yes");
  const [speed, tSpeed] = timed(() =>
    speedMentoring({ mentors, trainees, rotations: 8, startsAt: new Date(Date.UTC(2026, 2, 1, 14)), minutesPerRotation: 8, breakMinutes: 2 }),
  );
  row("speed mentoring 40 × 160, K = 8", 8, speed.ok ? 0 : "n/a", ms(tSpeed), speed.ok ? "yes" : speed.reason);
}

console.log(`# Matching benchmark (seed ${SEED}${quick ? ", quick" : ""}, node ${process.version})`);
optimalSection();
scipySection();
if (!quick) nrmpSection();
munkresSection();
stableSection();
rotationSection();
console.log(`\npeak RSS of the whole run: ${mb(peakRss())}`);
