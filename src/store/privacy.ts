import type { Db, Tx } from "./database.js";
import { enqueue, queueHomeRefreshes, type OutgoingMessage } from "./outbox.js";
import { lockMember } from "./matches.js";

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
  /** Surveys they were asked (their anonymous answers, never linked to them, stay). */
  surveyInvitations: number;
  /** Their career round-table choices and seats (other trainees keep theirs; a session goes on without them). */
  roundTableChoices: number;
  roundTableSeats: number;
}

/** Someone whose mentorship or request with a person ends when that person deletes their data. */
export interface PartyToTell {
  slackUserId: string;
  /** What ends: an active mentorship (they were its mentor or trainee), or their request to the person. */
  kind: "mentorship-as-mentor" | "mentorship-as-trainee" | "request";
  role: string;
  programName: string;
}

/** Who to tell when `memberId` deletes their data: the other side of each active mentorship, and each trainee whose request to them is waiting. */
export async function partiesToTell(db: Db, workspaceId: string, memberId: string): Promise<PartyToTell[]> {
  const person = { select: { slackUserId: true, erasedAt: true } } as const;
  const [matches, requests] = await Promise.all([
    db.match.findMany({
      where: { workspaceId, status: "ACTIVE", OR: [{ traineeId: memberId }, { mentorId: memberId }] },
      select: { traineeId: true, role: true, program: { select: { name: true } }, trainee: person, mentor: person },
    }),
    db.mentorRequest.findMany({ where: { workspaceId, status: "PENDING", mentorId: memberId }, select: { role: true, program: { select: { name: true } }, trainee: person } }),
  ]);
  const told: PartyToTell[] = [];
  for (const m of matches) {
    const leaverIsTrainee = m.traineeId === memberId;
    const other = leaverIsTrainee ? m.mentor : m.trainee;
    if (!other.erasedAt) told.push({ slackUserId: other.slackUserId, kind: leaverIsTrainee ? "mentorship-as-mentor" : "mentorship-as-trainee", role: m.role, programName: m.program.name });
  }
  for (const r of requests) if (!r.trainee.erasedAt) told.push({ slackUserId: r.trainee.slackUserId, kind: "request", role: r.role, programName: r.program.name });
  return told;
}

/**
 * Deletes what a person told Rounds (PERSON_COLUMNS says what happens to each column that holds a
 * member id) and scrubs their member row, in one transaction (with
 * `notices`, the DMs telling the other side of what ended). The row
 * itself stays so history that points at it stays valid, but it holds nothing personal and no
 * longer links to the Slack user (slackUserId becomes `erased:<id>`), so the same person returns
 * as a new member. The audit row records counts only.
 */
export async function eraseMember(db: Db, workspaceId: string, memberId: string, now: Date, notices: readonly OutgoingMessage[] = []): Promise<ErasureCounts> {
  return db.$transaction(async (tx) => {
    // Their own row's lock first, as an accept takes its mentor's before touching requests: a mentor
    // deleting their data while a request to them is being accepted waits instead of deadlocking.
    await lockMember(tx, workspaceId, memberId);
    // A cohort is not personal data: each of their matches as a trainee keeps the cohort they were in.
    const cohorts = await tx.enrollment.findMany({ where: { workspaceId, memberId, role: "TRAINEE", cohortId: { not: null } }, select: { programId: true, cohort: { select: { name: true } } } });
    for (const c of cohorts) {
      if (c.cohort) await tx.match.updateMany({ where: { workspaceId, traineeId: memberId, programId: c.programId }, data: { cohortName: c.cohort.name } });
    }
    const profiles = await tx.profile.deleteMany({ where: { workspaceId, memberId } });
    const exclusions = await tx.exclusion.deleteMany({ where: { workspaceId, OR: [{ memberId }, { excludedId: memberId }] } });
    const enrollments = await tx.enrollment.deleteMany({ where: { workspaceId, memberId } });
    const goals = await tx.goal.deleteMany({ where: { workspaceId, memberId } });
    // Who was asked which survey, and whether they answered. The answers themselves hold no link to anyone: they stay.
    const surveyInvitations = await tx.surveyInvitation.deleteMany({ where: { workspaceId, memberId } });
    const roundTableSeats = await tx.roundTableSeat.deleteMany({ where: { workspaceId, memberId } });
    const roundTableChoices = await tx.roundTableChoice.deleteMany({ where: { workspaceId, memberId } });
    // Whoever shared an active match or a waiting request with them sees it on their Home: republished once this commits.
    const counterparts = await counterpartsOf(tx, workspaceId, memberId);
    await queueHomeRefreshes(tx, workspaceId, counterparts, now);
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
      surveyInvitations: surveyInvitations.count,
      roundTableChoices: roundTableChoices.count,
      roundTableSeats: roundTableSeats.count,
    };
    for (const n of notices) await enqueue(tx, n);
    await tx.auditLog.create({
      data: { workspaceId, actor: `erased:${memberId}`, action: "member.erased", target: memberId, details: counts, createdAt: now },
    });
    return counts;
  });
}

/** The Slack ids of the people on the other side of a member's active matches and waiting requests. */
async function counterpartsOf(tx: Tx, workspaceId: string, memberId: string): Promise<string[]> {
  const side = { OR: [{ traineeId: memberId }, { mentorId: memberId }] };
  // One query at a time: a transaction is one connection.
  const matches = await tx.match.findMany({ where: { workspaceId, status: "ACTIVE", ...side }, select: { traineeId: true, mentorId: true } });
  const requests = await tx.mentorRequest.findMany({ where: { workspaceId, status: "PENDING", ...side }, select: { traineeId: true, mentorId: true } });
  const others = [...matches, ...requests].map((x) => (x.traineeId === memberId ? x.mentorId : x.traineeId));
  if (others.length === 0) return [];
  const members = await tx.member.findMany({ where: { workspaceId, id: { in: others } }, select: { slackUserId: true } });
  return members.map((m) => m.slackUserId);
}

/** What erasure does with a column that holds a person's member id. */
export interface PersonColumn {
  /**
   * deleted: the rows with their id go (eraseMember). history: the row stays, a record shared with
   * others (a mentorship, a round, a thank-you), pointing at the member row erasure anonymises.
   */
  erasure: "deleted" | "history";
  /** Whether "Your data in Rounds" (privacyReport) shows the person these rows. */
  shown: boolean;
}

const DELETED_SHOWN: PersonColumn = { erasure: "deleted", shown: true };
const DELETED: PersonColumn = { erasure: "deleted", shown: false };
const HISTORY: PersonColumn = { erasure: "history", shown: false };

/**
 * Every column of prisma/schema.prisma (models other than Member) that holds a member id, and what
 * erasure and "Your data in Rounds" do with it. test/integration/erasureCoverage.test.ts fails when
 * a column that holds a person is missing here, so a new table says what becomes of it, and deletes
 * each "deleted" column's rows for a member.
 */
export const PERSON_COLUMNS: Record<string, Record<string, PersonColumn>> = {
  Enrollment: { memberId: DELETED_SHOWN },
  Profile: { memberId: DELETED_SHOWN },
  /** Their own list is shown as a count; others' entries about them are deleted, never shown. */
  Exclusion: { memberId: DELETED_SHOWN, excludedId: DELETED },
  Goal: { memberId: DELETED_SHOWN },
  /** Who was asked which survey, and whether they answered. */
  SurveyInvitation: { memberId: DELETED_SHOWN, mentorId: HISTORY },
  /** Anonymous answers: the mentor a mentee's answers are about, for per-mentor averages; no link to who answered. */
  SurveyResponse: { mentorId: HISTORY },
  RoundTableChoice: { memberId: DELETED_SHOWN },
  RoundTableSeat: { memberId: DELETED_SHOWN },
  /** A mentor's table: the trainees seated at it keep their schedule. */
  RoundTableHost: { memberId: { erasure: "history", shown: true } },
  RoundTableSession: { createdById: HISTORY },
  /** Active ones end; the other person keeps the history. */
  Match: { traineeId: HISTORY, mentorId: HISTORY, endedById: HISTORY },
  /** Pending ones are withdrawn; what the trainee wrote is cleared. */
  MentorRequest: { traineeId: HISTORY, mentorId: HISTORY },
  Checkin: { answeredById: HISTORY },
  Meeting: { loggedById: HISTORY },
  Round: { createdById: HISTORY },
  RoundRun: { approvedById: HISTORY },
  RoundSkip: { memberId: HISTORY },
  RoundRanking: { memberId: HISTORY },
  RoundGroup: { memberIds: HISTORY },
  Announcement: { createdById: HISTORY },
  Thanks: { fromId: HISTORY, toId: HISTORY },
  YearAnswer: { memberId: HISTORY },
  AlumnusInvite: { memberId: HISTORY },
};
