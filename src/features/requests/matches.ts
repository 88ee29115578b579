import type { Cadence } from "../../domain/cadence.js";
import { enqueue } from "../../store/outbox.js";
import { endMatch, findMatch, programDirectors, setCadence, type MatchRecord } from "../../store/matches.js";
import { MatchAlreadyEnded, MatchNotFound } from "../../domain/errors.js";
import type { RequestMessages } from "./requests.js";
import type { ServiceContext, WithMessages } from "../context.js";

/** The match, if `slackUserId` is one of its pair. */
export async function matchOfPair({ db, workspaceId }: ServiceContext, slackUserId: string, matchId: string): Promise<MatchRecord> {
  const match = await findMatch(db, workspaceId, matchId);
  if (!match || (match.trainee.slackUserId !== slackUserId && match.mentor.slackUserId !== slackUserId)) throw new MatchNotFound(matchId);
  return match;
}

/** Either of the pair picks how often they meet (the expectations agreement). */
export async function chooseCadence(ctx: ServiceContext, slackUserId: string, matchId: string, cadence: Cadence): Promise<MatchRecord> {
  const { db, workspaceId } = ctx;
  const match = await matchOfPair(ctx, slackUserId, matchId);
  if (!(await setCadence(db, workspaceId, matchId, cadence))) throw new MatchAlreadyEnded(matchId);
  return { ...match, cadence };
}

/**
 * Either side ends the mentorship. The private note goes to the program's directors only; the
 * other side is told kindly, without it.
 */
export async function endMentorship(ctx: WithMessages<RequestMessages>, slackUserId: string, matchId: string, note: string | null): Promise<MatchRecord> {
  const { db, workspaceId, now, messages } = ctx;
  const match = await matchOfPair(ctx, slackUserId, matchId);
  const endedBy = match.trainee.slackUserId === slackUserId ? match.trainee : match.mentor;
  const other = endedBy === match.trainee ? match.mentor : match.trainee;
  const directors = await programDirectors(db, workspaceId, match.programId);
  await db.$transaction(async (tx) => {
    if (!(await endMatch(tx, workspaceId, matchId, endedBy.memberId, note, now))) throw new MatchAlreadyEnded(matchId);
    await enqueue(tx, { workspaceId, key: `match-ended:${matchId}:${other.memberId}`, channel: other.slackUserId, payload: { ...messages.matchEndedOther(match, slackUserId) }, notBefore: now });
    for (const d of directors.filter((d) => d.memberId !== endedBy.memberId)) {
      await enqueue(tx, { workspaceId, key: `match-ended:${matchId}:${d.memberId}`, channel: d.slackUserId, payload: { ...messages.matchEndedDirector(match, slackUserId, note) }, notBefore: now });
    }
  });
  return { ...match, status: "ENDED" };
}
