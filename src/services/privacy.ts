import type { Db } from "../store/database.js";
import { enrollmentsOf, findMember, type EnrollmentSummary } from "../store/members.js";
import { findProfile, profileContext } from "../store/profiles.js";
import { exclusionCount } from "../store/exclusions.js";
import { pauseOf } from "../store/availability.js";
import { eraseMember, type ErasureCounts } from "../store/privacy.js";
import { pauseState, type PauseState } from "../domain/availability.js";
import type { ProfileData } from "../domain/profile.js";
import { parseVocabularyExtension, vocabularyWith, type Vocabulary } from "../domain/vocabulary.js";
import { ensureMember } from "./members.js";
import type { SlackDirectory } from "./ports.js";

export interface PrivacyReport {
  slack: { name: string; realName: string | null; email: string | null; tz: string; refreshedAt: Date };
  enrollments: EnrollmentSummary[];
  profile: ProfileData | null;
  /** The vocabulary the profile's keys are labelled with. */
  vocabulary: Vocabulary;
  exclusions: number;
  pause: PauseState;
}

/** Everything Rounds keeps about the person asking. */
export async function privacyReport(db: Db, directory: SlackDirectory, workspaceId: string, slackUserId: string, now: Date): Promise<PrivacyReport> {
  const member = await ensureMember(db, directory, workspaceId, slackUserId, now);
  const [enrollments, profile, ctx, exclusions, pause] = await Promise.all([
    enrollmentsOf(db, workspaceId, member.id),
    findProfile(db, workspaceId, member.id),
    profileContext(db, workspaceId, member.id),
    exclusionCount(db, workspaceId, member.id),
    pauseOf(db, workspaceId, member.id),
  ]);
  return {
    slack: { name: member.name, realName: member.realName, email: member.email, tz: member.tz, refreshedAt: member.refreshedAt },
    enrollments,
    profile,
    vocabulary: vocabularyWith(...ctx.vocabularies.map(parseVocabularyExtension)),
    exclusions,
    pause: pauseState(pause, member.tz, now),
  };
}

/**
 * Deletes the person's profile, exclusions (both directions) and enrollments and anonymises their
 * member row. Returns null when Rounds held nothing about them.
 */
export async function deleteMyData(db: Db, workspaceId: string, slackUserId: string, now: Date): Promise<ErasureCounts | null> {
  const member = await findMember(db, workspaceId, slackUserId);
  if (!member) return null;
  return eraseMember(db, workspaceId, member.id, now);
}
