import type { Db } from "../store/database.js";
import { enqueue } from "../store/outbox.js";
import { endMatch } from "../store/matches.js";
import { findMatchForCheckins, memberIdOf, type MatchOfCheckin } from "../store/checkins.js";
import { MatchAlreadyEnded, MatchNotFound } from "../domain/errors.js";
import { effectiveCadence } from "../domain/cadence.js";
import { nudgeKey, nudgePeriod } from "../domain/nudges.js";
import { audit } from "./audit.js";
import { requireDirector } from "./directors.js";
import type { CheckinMessages } from "./checkins.js";
import type { SlackDirectory } from "./ports.js";

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
 * shared). Audited. `sent` is false when it had been sent.
 */
export async function nudgeBoth(
  db: Db,
  directory: SlackDirectory,
  workspaceId: string,
  slackUserId: string,
  target: EscalationTarget,
  now: Date,
  messages: CheckinMessages,
): Promise<{ match: MatchOfCheckin; sent: boolean }> {
  const { director, match } = await directorsMatch(db, directory, workspaceId, slackUserId, target.matchId, now);
  if (match.status !== "ACTIVE") throw new MatchAlreadyEnded(match.id);
  const period = nudgePeriod({ startedAt: match.startedAt, cadence: effectiveCadence(match.cadence, match.programCadence) }, now);
  const sent = await db.$transaction(async (tx) => {
    let any = false;
    for (const side of ["mentor", "trainee"] as const) {
      const payload = { ...messages.nudge(match, side, slackUserId) };
      if (await enqueue(tx, { workspaceId, key: nudgeKey(match.id, period, side), channel: match[side].dmChannel, payload, notBefore: now })) any = true;
    }
    if (any) await audit(tx, director, "match.nudge", match.id, { periodKey: target.periodKey, period }, now);
    return any;
  });
  return { match, sent };
}

/**
 * A director ends a stuck match ("End match"), or ends it so the trainee can be paired again
 * ("Reassign": the trainee is told to pick a new mentor with /findmentor). Both people are told;
 * the change is audited. MatchAlreadyEnded if it had ended.
 */
export async function endMatchAsDirector(
  db: Db,
  directory: SlackDirectory,
  workspaceId: string,
  slackUserId: string,
  target: EscalationTarget,
  reassign: boolean,
  now: Date,
  messages: CheckinMessages,
): Promise<MatchOfCheckin> {
  const { director, match } = await directorsMatch(db, directory, workspaceId, slackUserId, target.matchId, now);
  const directorMemberId = await memberIdOf(db, workspaceId, slackUserId);
  await db.$transaction(async (tx) => {
    if (!(await endMatch(tx, workspaceId, match.id, directorMemberId ?? slackUserId, null, now))) throw new MatchAlreadyEnded(match.id);
    for (const side of ["mentor", "trainee"] as const) {
      const key = `match-ended-by-director:${match.id}:${side}`;
      await enqueue(tx, { workspaceId, key, channel: match[side].dmChannel, payload: { ...messages.endedByDirector(match, side, reassign, slackUserId) }, notBefore: now });
    }
    await audit(tx, director, reassign ? "match.reassign" : "match.end", match.id, { periodKey: target.periodKey, trainee: match.trainee.slackUserId, mentor: match.mentor.slackUserId }, now);
  });
  return { ...match, status: "ENDED" };
}
