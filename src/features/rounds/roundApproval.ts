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
 * - `sendRoundIntros` opens each group's group DM (conversations.open with several users, as the
 *   /findmentor accept does; Slack returns the same conversation for the same people, so a retry is
 *   harmless), records it once on the group (and match), and queues the introduction through the
 *   outbox with key `round-intro:<group>`. The approve listener runs it at once; the round-intros
 *   job sweeps whatever a crash left, so every group is introduced exactly once.
 */
import type { Db } from "../../store/database.js";
import type { WithMessages } from "../context.js";
import { enqueue } from "../../store/outbox.js";
import { activeMatchCount, createMatch, findMatch, lockMember, setIntroChannel, type MatchRecord } from "../../store/matches.js";
import { activeMatchesOf, createRoundGroup, findRun, markApproved, markDiscarded, memberZones, runGroups, runsAwaitingIntros, setGroupIntroChannel, type GroupRecord, type RunRecord } from "../../store/roundRuns.js";
import { isPairKind, type RoundProposal } from "../../domain/roundProposal.js";
import { RoundMentorFull, RoundPairNotAllowed, RoundProposalChanged, RoundRunNotFound, RoundRunNotInPreview } from "../../domain/errors.js";
import { pairBlocker } from "../../domain/roundSwap.js";
import { audit, type Actor } from "../programs/audit.js";
import type { Payload, RequestMessages } from "../requests/requests.js";
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
        await createRoundGroup(tx, { workspaceId, runId, memberIds: [p.trainee, p.mentor], slot: 0, matchId });
      }
    } else {
      for (const g of proposal.groups) await createRoundGroup(tx, { workspaceId, runId, memberIds: g.members, slot: g.slot, matchId: null });
    }
    if (proposal.speed) {
      const slackOf = (id: string) => proposal.people[id]?.slackUserId ?? "";
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

/** Opens a group DM with these Slack users and returns its id (Slack: conversations.open). */
export type GroupDmOpener = (slackUserIds: string[]) => Promise<string>;

/**
 * Introduces every group of an approved run that has not been introduced yet (see the header).
 * A group Slack refuses now (conversations.open fails) is reported to `onError` and left for the
 * sweep; the rest are still introduced, to go out from `sendFrom` (now, for the approval; the run's
 * real time, for the job). Returns how many introductions were queued by this call.
 */
export async function sendRoundIntros(
  db: Db,
  workspaceId: string,
  runId: string,
  open: GroupDmOpener,
  sendFrom: Date,
  messages: RoundMessages,
  onError: (group: GroupRecord, error: unknown) => void = () => undefined,
): Promise<number> {
  const run = await runOf(db, workspaceId, runId);
  if (run.status !== "APPROVED" || run.round.kind === "SPEED") return 0;
  const label = labelOf(run);
  const crossGroup = readStoredOptions(run.round.options).crossGroup;
  let queued = 0;
  for (const group of await runGroups(db, workspaceId, runId)) {
    if (group.introChannelId || group.slackUserIds.some((u) => !u)) continue;
    try {
      const channel = await open(group.slackUserIds);
      const match = group.matchId ? await findMatch(db, workspaceId, group.matchId) : null;
      const payload = introPayload(label, crossGroup, group, match, channel, messages);
      const done = await db.$transaction(async (tx) => {
        if (!(await setGroupIntroChannel(tx, workspaceId, group.id, channel))) return false;
        if (match) await setIntroChannel(tx, workspaceId, match.id, channel);
        return enqueue(tx, { workspaceId, key: `round-intro:${group.id}`, channel, payload: { ...payload }, notBefore: sendFrom });
      });
      if (done) queued += 1;
    } catch (error) {
      onError(group, error);
    }
  }
  return queued;
}

function introPayload(label: RoundLabel, crossGroup: boolean, group: GroupRecord, match: MatchRecord | null, channel: string, messages: RoundMessages): Payload {
  if (match) return messages.matchIntro({ ...match, introChannelId: channel });
  // Cross-group groups list their mentor first (see roundProposalGroups.ts).
  if (crossGroup) return messages.groupIntro(label, group.slackUserIds[0]!, group.slackUserIds.slice(1));
  return messages.peerIntro(label, group.slackUserIds);
}

/**
 * The sweep: introduces the groups of every approved run that a crash or a Slack failure left
 * un-introduced. A run that fails now is reported to `onError` and tried again next time.
 */
export async function sweepRoundIntros(
  db: Db,
  open: (workspaceId: string) => GroupDmOpener,
  sendFrom: Date,
  messages: RoundMessages,
  onError: (run: { workspaceId: string; runId: string }, error: unknown) => void = () => undefined,
): Promise<number> {
  let queued = 0;
  for (const r of await runsAwaitingIntros(db)) {
    try {
      queued += await sendRoundIntros(db, r.workspaceId, r.runId, open(r.workspaceId), sendFrom, messages, (_group, error) => onError(r, error));
    } catch (error) {
      onError(r, error);
    }
  }
  return queued;
}
