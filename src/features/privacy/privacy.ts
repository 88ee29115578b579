import type { Db } from "../../store/database.js";
import { enrollmentsOf, findMember, type EnrollmentSummary } from "../../store/members.js";
import { findProfile, profileContext } from "../../store/profiles.js";
import { exclusionCount } from "../../store/exclusions.js";
import { pauseOf } from "../../store/availability.js";
import { goalsOf } from "../../store/goals.js";
import { surveyInvitationsOf, type MySurveyInvitation } from "../../store/surveys.js";
import { roundTablesOf } from "../../store/roundTables.js";
import { eraseMember, partiesToTell, type ErasureCounts, type PartyToTell } from "../../store/privacy.js";
import { pauseState, type PauseState } from "../../domain/availability.js";
import type { ProfileData } from "../../domain/profile.js";
import { sortGoals, type GoalView } from "../../domain/goals.js";
import { labelOf, parseVocabularyExtension, vocabularyWith, type Vocabulary } from "../../domain/vocabulary.js";
import { ensureMember } from "../profiles/members.js";
import type { WithDirectory, WithMessages } from "../context.js";
import type { Payload } from "../requests/requests.js";

/** What the other side of an ended mentorship, or a trainee whose request closed, reads when someone deletes their data. */
export interface ErasureMessages {
  /** `leaver`: the Slack id of the person who left (a mention still resolves in Slack). */
  ended(party: PartyToTell, leaverSlackId: string): Payload;
}

export interface PrivacyReport {
  slack: { name: string; realName: string | null; email: string | null; tz: string; refreshedAt: Date };
  enrollments: EnrollmentSummary[];
  profile: ProfileData | null;
  /** The trainee's goals, with their status and progress notes. */
  goals: GoalView[];
  /** The vocabulary the profile's keys are labelled with. */
  vocabulary: Vocabulary;
  exclusions: number;
  pause: PauseState;
  /** The surveys they were asked: which, when, answered or not. Never their answers: those hold no link to them. */
  surveys: MySurveyInvitation[];
  /** Round-table sessions they chose in, sat in or host (career paths as their labels), soonest first. */
  roundTables: MyRoundTableView[];
}

export interface MyRoundTableView {
  programName: string;
  startsAt: Date;
  cancelled: boolean;
  /** The career paths they chose, most wanted first; null when they did not choose. */
  choices: string[] | null;
  seats: { rotation: number; path: string; hostName: string }[];
  /** The career path of the table they host. */
  hosting: string | null;
}

/** Everything Rounds keeps about the person asking. */
export async function privacyReport({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string): Promise<PrivacyReport> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const [enrollments, profile, goals, ctx, exclusions, pause, surveys, roundTables] = await Promise.all([
    enrollmentsOf(db, workspaceId, member.id),
    findProfile(db, workspaceId, member.id),
    goalsOf(db, workspaceId, member.id),
    profileContext(db, workspaceId, member.id),
    exclusionCount(db, workspaceId, member.id),
    pauseOf(db, workspaceId, member.id),
    surveyInvitationsOf(db, workspaceId, member.id),
    roundTablesOf(db, workspaceId, member.id),
  ]);
  return {
    slack: { name: member.name, realName: member.realName, email: member.email, tz: member.tz, refreshedAt: member.refreshedAt },
    enrollments,
    profile,
    goals: sortGoals(goals),
    vocabulary: vocabularyWith(...ctx.vocabularies.map(parseVocabularyExtension)),
    exclusions,
    pause: pauseState(pause, member.tz, now),
    surveys,
    roundTables: roundTables.map((t) => {
      const paths = vocabularyWith(parseVocabularyExtension(t.vocabulary)).careerPaths;
      return {
        programName: t.programName,
        startsAt: t.startsAt,
        cancelled: t.cancelled,
        choices: t.paths?.map((k) => labelOf(paths, k)) ?? null,
        seats: t.seats.map((x) => ({ rotation: x.rotation, path: labelOf(paths, x.careerPath), hostName: x.hostName })),
        hosting: t.hosting === null ? null : labelOf(paths, t.hosting),
      };
    }),
  };
}

/**
 * Deletes the person's profile, goals, exclusions (both directions), enrollments, survey invitations
 * and round-table choices and seats, ends their active mentorships, withdraws their pending requests
 * and anonymises their member row (store/privacy.ts
 * eraseMember); the other side of each mentorship, and each trainee whose request to them was
 * waiting, is told (through the outbox, in the same transaction). Returns null when Rounds held
 * nothing about them.
 */
export async function deleteMyData({ db, workspaceId, now, messages }: WithMessages<ErasureMessages>, slackUserId: string): Promise<ErasureCounts | null> {
  const member = await findMember(db, workspaceId, slackUserId);
  if (!member) return null;
  const notices = (await partiesToTell(db, workspaceId, member.id)).map((p, i) => ({
    workspaceId,
    key: `member-left:${member.id}:${i}`,
    channel: p.slackUserId,
    payload: { ...messages.ended(p, slackUserId) },
    notBefore: now,
  }));
  return eraseMember(db, workspaceId, member.id, now, notices);
}
