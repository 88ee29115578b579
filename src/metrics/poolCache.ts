/**
 * Mentor-pool cache hits and misses (features/findmentor/mentorPool.ts), as plain numbers: searches run in
 * worker threads, whose tallies travel back with each answer (workers/mentorSearchPool.ts) and are
 * added here; search.ts reports them.
 */
export interface PoolCacheTally {
  hits: number;
  misses: number;
}

let tally: PoolCacheTally = { hits: 0, misses: 0 };

export const poolCache = {
  hit(): void {
    tally.hits += 1;
  },
  miss(): void {
    tally.misses += 1;
  },
  /** What was counted since the last take, and starts again from 0. */
  take(): PoolCacheTally {
    const taken = tally;
    tally = { hits: 0, misses: 0 };
    return taken;
  },
  add(more: PoolCacheTally): void {
    tally.hits += more.hits;
    tally.misses += more.misses;
  },
};
