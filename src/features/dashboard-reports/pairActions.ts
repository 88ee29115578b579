import type { Db } from "../../store/database.js";
import { enqueue } from "../../store/outbox.js";
import { endMatch } from "../../store/matches.js";
import { MatchAlreadyEnded } from "../../domain/errors.js";
import { nudgeKey, nudgePeriod } from "../../domain/nudges.js";
import type { MatchTimeline } from "../../domain/cadence.js";
import { audit, type Actor } from "../programs/audit.js";
import type { Payload } from "../requests/requests.js";

/**
 * What a director does to a stuck pair, from the dashboard or from an escalation DM: the two
 * places word their messages differently, but nudge and end the same way here.
 */

export type Side = "mentor" | "trainee";

export interface Notice<K extends string = Side> {
  to: K;
  channel: string;
  payload: Payload;
}

/**
 * Queues "Nudge both" DMs, once per person and check-in period however often (and from wherever) it
 * is pressed: the outbox keys are the period's. Audited when anything was new. True if anything was.
 */
export async function queueNudges(db: Db, by: Actor, match: MatchTimeline & { id: string }, notices: Notice[], now: Date, details: Record<string, unknown> = {}): Promise<boolean> {
  const period = nudgePeriod(match, now);
  return db.$transaction(async (tx) => {
    let any = false;
    for (const n of notices) {
      if (await enqueue(tx, { workspaceId: by.workspaceId, key: nudgeKey(match.id, period, n.to), channel: n.channel, payload: { ...n.payload }, notBefore: now })) any = true;
    }
    if (any) await audit(tx, by, "match.nudge", match.id, { ...details, period }, now);
    return any;
  });
}

/**
 * Ends an active match for a director and queues the notices (each under `${keyPrefix}:<to>`), in one
 * transaction, audited as `action`. MatchAlreadyEnded if it had ended, so a double click ends it once.
 */
export async function endForDirector(
  db: Db,
  by: Actor,
  match: { id: string; endedById: string },
  notices: Notice<string>[],
  keyPrefix: string,
  action: string,
  details: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await endMatch(tx, by.workspaceId, match.id, match.endedById, null, now))) throw new MatchAlreadyEnded(match.id);
    for (const n of notices) {
      await enqueue(tx, { workspaceId: by.workspaceId, key: `${keyPrefix}:${n.to}`, channel: n.channel, payload: { ...n.payload }, notBefore: now });
    }
    await audit(tx, by, action, match.id, details, now);
  });
}
