import { periodIndexAt, utcDateKey, type Cadence } from "./cadence.js";

/**
 * Which active pairs a director should look at: those who asked for help and have not met since,
 * and those with no meeting reported for `MISSED_PERIODS_AT_RISK` or more of their own check-in
 * periods in a row (counted back from the last period that has ended).
 *
 * A meeting is "reported" for a period when the pair logged a Meeting dated inside it, or someone
 * answered that period's check-in "We met". Pure: the store hands one aggregate row per match.
 */

export const MISSED_PERIODS_AT_RISK = 2;

export interface MatchEvidence {
  matchId: string;
  startedAt: Date;
  cadence: Cadence;
  /** Latest Meeting.date logged for the match. */
  lastMeetingAt: Date | null;
  /** Latest period key (cadence.ts, `YYYY-MM-DD`) whose check-in was answered MET. */
  lastMetPeriodKey: string | null;
  /** When someone last answered a check-in NEED_HELP. */
  lastNeedHelpAt: Date | null;
  /** When someone last answered MET (to tell whether help was asked for after the last meeting). */
  lastMetAnsweredAt: Date | null;
}

export type RiskReason = { kind: "need_help"; since: Date } | { kind: "no_meeting"; missedPeriods: number; lastMeetingAt: Date | null };

export interface PairRisk {
  matchId: string;
  reason: RiskReason;
}

/** Index of the match period a period key names: the key is its start date (UTC), so the end of that day lies inside it. */
function indexOfKey(cadence: Cadence, startedAt: Date, key: string): number {
  const endOfDay = new Date(`${key}T23:59:59.999Z`);
  return Number.isNaN(endOfDay.getTime()) ? -1 : periodIndexAt({ startedAt, cadence }, endOfDay);
}

/** How many ended periods in a row, back from the latest, have no meeting reported (0 if the latest has one). */
export function missedPeriods(e: MatchEvidence, now: Date): number {
  const timeline = { startedAt: e.startedAt, cadence: e.cadence };
  const closed = periodIndexAt(timeline, now); // periods 0 … closed-1 have ended
  if (closed <= 0) return 0;
  let lastWithMeeting = -1;
  if (e.lastMeetingAt) lastWithMeeting = Math.max(lastWithMeeting, periodIndexAt(timeline, e.lastMeetingAt));
  if (e.lastMetPeriodKey) lastWithMeeting = Math.max(lastWithMeeting, indexOfKey(e.cadence, e.startedAt, e.lastMetPeriodKey));
  return Math.max(0, closed - 1 - lastWithMeeting);
}

function latest(...dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);
}

/** The pair's risk, or null when they are fine. "Need help" outranks missed meetings. */
export function pairRisk(e: MatchEvidence, now: Date): PairRisk | null {
  const metSince = latest(e.lastMeetingAt, e.lastMetAnsweredAt);
  if (e.lastNeedHelpAt && (!metSince || e.lastNeedHelpAt > metSince)) {
    return { matchId: e.matchId, reason: { kind: "need_help", since: e.lastNeedHelpAt } };
  }
  const missed = missedPeriods(e, now);
  if (missed >= MISSED_PERIODS_AT_RISK) return { matchId: e.matchId, reason: { kind: "no_meeting", missedPeriods: missed, lastMeetingAt: metSince } };
  return null;
}

const DAY_MS = 86_400_000;

/** The shortest check-in period of each cadence (cadence.ts: a month period is never under 28 days). */
const SHORTEST_PERIOD_DAYS: Record<Cadence, number> = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 28, BIMONTHLY: 56, QUARTERLY: 84 };

/**
 * A bound that lets the store skip pairs that met recently without reading their evidence: a pair
 * of this cadence with a meeting dated at or after `since`, or a "We met" for a period keyed on or
 * after `sinceKey`, has missed fewer than MISSED_PERIODS_AT_RISK periods at `now`, whenever it
 * started. (The MISSED_PERIODS_AT_RISK periods before the running one have ended, so the first of
 * them began at least that many shortest periods before `now`: a meeting at or after `since` falls
 * in one of them or later. `since` is a day later than that bound, to be safe; a key is a period's
 * first day, and its end of day is at or after `since`.) Not a rule of its own: pairRisk still decides.
 */
export function recentMeetingBound(cadence: Cadence, now: Date): { since: Date; sinceKey: string } {
  const since = new Date(now.getTime() - (MISSED_PERIODS_AT_RISK * SHORTEST_PERIOD_DAYS[cadence] - 1) * DAY_MS);
  return { since, sinceKey: utcDateKey(since.getTime()) };
}

/** Every pair at risk, most urgent first: need help (longest waiting first), then most periods missed. */
export function pairsAtRisk(evidence: readonly MatchEvidence[], now: Date): PairRisk[] {
  const risks = evidence.map((e) => pairRisk(e, now)).filter((r): r is PairRisk => r !== null);
  const rank = (r: PairRisk) => (r.reason.kind === "need_help" ? [0, r.reason.since.getTime()] : [1, -r.reason.missedPeriods]);
  return risks.sort((a, b) => {
    const [ka, va] = rank(a);
    const [kb, vb] = rank(b);
    return ka! - kb! || va! - vb! || a.matchId.localeCompare(b.matchId);
  });
}
