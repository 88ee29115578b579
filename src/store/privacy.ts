import type { Db } from "./database.js";

export const ERASED_NAME = "Former member";

export interface ErasureCounts {
  profiles: number;
  exclusions: number;
  enrollments: number;
  goals: number;
  /** Active mentorships ended (the other person keeps the history, anonymised). */
  matchesEnded: number;
  /** Pending requests to or from this person, withdrawn. */
  requestsWithdrawn: number;
}

/**
 * Deletes what a person told Rounds and scrubs their member row, in one transaction. The row
 * itself stays so history that points at it stays valid, but it holds nothing personal and no
 * longer links to the Slack user (slackUserId becomes `erased:<id>`), so the same person returns
 * as a new member. The audit row records counts only.
 */
export async function eraseMember(db: Db, workspaceId: string, memberId: string, now: Date): Promise<ErasureCounts> {
  return db.$transaction(async (tx) => {
    const profiles = await tx.profile.deleteMany({ where: { workspaceId, memberId } });
    const exclusions = await tx.exclusion.deleteMany({ where: { workspaceId, OR: [{ memberId }, { excludedId: memberId }] } });
    const enrollments = await tx.enrollment.deleteMany({ where: { workspaceId, memberId } });
    const goals = await tx.goal.deleteMany({ where: { workspaceId, memberId } });
    const matchesEnded = await tx.match.updateMany({
      where: { workspaceId, status: "ACTIVE", OR: [{ traineeId: memberId }, { mentorId: memberId }] },
      data: { status: "ENDED", endedAt: now, endedById: memberId },
    });
    const requestsWithdrawn = await tx.mentorRequest.updateMany({
      where: { workspaceId, status: "PENDING", OR: [{ traineeId: memberId }, { mentorId: memberId }] },
      data: { status: "WITHDRAWN", respondedAt: now },
    });
    // What they wrote to mentors in requests is theirs: it goes too.
    await tx.mentorRequest.updateMany({ where: { workspaceId, traineeId: memberId }, data: { message: "", goal: null } });
    await tx.member.updateMany({
      where: { workspaceId, id: memberId },
      data: {
        slackUserId: `erased:${memberId}`,
        name: ERASED_NAME,
        realName: null,
        email: null,
        tz: "UTC",
        isAdmin: false,
        isOwner: false,
        dmChannelId: null,
        directorGrantedAt: null,
        directorGrantedBy: null,
        pausedAt: null,
        pausedUntil: null,
        erasedAt: now,
      },
    });
    const counts = {
      profiles: profiles.count,
      exclusions: exclusions.count,
      enrollments: enrollments.count,
      goals: goals.count,
      matchesEnded: matchesEnded.count,
      requestsWithdrawn: requestsWithdrawn.count,
    };
    await tx.auditLog.create({
      data: { workspaceId, actor: `erased:${memberId}`, action: "member.erased", target: memberId, details: counts, createdAt: now },
    });
    return counts;
  });
}
