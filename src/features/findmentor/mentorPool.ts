import type { Db } from "../../store/database.js";
import { mentorPool, poolFingerprint, workspacesWithMentors, type PoolMentor } from "../../store/candidates.js";
import { programSettings, type TraineeProgram } from "../../store/traineePrograms.js";
import { poolCache } from "../../metrics/poolCache.js";
import type { Vocabulary } from "../../domain/vocabulary.js";
import type { RankingConfig } from "../../domain/weights.js";

/**
 * The mentor pool of a workspace (the mentors of all its programs), kept in memory between
 * searches; a search takes the mentors of its trainee's programs from it. Loading 5,000 mentors
 * with their profiles takes hundreds of milliseconds, so it is loaded at start-up
 * (warmMentorPools) and not on the first search. Checking that nothing changed is one statement
 * (store/candidates.ts poolFingerprint), made at most once per CHECK_EVERY_MS and shared by the
 * searches that arrive while it runs. The pool is reused while the workspace's fingerprint is
 * unchanged (any instance's writes change it), so a change shows in searches within a second: a
 * search after a change that the check saw waits for the pool to be loaded again. After
 * MAX_AGE_MS the pool is also loaded again in the background (the old one served meanwhile), which
 * bounds staleness should two instances' clocks disagree about updatedAt.
 */

const CHECK_EVERY_MS = 1_000;
const MAX_AGE_MS = 60_000;
const MAX_WORKSPACES = 64;

/** A workspace's pool as loaded: its mentors, and its programs' settings (vocabulary, ranking weights). */
export interface Loaded {
  mentors: PoolMentor[];
  programs: Map<string, TraineeProgram>;
  /** The mentors of a set of programs (key: sorted ids), derived once per load. */
  byPrograms: Map<string, PoolMentor[]>;
  /** The vocabulary and ranking weights of a set of programs (key: sorted ids), parsed once per load. */
  settings: Map<string, RankingSettings>;
}

export interface RankingSettings {
  vocabulary: Vocabulary;
  config: RankingConfig;
}

interface Entry {
  fingerprint: string;
  loadedAt: number;
  checkedAt: number;
  pool: Promise<Loaded>;
  /** The check in flight, shared by the searches that arrive meanwhile. */
  checking: Promise<Entry> | null;
  /** A load after MAX_AGE_MS, in the background. */
  refreshing: boolean;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

async function loadPool(db: Db, workspaceId: string): Promise<Loaded> {
  const [mentors, programs] = await Promise.all([mentorPool(db, workspaceId, null), programSettings(db, workspaceId)]);
  return { mentors, programs, byPrograms: new Map(), settings: new Map() };
}

function load(db: Db, workspaceId: string, fingerprint: string, nowMs: number): Entry {
  const cache = cacheOf(db);
  const entry: Entry = {
    fingerprint,
    loadedAt: nowMs,
    checkedAt: nowMs,
    pool: loadPool(db, workspaceId),
    checking: null,
    refreshing: false,
  };
  cache.delete(workspaceId);
  cache.set(workspaceId, entry);
  if (cache.size > MAX_WORKSPACES) cache.delete(cache.keys().next().value!);
  entry.pool.catch(() => cache.get(workspaceId) === entry && cache.delete(workspaceId));
  return entry;
}

/** Checks the fingerprint (once for all who ask meanwhile) and answers the entry to serve: this one, or a new load. */
function checked(db: Db, workspaceId: string, entry: Entry, nowMs: number): Promise<Entry> {
  entry.checking ??= (async () => {
    try {
      const fingerprint = await poolFingerprint(db, workspaceId);
      const current = cacheOf(db).get(workspaceId);
      if (current !== entry) return current ?? load(db, workspaceId, fingerprint, nowMs);
      if (fingerprint !== entry.fingerprint) return load(db, workspaceId, fingerprint, nowMs);
      entry.checkedAt = nowMs;
      if (nowMs - entry.loadedAt >= MAX_AGE_MS && !entry.refreshing) refresh(db, workspaceId, entry, fingerprint, nowMs);
      return entry;
    } finally {
      entry.checking = null;
    }
  })();
  return entry.checking;
}

/** Loads the pool again in the background and swaps it in once loaded, unless something replaced the entry meanwhile. */
function refresh(db: Db, workspaceId: string, entry: Entry, fingerprint: string, nowMs: number): void {
  entry.refreshing = true;
  loadPool(db, workspaceId).then(
    (loaded) => {
      const cache = cacheOf(db);
      if (cache.get(workspaceId) !== entry) return;
      cache.set(workspaceId, { ...entry, fingerprint, loadedAt: nowMs, pool: Promise.resolve(loaded), checking: null, refreshing: false });
    },
    () => void (entry.refreshing = false),
  );
}

/** The workspace's pool from the cache (checked for changes at most once a second). */
export async function workspacePool(db: Db, workspaceId: string, nowMs: number): Promise<Loaded> {
  const hit = cacheOf(db).get(workspaceId);
  // A clock that went back (nowMs before the last check) makes a check due, as a second gone by would.
  if (hit && nowMs >= hit.checkedAt && nowMs - hit.checkedAt < CHECK_EVERY_MS) {
    poolCache.hit();
    return hit.pool;
  }
  if (!hit) {
    // Read the fingerprint before the pool: a write during the load then shows up as a change next time.
    const fingerprint = await poolFingerprint(db, workspaceId);
    poolCache.miss();
    return (cacheOf(db).get(workspaceId) ?? load(db, workspaceId, fingerprint, nowMs)).pool;
  }
  const entry = await checked(db, workspaceId, hit, nowMs);
  if (entry === hit) poolCache.hit();
  else poolCache.miss();
  return entry.pool;
}

/** The mentors of these programs, each with the defaults and ids of those programs only. */
export function mentorsOf(loaded: Loaded, programIds: readonly string[]): PoolMentor[] {
  const ids = [...new Set(programIds)].sort();
  const key = ids.join(",");
  let mentors = loaded.byPrograms.get(key);
  if (mentors) return mentors;
  const wanted = new Set(ids);
  mentors = [];
  for (const m of loaded.mentors) {
    const inWanted = m.programIds.filter((id) => wanted.has(id));
    if (inWanted.length === 0) continue;
    // A mentor of these programs only is shared as it is (so what is derived from it is kept too).
    if (inWanted.length === m.programIds.length) mentors.push(m);
    else mentors.push({ ...m, programIds: inWanted, programDefaults: m.programDefaults.filter((_, i) => wanted.has(m.programIds[i]!)) });
  }
  if (loaded.byPrograms.size >= MAX_WORKSPACES) loaded.byPrograms.clear();
  loaded.byPrograms.set(key, mentors);
  return mentors;
}

export async function cachedMentorPool(db: Db, workspaceId: string, programIds: readonly string[], nowMs = Date.now()): Promise<PoolMentor[]> {
  if (programIds.length === 0) return [];
  return mentorsOf(await workspacePool(db, workspaceId, nowMs), programIds);
}

/**
 * Loads the mentor pool of every workspace that has mentors, so the first search after a start
 * finds it in memory (`afterEach` runs once each is loaded). Resolves with how many workspaces were loaded.
 */
export async function warmMentorPools(db: Db, nowMs = Date.now(), afterEach?: (workspaceId: string, pool: Loaded) => Promise<void>): Promise<number> {
  const workspaces = await workspacesWithMentors(db, MAX_WORKSPACES);
  for (const workspaceId of workspaces) {
    const pool = await workspacePool(db, workspaceId, nowMs);
    await afterEach?.(workspaceId, pool);
  }
  return workspaces.length;
}
