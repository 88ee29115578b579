import type { WithDirectory, WithMessages } from "../context.js";
import type { Db } from "../../store/database.js";
import { findMatchForCheckins, historyOfMatch, memberIdOf, type MatchOfCheckin } from "../../store/checkins.js";
import { askedForHelp } from "../../domain/nudges.js";
import { MatchAlreadyEnded, MatchNotFound } from "../../domain/errors.js";
import { endForDirector, queueNudges } from "../dashboard-reports/pairActions.js";
import { effectiveCadence } from "../../domain/cadence.js";
import { requireDirector } from "../programs/directors.js";
import type { CheckinMessages } from "./checkins.js";
import type { SlackDirectory } from "../ports.js";

export interface EscalationTarget {
  matchId: string;
  periodKey: string;
}

async function directorsMatch(db: Db, directory: SlackDirectory, workspaceId: string, slackUserId: string, matchId: string, now: Date) {
  const director = await requireDirector(db, directory, workspaceId, slackUserId, now);
  const match = await findMatchForCheckins(db, workspaceId, matchId);
  if (!match) throw new MatchNotFound(matchId);
  return { director, match };
}

/**
 * "Nudge both": a DM to the mentor and to the trainee, once per check-in period (a second click, by
 * this or another director, or the dashboard's Nudge both, sends nothing more: the outbox keys are
 * shared). Worded for why: after "Need help" in that period, as a check-in (views/checkins nudgeMessage).
 * Audited. `sent` is false when it had been sent.
 */
export async function nudgeBoth(
  ctx: WithDirectory & WithMessages<CheckinMessages>,
  slackUserId: string,
  target: EscalationTarget,
): Promise<{ match: MatchOfCheckin; sent: boolean }> {
  const { db, directory, workspaceId, now, messages } = ctx;
  const { director, match } = await directorsMatch(db, directory, workspaceId, slackUserId, target.matchId, now);
  if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(match.id);
  const timeline = { id: match.id, startedAt: match.startedAt, cadence: effectiveCadence(match.cadence, match.programCadence) };
  const askedBy = askedForHelp(match, await historyOfMatch(db, workspaceId, match.id), target.periodKey);
  const notices = (["mentor", "trainee"] as const).map((to) => ({ to, channel: match[to].dmChannel, payload: messages.nudge(match, to, slackUserId, askedBy) }));
  const sent = await queueNudges(db, director, timeline, notices, now, { periodKey: target.periodKey });
  return { match, sent };
}

/**
 * A director ends a stuck match ("End match"), or ends it so the trainee can be paired again
 * ("Reassign": the trainee is told to pick a new mentor with /findmentor). Both people are told;
 * the change is audited. MatchAlreadyEnded if it had ended.
 */
export async function endMatchAsDirector(
  ctx: WithDirectory & WithMessages<CheckinMessages>,
  slackUserId: string,
  target: EscalationTarget,
  reassign: boolean,
): Promise<MatchOfCheckin> {
  const { db, directory, workspaceId, now, messages } = ctx;
  const { director, match } = await directorsMatch(db, directory, workspaceId, slackUserId, target.matchId, now);
  const directorMemberId = await memberIdOf(db, workspaceId, slackUserId);
  const notices = (["mentor", "trainee"] as const).map((to) => ({ to, channel: match[to].dmChannel, payload: messages.endedByDirector(match, to, reassign, slackUserId) }));
  const details = { periodKey: target.periodKey, trainee: match.trainee.slackUserId, mentor: match.mentor.slackUserId };
  const ended = { id: match.id, endedById: directorMemberId ?? slackUserId };
  await endForDirector(db, director, ended, notices, `match-ended-by-director:${match.id}`, reassign ? "match.reassign" : "match.end", details, now);
  return { ...match, status: "ENDED" };
}
