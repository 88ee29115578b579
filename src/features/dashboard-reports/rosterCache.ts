import type { Db } from "../../store/database.js";

/**
 * The part of a program's dashboard that changes only with its people (cohort counts, mentor load,
 * thanks), kept in memory between opens of the Home: reading and sorting them is about a quarter of
 * an open at 5,000 trainees. Every open reads the workspace's roster fingerprint first
 * (store/dashboard.ts rosterFingerprint: one statement, any instance's writes change it) and reuses
 * an entry only if it was made under the same fingerprint, so a change shows on the next open.
 * An entry is also made again after MAX_AGE_MS, which bounds staleness should two instances' clocks
 * disagree about updatedAt (the fingerprint takes the latest one). Check-ins and meetings are never
 * cached here: the pairs at risk and the last period are read on every open.
 */

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 64;

interface Entry {
  fingerprint: string;
  madeAt: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/**
 * The value made by `make` under this fingerprint for `key` (a workspace's program), made now if
 * there is none, it was made under another fingerprint, or it is older than MAX_AGE_MS. Read the
 * fingerprint before calling: a write while `make` runs then shows as a change on the next call.
 */
export function rosterCached<T>(db: Db, key: string, fingerprint: string, make: () => Promise<T>): Promise<T> {
  const cache = cacheOf(db);
  const nowMs = performance.now();
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fingerprint && nowMs - hit.madeAt < MAX_AGE_MS) return hit.value as Promise<T>;
  const entry: Entry = { fingerprint, madeAt: nowMs, value: make() };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  entry.value.catch(() => cache.get(key) === entry && cache.delete(key));
  return entry.value as Promise<T>;
}
