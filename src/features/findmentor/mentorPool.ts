import type { Db } from "../../store/database.js";
import { mentorPool, poolFingerprint, type PoolMentor } from "../../store/candidates.js";
import { poolCache } from "../../metrics/poolCache.js";

/**
 * The mentor pool of a set of programs, kept in memory between searches. Loading 5,000 mentors
 * with their profiles takes hundreds of milliseconds; checking that nothing changed takes a few
 * aggregate queries (~20 ms for 25,000 members on SQLite), so a search reuses the last check made
 * less than CHECK_EVERY_MS ago. An entry is reused while the workspace's fingerprint is unchanged
 * (any instance's writes change it) and for at most MAX_AGE_MS, which bounds staleness should two
 * instances' clocks disagree about updatedAt. So a change shows in searches within a second.
 */

const CHECK_EVERY_MS = 1_000;
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 64;

interface Entry {
  fingerprint: string;
  loadedAt: number;
  checkedAt: number;
  pool: Promise<PoolMentor[]>;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

export async function cachedMentorPool(db: Db, workspaceId: string, programIds: readonly string[], nowMs = Date.now()): Promise<PoolMentor[]> {
  const ids = [...new Set(programIds)].sort();
  const key = `${workspaceId}:${ids.join(",")}`;
  const cache = caches.get(db) ?? new Map<string, Entry>();
  caches.set(db, cache);
  const hit = cache.get(key);
  const fresh = (e: Entry) => nowMs - e.loadedAt < MAX_AGE_MS;
  if (hit && fresh(hit) && nowMs - hit.checkedAt < CHECK_EVERY_MS) {
    poolCache.hit();
    return hit.pool;
  }
  // Read the fingerprint before the pool: a write during the load then shows up as a change next time.
  const fingerprint = await poolFingerprint(db, workspaceId);
  if (hit && fresh(hit) && hit.fingerprint === fingerprint) {
    hit.checkedAt = nowMs;
    poolCache.hit();
    return hit.pool;
  }
  poolCache.miss();
  const entry: Entry = { fingerprint, loadedAt: nowMs, checkedAt: nowMs, pool: mentorPool(db, workspaceId, ids) };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  entry.pool.catch(() => cache.get(key) === entry && cache.delete(key));
  return entry.pool;
}
