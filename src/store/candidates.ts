import type { Db } from "./database.js";
import type { ProfileData } from "../domain/profile.js";
import { PROFILE_SELECT, profileFromRow } from "./profiles.js";

/**
 * Everything /findmentor's ranking needs about the mentors of some programs, relative to one
 * trainee, in a fixed number of queries (no query per mentor). Scoped by the workspace.
 */

export interface MentorRow {
  memberId: string;
  slackUserId: string;
  name: string;
  profile: ProfileData | null;
  pausedAt: Date | null;
  pausedUntil: Date | null;
  /** Defaults of the programs (among those asked) in which this person mentors. */
  programDefaults: number[];
  /** Program ids (among those asked) in which this person mentors. */
  programIds: string[];
  activeMentees: number;
  /** Hours each answered request took, for the responsiveness median. */
  replyHours: number[];
  rolesWithTrainee: string[];
  declinedTraineeAt: Date[];
  excluded: boolean;
}

export async function mentorsForTrainee(
  db: Db,
  workspaceId: string,
  traineeId: string,
  programIds: string[],
): Promise<MentorRow[]> {
  if (programIds.length === 0) return [];
  const enrollments = await db.enrollment.findMany({
    where: { workspaceId, programId: { in: programIds }, role: "MENTOR", member: { erasedAt: null } },
    select: {
      programId: true,
      program: { select: { defaultCapacity: true } },
      member: {
        select: {
          id: true,
          slackUserId: true,
          name: true,
          pausedAt: true,
          pausedUntil: true,
          profile: { select: PROFILE_SELECT },
        },
      },
    },
  });
  const byMember = new Map<string, MentorRow>();
  for (const e of enrollments) {
    const m = e.member;
    const row =
      byMember.get(m.id) ??
      ({
        memberId: m.id,
        slackUserId: m.slackUserId,
        name: m.name,
        profile: m.profile ? profileFromRow(m.profile) : null,
        pausedAt: m.pausedAt,
        pausedUntil: m.pausedUntil,
        programDefaults: [],
        programIds: [],
        activeMentees: 0,
        replyHours: [],
        rolesWithTrainee: [],
        declinedTraineeAt: [],
        excluded: false,
      } satisfies MentorRow);
    row.programDefaults.push(e.program.defaultCapacity);
    row.programIds.push(e.programId);
    byMember.set(m.id, row);
  }
  if (byMember.size === 0) return [];
  // Filter through the enrollment relation, not an id list: a list of thousands of mentor ids
  // exceeds SQLite's 999 bound parameters.
  const mentorsOfPrograms = { enrollments: { some: { workspaceId, programId: { in: programIds }, role: "MENTOR" as const } } };
  const [load, answered, mine, declined, exclusions] = await Promise.all([
    db.match.groupBy({ by: ["mentorId"], where: { workspaceId, status: "ACTIVE", mentor: mentorsOfPrograms }, _count: { _all: true } }),
    db.mentorRequest.findMany({
      where: { workspaceId, mentor: mentorsOfPrograms, respondedAt: { not: null }, status: { in: ["ACCEPTED", "DECLINED"] } },
      select: { mentorId: true, createdAt: true, respondedAt: true },
    }),
    db.match.findMany({ where: { workspaceId, status: "ACTIVE", traineeId }, select: { mentorId: true, role: true } }),
    db.mentorRequest.findMany({
      where: { workspaceId, traineeId, status: "DECLINED" },
      select: { mentorId: true, respondedAt: true, updatedAt: true },
    }),
    db.exclusion.findMany({
      where: { workspaceId, OR: [{ memberId: traineeId }, { excludedId: traineeId }] },
      select: { memberId: true, excludedId: true },
    }),
  ]);
  for (const l of load) {
    const row = byMember.get(l.mentorId);
    if (row) row.activeMentees = l._count._all;
  }
  for (const a of answered) {
    byMember.get(a.mentorId)?.replyHours.push((a.respondedAt!.getTime() - a.createdAt.getTime()) / 3_600_000);
  }
  for (const m of mine) byMember.get(m.mentorId)?.rolesWithTrainee.push(m.role);
  for (const d of declined) byMember.get(d.mentorId)?.declinedTraineeAt.push(d.respondedAt ?? d.updatedAt);
  for (const x of exclusions) {
    const other = x.memberId === traineeId ? x.excludedId : x.memberId;
    const row = byMember.get(other);
    if (row) row.excluded = true;
  }
  return [...byMember.values()];
}
