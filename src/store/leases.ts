import type { Db } from "./database.js";
import { isUniqueViolation } from "./errors.js";

/**
 * A lease lets one instance at a time run a job. It is a row naming its holder and an expiry:
 * taking it succeeds when there is no row, when the row has expired (its holder died), or when the
 * caller already holds it (renewal). Both databases make the conditional update atomic.
 */
export async function acquireLease(db: Db, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  try {
    await db.jobLease.create({ data: { name, holder, acquiredAt: now, expiresAt } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const taken = await db.jobLease.updateMany({
    where: { name, OR: [{ expiresAt: { lte: now } }, { holder }] },
    data: { holder, acquiredAt: now, expiresAt },
  });
  return taken.count === 1;
}

/** Extends a lease `holder` still holds; false if it no longer does (never creates one). */
export async function renewLease(db: Db, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const renewed = await db.jobLease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(now.getTime() + ttlMs) } });
  return renewed.count === 1;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.jobLease.deleteMany({ where: { name, holder } });
}

/** A held lease lasts this long without renewal: how long a killed holder blocks its job. */
export const LEASE_TTL_MS = 60_000;

export interface LeaseTiming {
  ttlMs: number;
  renewEveryMs: number;
  now: () => Date;
}

/**
 * Runs `work` under a lease `holder` already took, renewing it every `renewEveryMs` (a third of the
 * TTL by default) so a long run keeps it while a killed instance's lease lapses within the TTL.
 * Releases it when `work` settles. A renewal that finds the lease taken (this process stalled past
 * the TTL) is reported through `lost`; the work goes on, as every job's steps are idempotent.
 */
export async function whileHolding<T>(db: Db, name: string, holder: string, work: () => Promise<T>, lost: (error?: unknown) => void, timing: Partial<LeaseTiming> = {}): Promise<T> {
  const { ttlMs = LEASE_TTL_MS, renewEveryMs = ttlMs / 3, now = () => new Date() } = timing;
  let renewing: Promise<void> = Promise.resolve();
  const renewal = setInterval(() => {
    renewing = renewLease(db, name, holder, ttlMs, now()).then(
      (renewed) => void (renewed || lost()),
      (error) => lost(error),
    );
  }, renewEveryMs);
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await renewing; // a renewal still in flight must not land after the release
    await releaseLease(db, name, holder).catch(() => undefined);
  }
}

