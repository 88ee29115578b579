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

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.jobLease.deleteMany({ where: { name, holder } });
}
