import type { Db, Tx } from "./database.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { RoundKind, RoundRunStatus } from "../generated/sqlite/enums.js";
import type { ProfileData } from "../domain/profile.js";
import { PROFILE_SELECT, profileFromRow } from "./profiles.js";

/**
 * Pairing-round runs as the preview and approval see them: the run with its round, everything a
 * proposal is computed from (in a fixed number of queries, filtered through relations rather than
 * id lists), the stored proposal, and the conditional status changes. Scoped by workspace.
 */

export interface RunRecord {
  id: string;
  workspaceId: string;
  status: RoundRunStatus;
  scheduledFor: Date;
  proposal: unknown;
  updatedAt: Date;
  approvedAt: Date | null;
  approvedById: string | null;
  round: {
    id: string;
    name: string;
    kind: RoundKind;
    options: unknown;
    programId: string;
    programName: string;
    programTimezone: string;
    programDefaultCapacity: number;
    programVocabulary: unknown;
    cohortId: string | null;
    cohortName: string | null;
    createdById: string;
  };
}

export async function findRun(db: Db | Tx, workspaceId: string, runId: string): Promise<RunRecord | null> {
  const r = await db.roundRun.findFirst({
    where: { workspaceId, id: runId },
    select: {
      id: true,
      workspaceId: true,
      status: true,
      scheduledFor: true,
      proposal: true,
      updatedAt: true,
      approvedAt: true,
      approvedById: true,
      round: {
        select: {
          id: true,
          name: true,
          kind: true,
          options: true,
          programId: true,
          cohortId: true,
          createdById: true,
          program: { select: { name: true, timezone: true, defaultCapacity: true, vocabulary: true, cohorts: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  if (!r) return null;
  const { program, ...round } = r.round;
  return {
    ...r,
    round: {
      ...round,
      programName: program.name,
      programTimezone: program.timezone,
      programDefaultCapacity: program.defaultCapacity,
      programVocabulary: program.vocabulary,
      cohortName: program.cohorts.find((c) => c.id === round.cohortId)?.name ?? null,
    },
  };
}

export interface ParticipantRow {
  memberId: string;
  slackUserId: string;
  name: string;
  profile: ProfileData | null;
  pausedAt: Date | null;
  pausedUntil: Date | null;
  cohortId: string | null;
}

export interface RoundData {
  trainees: ParticipantRow[];
  mentors: ParticipantRow[];
  skipped: string[];
  exclusions: [string, string][];
  /** Matches (any status) that involve a trainee or mentor of the program. */
  matches: { traineeId: string; mentorId: string; role: string; programId: string; status: "ACTIVE" | "ENDED" }[];
  /** Member ids of each group earlier approved runs of this round made. */
  pastGroups: string[][];
  approvedBefore: number;
  rankings: Record<string, string[]>;
}

const strings = (json: unknown): string[] => (Array.isArray(json) ? json.filter((x): x is string => typeof x === "string") : []);

/** Everything a run's proposal is computed from. Trainees come from the round's cohort (or the whole program); mentors from the program. */
export async function loadRoundData(db: Db, run: RunRecord): Promise<RoundData> {
  const workspaceId = run.workspaceId;
  const { programId, cohortId, id: roundId } = run.round;
  const enrollments = await db.enrollment.findMany({
    where: {
      workspaceId,
      programId,
      member: { erasedAt: null },
      OR: [{ role: "TRAINEE", ...(cohortId ? { cohortId } : {}) }, { role: "MENTOR" }],
    },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      cohortId: true,
      member: { select: { id: true, slackUserId: true, name: true, pausedAt: true, pausedUntil: true, profile: { select: PROFILE_SELECT } } },
    },
  });
  const inProgram = { enrollments: { some: { workspaceId, programId } } };
  const [skips, exclusions, matches, groups, approvedBefore, rankings] = await Promise.all([
    db.roundSkip.findMany({ where: { workspaceId, runId: run.id }, select: { memberId: true } }),
    db.exclusion.findMany({ where: { workspaceId, OR: [{ member: inProgram }, { excluded: inProgram }] }, select: { memberId: true, excludedId: true } }),
    db.match.findMany({
      where: { workspaceId, OR: [{ trainee: inProgram }, { mentor: inProgram }] },
      select: { traineeId: true, mentorId: true, role: true, programId: true, status: true },
    }),
    db.roundGroup.findMany({
      where: { workspaceId, run: { roundId, status: "APPROVED", id: { not: run.id } } },
      select: { memberIds: true },
    }),
    db.roundRun.count({ where: { workspaceId, roundId, status: "APPROVED", id: { not: run.id } } }),
    db.roundRanking.findMany({ where: { workspaceId, runId: run.id }, select: { memberId: true, ranks: true } }),
  ]);
  const row = (e: (typeof enrollments)[number]): ParticipantRow => ({
    memberId: e.member.id,
    slackUserId: e.member.slackUserId,
    name: e.member.name,
    profile: e.member.profile ? profileFromRow(e.member.profile) : null,
    pausedAt: e.member.pausedAt,
    pausedUntil: e.member.pausedUntil,
    cohortId: e.cohortId,
  });
  return {
    trainees: enrollments.filter((e) => e.role === "TRAINEE").map(row),
    mentors: enrollments.filter((e) => e.role === "MENTOR").map(row),
    skipped: skips.map((s) => s.memberId),
    exclusions: exclusions.map((x) => [x.memberId, x.excludedId]),
    matches,
    pastGroups: groups.map((g) => strings(g.memberIds)),
    approvedBefore,
    rankings: Object.fromEntries(rankings.map((r) => [r.memberId, strings(r.ranks)])),
  };
}

/** Stores a fresh proposal and puts the run in PREVIEW, unless it was already approved or discarded. */
export async function saveProposal(db: Db | Tx, workspaceId: string, runId: string, proposal: object): Promise<boolean> {
  const { count } = await db.roundRun.updateMany({
    where: { workspaceId, id: runId, status: { notIn: ["APPROVED", "DISCARDED"] } },
    data: { proposal: proposal as Prisma.InputJsonValue, status: "PREVIEW" },
  });
  return count === 1;
}

/**
 * Replaces the proposal of a run still in PREVIEW, only if nobody changed it since `seenAt`
 * (two directors editing at once: the second is told to look again, not silently overwritten).
 */
export async function replaceProposal(db: Db | Tx, workspaceId: string, runId: string, seenAt: Date, proposal: object): Promise<boolean> {
  const { count } = await db.roundRun.updateMany({
    where: { workspaceId, id: runId, status: "PREVIEW", updatedAt: seenAt },
    data: { proposal: proposal as Prisma.InputJsonValue },
  });
  return count === 1;
}

/**
 * PREVIEW → APPROVED, once, and only the proposal the approver read (unchanged since `seenAt`): the
 * loser of two racing approvals (or a double click), or an approval that an edit overtook, gets false.
 * `approved` replaces the stored proposal when approval changed it (a speed schedule moved to start later).
 */
export async function markApproved(tx: Tx, workspaceId: string, runId: string, by: string, now: Date, seenAt: Date, approved?: object): Promise<boolean> {
  const { count } = await tx.roundRun.updateMany({
    where: { workspaceId, id: runId, status: "PREVIEW", updatedAt: seenAt },
    data: { status: "APPROVED", approvedAt: now, approvedById: by, ...(approved ? { proposal: approved as Prisma.InputJsonValue } : {}) },
  });
  return count === 1;
}

/** The active matches these trainees hold (any mentor, role, program): the approval's re-check under its locks. */
export async function activeMatchesOf(tx: Db | Tx, workspaceId: string, traineeIds: string[]): Promise<{ traineeId: string; mentorId: string; role: string; programId: string }[]> {
  if (traineeIds.length === 0) return [];
  return tx.match.findMany({ where: { workspaceId, status: "ACTIVE", traineeId: { in: traineeIds } }, select: { traineeId: true, mentorId: true, role: true, programId: true } });
}

export async function markDiscarded(db: Db | Tx, workspaceId: string, runId: string): Promise<boolean> {
  const { count } = await db.roundRun.updateMany({ where: { workspaceId, id: runId, status: "PREVIEW" }, data: { status: "DISCARDED" } });
  return count === 1;
}

export async function createRoundGroup(
  tx: Tx,
  data: { workspaceId: string; runId: string; memberIds: string[]; slot: number; matchId: string | null },
): Promise<string> {
  const g = await tx.roundGroup.create({ data: { ...data, memberIds: data.memberIds }, select: { id: true } });
  return g.id;
}

export interface GroupRecord {
  id: string;
  runId: string;
  memberIds: string[];
  slot: number;
  matchId: string | null;
  introChannelId: string | null;
  slackUserIds: string[];
}

/** A run's groups with their members' Slack ids, in creation order. */
export async function runGroups(db: Db | Tx, workspaceId: string, runId: string): Promise<GroupRecord[]> {
  const groups = await db.roundGroup.findMany({ where: { workspaceId, runId }, orderBy: [{ slot: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
  const ids = [...new Set(groups.flatMap((g) => strings(g.memberIds)))];
  const members = ids.length ? await db.member.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, slackUserId: true } }) : [];
  const slackOf = new Map(members.map((m) => [m.id, m.slackUserId] as const));
  return groups.map((g) => {
    const memberIds = strings(g.memberIds);
    return { id: g.id, runId: g.runId, memberIds, slot: g.slot, matchId: g.matchId, introChannelId: g.introChannelId, slackUserIds: memberIds.map((m) => slackOf.get(m) ?? "") };
  });
}

/** Records the group DM once (a second writer after a crash or on another instance keeps the first). */
export async function setGroupIntroChannel(db: Db | Tx, workspaceId: string, groupId: string, channelId: string): Promise<boolean> {
  const { count } = await db.roundGroup.updateMany({ where: { workspaceId, id: groupId, introChannelId: null }, data: { introChannelId: channelId } });
  return count === 1;
}

/** Each member's own time zone (for messages with times in them). */
export async function memberZones(db: Db | Tx, workspaceId: string, memberIds: string[]): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db.member.findMany({ where: { workspaceId, id: { in: memberIds } }, select: { id: true, tz: true } });
  return new Map(rows.map((r) => [r.id, r.tz] as const));
}
