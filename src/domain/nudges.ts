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

/** A check-in answer as the "who asked for help" rules read it. */
export interface AnswerRow {
  periodKey: string;
  /** Default "mentor". */
  recipient?: "mentor" | "trainee";
  answer?: string | null;
  answeredAt?: Date | null;
  answeredById?: string | null;
}

type Pair = { mentor: { memberId: string }; trainee: { memberId: string } };

/**
 * Who of the pair answered "Need help" in `periodKey`: the side of whoever answered (the check-in's
 * recipient when that is not recorded), trainee first. A director is told who asked, not "both".
 */
export function askedForHelp(pair: Pair, rows: readonly AnswerRow[], periodKey: string): ("mentor" | "trainee")[] {
  const sides = new Set<"mentor" | "trainee">();
  for (const r of rows) {
    if (r.periodKey !== periodKey || r.answer !== "NEED_HELP") continue;
    sides.add(r.answeredById === pair.trainee.memberId ? "trainee" : r.answeredById === pair.mentor.memberId ? "mentor" : (r.recipient ?? "mentor"));
  }
  return (["trainee", "mentor"] as const).filter((s) => sides.has(s));
}

/**
 * Who of the pair has a call for help still open: the askers of the latest period someone answered
 * "Need help", unless they have met since (a later "Met" answer, or a meeting logged on or after the
 * day help was asked) — the dashboard's rule for a pair at risk (dashboardRisk.ts). Empty when none.
 */
export function openHelpAskers(pair: Pair, rows: readonly AnswerRow[], lastMeetingOn: Date | null): ("mentor" | "trainee")[] {
  const help = rows.filter((r) => r.answer === "NEED_HELP").sort((a, b) => a.periodKey.localeCompare(b.periodKey)).at(-1);
  if (!help) return [];
  const askedAt = help.answeredAt ?? null;
  const metSince = rows.some((r) => r.answer === "MET" && (r.periodKey > help.periodKey || (askedAt && r.answeredAt && r.answeredAt > askedAt)));
  const loggedSince = lastMeetingOn !== null && askedAt !== null && lastMeetingOn.toISOString().slice(0, 10) >= askedAt.toISOString().slice(0, 10);
  return metSince || loggedSince ? [] : askedForHelp(pair, rows, help.periodKey);
}
