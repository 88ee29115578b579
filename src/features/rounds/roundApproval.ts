/**
 * A pairing round's preview, approval, discard and introductions (issue 6, part A).
 *
 * - `sendPreview` queues the preview to a director through the outbox (key
 *   `round-preview:<run>:<user>`), so a job that proposes a run and crashes, or runs on two
 *   instances, sends each director one preview. The director's actions then update that message
 *   in place (chat.update / response_url), never post a second one.
 * - `approveRun` is idempotent: one transaction flips PREVIEW → APPROVED with a conditional update
 *   (a double click or two directors approving at once approve once; the loser is answered with the
 *   winner's approval as stored), only if the proposal is still the one read (an edit that landed in
 *   between is never approved unseen: RoundProposalChanged), re-checks every mentor's room
 *   and that no pair was made meanwhile (a /findmentor accept) under a lock (PostgreSQL row lock;
 *   SQLite serializes writers), creates the Match rows (pair
 *   kinds) and a RoundGroup per pair or group (RoundGroup.matchId set for matches), queues the speed
 *   schedule DMs and the director's summary.
 * - The same transaction queues each group's introduction as an outbox work item (key
 *   `round-intro:<group>`, store/introductions.ts): the outbox opens the group DM, records it on the
 *   group (and match) and posts the introduction once, paced with every other Slack call. Nothing
 *   Slack-bound runs on the approval's own path.
 */
import type { Db, Tx } from "../../store/database.js";
import type { WithMessages } from "../context.js";
import { enqueue } from "../../store/outbox.js";
import { groupIntroKey, queueIntroduction, unintroduced } from "../../store/introductions.js";
import { activeMatchCount, createMatch, findMatch, lockMember, type MatchRecord } from "../../store/matches.js";
import { activeMatchesOf, createRoundGroup, findRun, markApproved, markDiscarded, memberZones, runGroups, type RunRecord } from "../../store/roundRuns.js";
import { isPairKind, type RoundProposal } from "../../domain/roundProposal.js";
import { RoundMentorFull, RoundPairNotAllowed, RoundProposalChanged, RoundRunNotFound, RoundRunNotInPreview } from "../../domain/errors.js";
import { pairBlocker } from "../../domain/roundSwap.js";
import { audit, type Actor } from "../programs/audit.js";
import { queueMatchIntro, type Payload, type RequestMessages } from "../requests/requests.js";
import { roundInputs } from "./roundProposal.js";
import { readStoredOptions } from "../../domain/roundOptions.js";
import { retimeSpeed } from "../../domain/speedRetime.js";

/** What a round is called in messages. */
export interface RoundLabel {
  runId: string;
  roundName: string;
  programName: string;
  cohortName: string | null;
  kind: RoundProposal["kind"];
  scheduledFor: Date;
  timezone: string;
  /** The proposal's version (RoundRun.updatedAt in ms): Approve carries it, so only what was shown is approved. */
  version: number;
}

export interface SpeedSeat {
  rotation: number;
  startsAt: Date;
  endsAt: Date;
  withSlackUserIds: string[];
}

/** The words of the round messages; src/features/rounds/views/preview*.ts writes them. */
export interface RoundMessages {
  preview(round: RoundLabel, proposal: RoundProposal): Payload;
  peerIntro(round: RoundLabel, slackUserIds: string[]): Payload;
  groupIntro(round: RoundLabel, mentorSlackUserId: string, traineeSlackUserIds: string[]): Payload;
  speedSchedule(round: RoundLabel, seats: SpeedSeat[], tz: string): Payload;
  summary(round: RoundLabel, proposal: RoundProposal, approvedBy: string): Payload;
  matchIntro: RequestMessages["intro"];
}

export const labelOf = (run: RunRecord): RoundLabel => ({
  runId: run.id,
  roundName: run.round.name,
  programName: run.round.programName,
  cohortName: run.round.cohortName,
  kind: run.round.kind,
  scheduledFor: run.scheduledFor,
  timezone: run.round.programTimezone,
  version: run.updatedAt.getTime(),
});

async function runOf(db: Db, workspaceId: string, runId: string): Promise<RunRecord> {
  const run = await findRun(db, workspaceId, runId);
  if (!run) throw new RoundRunNotFound(runId);
  return run;
}

/** Queues the preview of a run in PREVIEW to one director (once per run and director), to go out from `sendFrom`. False if it was queued before. */
export async function sendPreview(
  db: Db,
  workspaceId: string,
  runId: string,
  directorSlackUserId: string,
  sendFrom: Date,
  messages: RoundMessages,
): Promise<boolean> {
  const run = await runOf(db, workspaceId, runId);
  if (run.status !== "PREVIEW" || !run.proposal) throw new RoundRunNotInPreview(run.status);
  const payload = messages.preview(labelOf(run), run.proposal as RoundProposal);
  return enqueue(db, { workspaceId, key: `round-preview:${runId}:${directorSlackUserId}`, channel: directorSlackUserId, payload: { ...payload }, notBefore: sendFrom });
}

/** A large round creates hundreds of rows in one transaction; Prisma's default limit is 5 s. */
const APPROVE_TRANSACTION_LIMITS = { timeout: 120_000, maxWait: 30_000 };

export type ApproveOutcome = { outcome: "approved" | "already"; run: RunRecord; proposal: RoundProposal };

/**
 * Approves the run's current proposal (see the header). Throws RoundPairNotAllowed when a pair broke a
 * rule since the preview (someone paused, an exclusion), RoundMentorFull when a mentor's
 * places filled up since the preview (nothing is created; the director re-runs or swaps),
 * RoundProposalChanged when the proposal is not the one the director was shown (`version`, the
 * RoundLabel.version their Approve button carries; without it, the one read here) because another
 * director's edit or re-run changed it, and RoundRunNotInPreview when the run was discarded.
 */
export async function approveRun(ctx: WithMessages<RoundMessages>, by: Actor, runId: string, version?: number): Promise<ApproveOutcome> {
  const { db, now, messages } = ctx;
  const workspaceId = by.workspaceId;
  const run = await runOf(db, workspaceId, runId);
  const shownProposal = run.proposal as RoundProposal | null;
  if (run.status === "APPROVED" && shownProposal) return { outcome: "already", run, proposal: shownProposal };
  if (run.status !== "PREVIEW" || !shownProposal) throw new RoundRunNotInPreview(run.status);
  // Schedules go out now: a speed event whose first rotation has started by now moves to start a little later.
  const proposal = shownProposal.speed ? { ...shownProposal, speed: retimeSpeed(shownProposal.speed, now) } : shownProposal;
  const retimed = proposal.speed !== shownProposal.speed;
  const shown = version === undefined ? run.updatedAt : new Date(version);
  if (shown.getTime() !== run.updatedAt.getTime()) throw new RoundProposalChanged();
  const pairs = isPairKind(proposal.kind);
  const inputs = pairs ? await roundInputs(db, run, now) : null;
  for (const p of pairs ? proposal.pairs : []) {
    const problem = pairBlocker(inputs!, p.trainee, p.mentor);
    if (!problem) continue;
    // A director approving at the same moment may have created these very pairs since the run was read.
    const current = await runOf(db, workspaceId, runId);
    if (current.status === "APPROVED") return lostRace(current);
    throw new RoundPairNotAllowed(p.trainee, p.mentor, problem);
  }
  const label = labelOf(run);
  const crossGroup = readStoredOptions(run.round.options).crossGroup;
  const slackOf = (id: string) => proposal.people[id]?.slackUserId ?? "";
  const introduce = run.round.kind !== "SPEED";
  const zones = proposal.speed ? await memberZones(db, workspaceId, Object.keys(proposal.speed.byPerson)) : new Map<string, string>();

  const approved = await db.$transaction(async (tx) => {
    if (!(await markApproved(tx, workspaceId, runId, by.actor, now, shown, retimed ? proposal : undefined))) return false;
    if (pairs) {
      const perMentor = new Map<string, number>();
      for (const p of proposal.pairs) perMentor.set(p.mentor, (perMentor.get(p.mentor) ?? 0) + 1);
      for (const [mentorId, count] of perMentor) {
        await lockMember(tx, workspaceId, mentorId);
        const capacity = inputs!.mentors.find((x) => x.memberId === mentorId)?.capacity ?? 0;
        if (count > capacity - (await activeMatchCount(tx, workspaceId, mentorId))) throw new RoundMentorFull(mentorId);
      }
      // The rules pairBlocker checked before, again under the locks: a /findmentor accept may have paired them since.
      const held = await activeMatchesOf(tx, workspaceId, proposal.pairs.map((p) => p.trainee));
      for (const p of proposal.pairs) {
        const mine = held.filter((m) => m.traineeId === p.trainee);
        if (mine.some((m) => m.mentorId === p.mentor)) throw new RoundPairNotAllowed(p.trainee, p.mentor, "already_paired");
        if (mine.some((m) => m.role === proposal.role && m.programId === run.round.programId)) throw new RoundPairNotAllowed(p.trainee, p.mentor, "not_in_round");
      }
      for (const p of proposal.pairs) {
        const matchId = await createMatch(tx, { workspaceId, programId: run.round.programId, traineeId: p.trainee, mentorId: p.mentor, role: proposal.role, startedAt: now });
        const groupId = await createRoundGroup(tx, { workspaceId, runId, memberIds: [p.trainee, p.mentor], slot: 0, matchId });
        await queueGroupIntro(tx, { workspaceId, groupId, slackUserIds: [p.trainee, p.mentor].map(slackOf), match: await findMatch(tx, workspaceId, matchId) }, label, crossGroup, messages, now);
      }
    } else {
      for (const g of proposal.groups) {
        const groupId = await createRoundGroup(tx, { workspaceId, runId, memberIds: g.members, slot: g.slot, matchId: null });
        if (introduce) await queueGroupIntro(tx, { workspaceId, groupId, slackUserIds: g.members.map(slackOf), match: null }, label, crossGroup, messages, now);
      }
    }
    if (proposal.speed) {
      for (const [memberId, seats] of Object.entries(proposal.speed.byPerson)) {
        if (seats.length === 0) continue;
        const times = (r: number) => proposal.speed!.rotations.find((x) => x.index === r)!;
        const payload = messages.speedSchedule(
          label,
          seats.map((s) => ({ rotation: s.rotation, startsAt: new Date(times(s.rotation).startsAt), endsAt: new Date(times(s.rotation).endsAt), withSlackUserIds: s.with.map(slackOf) })),
          zones.get(memberId) ?? run.round.programTimezone,
        );
        await enqueue(tx, { workspaceId, key: `round-speed:${runId}:${memberId}`, channel: slackOf(memberId), payload: { ...payload }, notBefore: now });
      }
    }
    await enqueue(tx, { workspaceId, key: `round-summary:${runId}`, channel: by.actor, payload: { ...messages.summary(label, proposal, by.actor) }, notBefore: now });
    const moved = retimed ? { speedMovedFrom: proposal.speed!.movedFrom, speedStartsAt: proposal.speed!.rotations[0]!.startsAt } : {};
    await audit(tx, by, "round.approve", runId, { kind: proposal.kind, pairs: proposal.pairs.length, groups: proposal.groups.length, ...moved }, now);
    return true;
  }, APPROVE_TRANSACTION_LIMITS);
  const after = await runOf(db, workspaceId, runId);
  return approved ? { outcome: "approved", run: after, proposal } : lostRace(after);
}

/**
 * The answer to an approval that lost a race: the approval that won, with the proposal it approved
 * (not the one this caller read, which an edit may have changed since); the proposal changed under
 * the approver (RoundProposalChanged: they look again); or the run was discarded.
 */
function lostRace(run: RunRecord): ApproveOutcome {
  if (run.status === "APPROVED" && run.proposal) return { outcome: "already", run, proposal: run.proposal as RoundProposal };
  if (run.status === "PREVIEW") throw new RoundProposalChanged();
  throw new RoundRunNotInPreview(run.status);
}

/** Discards a run in PREVIEW (nothing is created, nobody is told). */
export async function discardRun(db: Db, by: Actor, runId: string, now: Date): Promise<RunRecord> {
  const run = await runOf(db, by.workspaceId, runId);
  if (!(await markDiscarded(db, by.workspaceId, runId))) throw new RoundRunNotInPreview(run.status);
  await audit(db, by, "round.discard", runId, {}, now);
  return runOf(db, by.workspaceId, runId);
}

/**
 * Queues a round group's introduction (see the header), to go out from `sendFrom`. A group with
 * someone who has no Slack account any more (erased) is not introduced. False if it was queued before.
 */
async function queueGroupIntro(
  db: Db | Tx,
  group: { workspaceId: string; groupId: string; slackUserIds: string[]; match: MatchRecord | null },
  label: RoundLabel,
  crossGroup: boolean,
  messages: RoundMessages,
  sendFrom: Date,
): Promise<boolean> {
  if (group.slackUserIds.some((u) => !u)) return false;
  const message = introPayload(label, crossGroup, group.slackUserIds, group.match, messages);
  const { workspaceId, groupId, slackUserIds, match } = group;
  return queueIntroduction(db, { workspaceId, key: groupIntroKey(groupId), slackUserIds, message: { ...message }, matchId: match?.id ?? null, groupId, notBefore: sendFrom });
}

function introPayload(label: RoundLabel, crossGroup: boolean, slackUserIds: string[], match: MatchRecord | null, messages: RoundMessages): Payload {
  if (match) return messages.matchIntro(match);
  // Cross-group groups list their mentor first (see roundProposalGroups.ts).
  if (crossGroup) return messages.groupIntro(label, slackUserIds[0]!, slackUserIds.slice(1));
  return messages.peerIntro(label, slackUserIds);
}

/**
 * Once at start-up, for a database upgraded from a release that opened group DMs on the request
 * path (and swept up after it with the match-intros and round-intros jobs): queues the introduction
 * of every approved round's group and every accepted match that was never introduced and has none
 * queued, under the keys that release used. Returns how many were queued.
 */
export async function queueMissingIntroductions(db: Db, sendFrom: Date, messages: RoundMessages): Promise<number> {
  const missing = await unintroduced(db);
  let queued = 0;
  for (const runKey of new Set(missing.groups.map((g) => `${g.workspaceId}|${g.runId}`))) {
    const [workspaceId, runId] = runKey.split("|") as [string, string];
    const run = await runOf(db, workspaceId, runId);
    const crossGroup = readStoredOptions(run.round.options).crossGroup;
    const wanted = new Set(missing.groups.filter((g) => g.runId === runId).map((g) => g.groupId));
    for (const g of await runGroups(db, workspaceId, runId)) {
      if (!wanted.has(g.id)) continue;
      const match = g.matchId ? await findMatch(db, workspaceId, g.matchId) : null;
      if (await queueGroupIntro(db, { workspaceId, groupId: g.id, slackUserIds: g.slackUserIds, match }, labelOf(run), crossGroup, messages, sendFrom)) queued += 1;
    }
  }
  for (const { workspaceId, matchId } of missing.matchIds) {
    const match = await findMatch(db, workspaceId, matchId);
    if (match && (await queueMatchIntro(db, match, sendFrom, messages.matchIntro))) queued += 1;
  }
  return queued;
}
