import type { Db, Tx } from "./database.js";
import { enqueue } from "./outbox.js";
import { matchesAwaitingIntro, setIntroChannel } from "./matches.js";
import { setGroupIntroChannel } from "./roundRuns.js";

/**
 * An introduction is one outbox row of kind INTRO: `channel` holds the people (comma-separated user
 * ids, the argument of conversations.open), the payload the message and where to record the group
 * DM once it is opened. The outbox opens the DM, records it, and posts the message there once
 * (src/slack/outboxIntro.ts). Queued in the same transaction as the match or the round's groups,
 * so nothing is ever made without its introduction.
 */
export interface IntroPayload {
  /** chat.postMessage arguments other than channel and metadata. */
  message: Record<string, unknown>;
  matchId: string | null;
  groupId: string | null;
}

/** Later than any match was made (and within what both databases store). */
const LATEST_DATE = new Date("9999-12-31T00:00:00Z");

/** The key of a match's introduction (a mentor accepted a request). */
export const matchIntroKey = (matchId: string) => `intro:${matchId}`;
/** The key of a pairing round's group introduction (the group's match, if any, is introduced with it). */
export const groupIntroKey = (groupId: string) => `round-intro:${groupId}`;

/** Queues an introduction; false if one with this key was queued before. */
export async function queueIntroduction(
  db: Db | Tx,
  intro: { workspaceId: string; key: string; slackUserIds: readonly string[]; message: Record<string, unknown>; matchId: string | null; groupId: string | null; notBefore: Date },
): Promise<boolean> {
  const payload: IntroPayload = { message: intro.message, matchId: intro.matchId, groupId: intro.groupId };
  return enqueue(db, { workspaceId: intro.workspaceId, key: intro.key, channel: intro.slackUserIds.join(","), payload: { ...payload }, notBefore: intro.notBefore, kind: "INTRO" });
}

/** Records the opened group DM on the match and the round group (the same conversation each time Slack is asked). */
export async function recordIntroChannel(db: Db, workspaceId: string, payload: IntroPayload, channelId: string): Promise<void> {
  if (payload.matchId) await setIntroChannel(db, workspaceId, payload.matchId, channelId);
  if (payload.groupId) await setGroupIntroChannel(db, workspaceId, payload.groupId, channelId);
}

/**
 * For databases upgraded from a release that opened group DMs on the request path: approved
 * rounds' groups and accepted matches that were never introduced (no group DM recorded) and have
 * no introduction queued (matches a round made are its groups'). Keys are the ones that release used, so anything it queued is not queued again.
 */
export async function unintroduced(db: Db): Promise<{ groups: { workspaceId: string; runId: string; groupId: string }[]; matchIds: { workspaceId: string; matchId: string }[] }> {
  const groups = await db.roundGroup.findMany({
    where: { introChannelId: null, run: { status: "APPROVED", round: { kind: { not: "SPEED" } } } },
    select: { id: true, workspaceId: true, runId: true },
  });
  const matches = await matchesAwaitingIntro(db, LATEST_DATE, 10_000); // made at any time
  const queued = new Set(
    (
      await db.outboxMessage.findMany({
        where: { key: { in: [...groups.map((g) => groupIntroKey(g.id)), ...matches.map((m) => matchIntroKey(m.id))] } },
        select: { workspaceId: true, key: true },
      })
    ).map((r) => `${r.workspaceId}|${r.key}`),
  );
  return {
    groups: groups.filter((g) => !queued.has(`${g.workspaceId}|${groupIntroKey(g.id)}`)).map((g) => ({ workspaceId: g.workspaceId, runId: g.runId, groupId: g.id })),
    matchIds: matches.filter((m) => !queued.has(`${m.workspaceId}|${matchIntroKey(m.id)}`)).map((m) => ({ workspaceId: m.workspaceId, matchId: m.id })),
  };
}
