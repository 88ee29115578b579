import { periodAt, type MatchTimeline } from "./cadence.js";

/**
 * A director's "Nudge both" reaches each of the pair once per check-in period, whichever button sent
 * it (the escalation DM's or the dashboard's): both build their outbox keys here.
 */

/** The check-in period a nudge counts in: the one `now` falls in ("start" before the match's first). */
export function nudgePeriod(match: MatchTimeline, now: Date): string {
  return periodAt(match, now)?.key ?? "start";
}

/** The outbox key of one nudge DM: nudge:<match>:<period>:<mentor|trainee>. */
export const nudgeKey = (matchId: string, periodKey: string, side: "mentor" | "trainee") => `nudge:${matchId}:${periodKey}:${side}`;
