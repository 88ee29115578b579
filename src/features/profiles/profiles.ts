import type { Db } from "../../store/database.js";
import { findProfile, profileContext, saveProfile } from "../../store/profiles.js";
import { activeGoalTexts } from "../../store/goals.js";
import { EMPTY_PROFILE, fieldsFor, validateProfileFields, validateProfileGoals, type ProfileData, type ProfileField, type ProfileIssue, type ProfileSection } from "../../domain/profile.js";
import { parseVocabularyExtension, vocabularyWith, type Vocabulary } from "../../domain/vocabulary.js";
import type { Role } from "../../domain/roles.js";
import { memberStanding, type MemberStanding } from "./members.js";
import type { WithDirectory } from "../context.js";

export type ProfileForm =
  | { kind: "not_enrolled"; standing: MemberStanding }
  /** Enrolled, but only as a director: profiles are for trainees and mentors. */
  | { kind: "no_profile_role"; standing: MemberStanding }
  /** `goals`: the texts of the trainee's active goals, which the form's goal boxes show and edit. */
  | { kind: "form"; standing: MemberStanding; sections: ProfileSection[]; vocabulary: Vocabulary; profile: ProfileData; goals: string[] };

export function sectionsOf(roles: readonly Role[]): ProfileSection[] {
  return [...(roles.includes("TRAINEE") ? (["trainee"] as const) : []), ...(roles.includes("MENTOR") ? (["mentor"] as const) : [])];
}

/** The vocabulary a person's profile uses: the base one plus the extensions of all their programs. */
async function context(db: Db, workspaceId: string, memberId: string) {
  const ctx = await profileContext(db, workspaceId, memberId);
  return { sections: sectionsOf(ctx.roles), vocabulary: vocabularyWith(...ctx.vocabularies.map(parseVocabularyExtension)) };
}

/** What the profile modal shows a person: which parts, with which words, prefilled with what. */
export async function profileForm({ db, directory, workspaceId, now }: WithDirectory, slackUserId: string): Promise<ProfileForm> {
  const standing = await memberStanding(db, directory, workspaceId, slackUserId, now);
  if (standing.enrollments.length === 0) return { kind: "not_enrolled", standing };
  const { sections, vocabulary } = await context(db, workspaceId, standing.member.id);
  if (sections.length === 0) return { kind: "no_profile_role", standing };
  const [profile, goals] = await Promise.all([findProfile(db, workspaceId, standing.member.id), activeGoalTexts(db, workspaceId, standing.member.id)]);
  return { kind: "form", standing, sections, vocabulary, profile: profile ?? EMPTY_PROFILE, goals };
}

export type SaveProfileResult = { ok: true; profile: ProfileData } | { ok: false; issues: ProfileIssue[] };

/**
 * Validates the fields of the sections the person was shown (and still holds) and stores them over
 * the current profile; a trainee's goal boxes (`goals`, read when the trainee part was shown) become
 * their active goals. On any issue nothing is saved.
 */
export async function saveProfileForm(
  { db, directory, workspaceId, now }: WithDirectory,
  slackUserId: string,
  shown: readonly ProfileSection[],
  input: Partial<Record<ProfileField, unknown>>,
  goals: readonly unknown[] | null,
): Promise<SaveProfileResult> {
  const standing = await memberStanding(db, directory, workspaceId, slackUserId, now);
  const { sections, vocabulary } = await context(db, workspaceId, standing.member.id);
  const fields = fieldsFor(shown.filter((s) => sections.includes(s)));
  const current = (await findProfile(db, workspaceId, standing.member.id)) ?? EMPTY_PROFILE;
  const checked = validateProfileFields(vocabulary, current, input, fields);
  const goalsShown = goals !== null && shown.includes("trainee") && sections.includes("trainee");
  const goalsChecked = goalsShown ? validateProfileGoals(goals) : null;
  if (!checked.ok || goalsChecked?.ok === false) return { ok: false, issues: [...(checked.ok ? [] : checked.issues), ...(goalsChecked?.ok === false ? goalsChecked.issues : [])] };
  await saveProfile(db, workspaceId, standing.member.id, checked.profile, goalsChecked?.ok ? goalsChecked.goals : null, now);
  return checked;
}
