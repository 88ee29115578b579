import { performance } from "node:perf_hooks";
import { Counter, Histogram } from "prom-client";
import type { MentorSearch } from "../features/findmentor/findMentor.js";
import { poolCache } from "./poolCache.js";
import { registry } from "./registry.js";

const searchSeconds = new Histogram({
  name: "rounds_findmentor_search_seconds",
  help: "How long /findmentor searches took (mentors, or co-mentors for a junior mentor), worker round trip included",
  labelNames: ["search"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

const cache = new Counter({
  name: "rounds_mentor_pool_cache_total",
  help: "Mentor-pool cache lookups by /findmentor searches: hit (reused) or miss (loaded from the database)",
  labelNames: ["outcome"] as const,
  registers: [registry],
  collect() {
    const t = poolCache.take();
    this.inc({ outcome: "hit" }, t.hits);
    this.inc({ outcome: "miss" }, t.misses);
  },
});
cache.inc({ outcome: "hit" }, 0);
cache.inc({ outcome: "miss" }, 0);

async function timed<T>(search: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    searchSeconds.observe({ search }, (performance.now() - started) / 1000);
  }
}

/** The same searches, timed. */
export function timedSearch(inner: MentorSearch): MentorSearch {
  return {
    mentors: (...args) => timed("mentors", () => inner.mentors(...args)),
    coMentors: (...args) => timed("co_mentors", () => inner.coMentors(...args)),
  };
}
