/**
 * Ranking benchmark: 5,000 realistic mentor profiles from a seeded PRNG, one trainee, many
 * iterations. Prints p50 / p95 / max milliseconds for ranking without and with keywords.
 *
 *   npm run bench:build && node dist/bench/ranking.js [mentors] [iterations] [seed] [only]
 *
 * `only` runs just the cases whose label contains it (e.g. "search" for the two rows a /findmentor
 * makes: limit 6, the first 5 explained, several trainees in turn). Goal: ranking 5,000 mentors in
 * under 20 ms.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { rank } from "../src/domain/ranking.js";
import { rankingWorld } from "./rankingWorld.js";

function main() {
  const count = Number(process.argv[2] ?? 5000);
  const iterations = Number(process.argv[3] ?? 200);
  const only = process.argv[5] ?? "";
  const { mentors, trainee, trainees, queries, now, SEARCH_LIMIT } = rankingWorld(count, Number(process.argv[4] ?? 42));

  const run = (label: string, keywords: string | undefined, limit: number | undefined, readAll = false) => {
    if (!label.includes(only)) return;
    const once = () => {
      const result = rank(trainee, mentors, { now, keywords, limit });
      // Reasons are built when read: read every one to time the whole explanation.
      const shown = readAll ? result.suggestions : result.suggestions.slice(0, 10);
      for (const s of shown) if (s.reasons.length < 0) throw new Error("unreachable");
      return result;
    };
    for (let i = 0; i < 20; i++) once(); // warm-up
    const wall: number[] = [];
    const cpu: number[] = [];
    let suggested = 0;
    for (let i = 0; i < iterations; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = once();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      suggested = result.suggestions.length;
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
      return `p50 ${at(0.5).padStart(6)}  p95 ${at(0.95).padStart(6)}`;
    };
    console.log(`${label.padEnd(40)} wall ${stats(wall)}   cpu ${stats(cpu)} ms   (${suggested} suggested)`);
  };

  console.log(
    `ranking ${count} mentors × ${iterations} iterations (node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  rank(trainee, mentors, { now, keywords: "thrombosis grants", limit: 10 });
  const c = process.cpuUsage(c0);
  console.log(
    `${"first keyword search (cold, unoptimised)".padEnd(40)} wall ${(performance.now() - t0).toFixed(2)} ms  cpu ${((c.user + c.system) / 1000).toFixed(2)} ms`,
  );
  /** As /findmentor ranks: limit 6, the page of 5 explained, a different trainee (and query) each time. */
  const search = (label: string, withWords: boolean) => {
    if (!label.includes(only)) return;
    let n = 0;
    const once = () => {
      const i = n++;
      const t = trainees[i % trainees.length]!;
      const keywords = withWords ? queries[i % queries.length]! : "";
      const result = rank(t, mentors, { now, keywords, limit: SEARCH_LIMIT });
      for (const s of result.suggestions.slice(0, SEARCH_LIMIT - 1)) if (s.reasons.length < 0) throw new Error("unreachable");
      return result;
    };
    for (let i = 0; i < 40; i++) once(); // warm-up
    const wall: number[] = [];
    const cpu: number[] = [];
    let suggested = 0;
    for (let i = 0; i < iterations; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      suggested += once().suggestions.length;
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
      return `p50 ${at(0.5).padStart(6)}  p95 ${at(0.95).padStart(6)}`;
    };
    console.log(`${label.padEnd(40)} wall ${stats(wall)}   cpu ${stats(cpu)} ms   (${(suggested / iterations).toFixed(1)} suggested)`);
  };

  const fresh = (label: string, keywords: string) => {
    if (!label.includes(only)) return;
    // A service loads profiles anew for every /findmentor: the search index is not cached.
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < Math.max(10, Math.floor(iterations / 4)); i++) {
      const copies = mentors.map((m) => ({ ...m, profile: { ...m.profile } }));
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      rank(trainee, copies, { now, keywords, limit: 10 });
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
      return `p50 ${at(0.5).padStart(6)}  p95 ${at(0.95).padStart(6)}`;
    };
    console.log(`${label.padEnd(40)} wall ${stats(wall)}   cpu ${stats(cpu)} ms`);
  };

  search("search, limit 6, no words", false);
  search("search, limit 6, with words", true);
  run("all ranked, top 10 reasons read", undefined, undefined);
  run("limit 10", undefined, 10);
  run("all ranked, every reason read", undefined, undefined, true);
  run('"thrombosis grants", all, top 10 read', "thrombosis grants", undefined);
  run('"VTE med ed pubs", limit 10', "VTE med ed pubs", 10);
  run('"thrombosis grants", every reason read', "thrombosis grants", undefined, true);
  fresh('keywords, top 10, profiles not cached', "thrombosis grants");
}

main();
