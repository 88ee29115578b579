import type { Db, Tx } from "./database.js";
import type { Role } from "../generated/sqlite/enums.js";
import { EMPTY_PROFILE, type ProfileData } from "../domain/profile.js";
import { activeGoalChanges } from "../domain/goals.js";
import { createGoal, goalsOf, setGoalStatus } from "./goals.js";
import { lockMember } from "./matches.js";

/** Stored JSON list columns hold strings; anything else read back is dropped. */
const strings = (json: unknown): string[] => (Array.isArray(json) ? json.filter((x): x is string => typeof x === "string") : []);

type ProfileRow = { [K in keyof ProfileData]: ProfileData[K] extends string[] ? unknown : ProfileData[K] };

export function profileFromRow(row: ProfileRow): ProfileData {
  return {
    careerStage: row.careerStage,
    trainingYear: row.trainingYear,
    specialty: row.specialty,
    subspecialty: row.subspecialty,
    careerPaths: strings(row.careerPaths),
    interests: strings(row.interests),
    priorities: strings(row.priorities),
    rolesWanted: strings(row.rolesWanted),
    meetingCadence: row.meetingCadence,
    meetingFormats: strings(row.meetingFormats),
    wantsHandsOn: row.wantsHandsOn,
    expertise: strings(row.expertise),
    rolesOffered: strings(row.rolesOffered),
    capacity: row.capacity,
    handsOn: row.handsOn,
    supervisorNote: row.supervisorNote,
    cadenceOffered: row.cadenceOffered,
    helpedGrants: row.helpedGrants,
    copublishes: row.copublishes,
    editorialRoles: row.editorialRoles,
    pastFellows: row.pastFellows,
    bio: row.bio,
  };
}

/** Selects exactly the profile columns that make a ProfileData. */
export const PROFILE_SELECT = Object.fromEntries(Object.keys(EMPTY_PROFILE).map((k) => [k, true])) as Record<keyof ProfileData, true>;

export async function findProfile(db: Db | Tx, workspaceId: string, memberId: string): Promise<ProfileData | null> {
  const row = await db.profile.findFirst({ where: { workspaceId, memberId }, select: PROFILE_SELECT });
  return row ? profileFromRow(row) : null;
}

/**
 * Creates or replaces a member's profile (every column written: list columns have no default) and,
 * unless `activeGoals` is null, makes those texts their active goals (domain/goals.ts
 * activeGoalChanges: a new text is a new goal, an active one left out is parked), in one
 * transaction serialized per member.
 */
export async function saveProfile(db: Db, workspaceId: string, memberId: string, profile: ProfileData, activeGoals: readonly string[] | null, now: Date): Promise<void> {
  const columns = { ...EMPTY_PROFILE, ...profile };
  await db.$transaction(async (tx) => {
    await lockMember(tx, workspaceId, memberId);
    await tx.profile.upsert({ where: { memberId }, create: { workspaceId, memberId, ...columns }, update: columns });
    if (activeGoals === null) return;
    const changes = activeGoalChanges(await goalsOf(tx, workspaceId, memberId), activeGoals);
    for (const id of changes.park) await setGoalStatus(tx, workspaceId, id, "PARKED");
    for (const id of changes.activate) await setGoalStatus(tx, workspaceId, id, "ACTIVE");
    for (const text of changes.create) await createGoal(tx, workspaceId, memberId, text, now);
  });
}

export interface ProfileContext {
  roles: Role[];
  /** Program.vocabulary of every program the member is in (raw JSON; null when none). */
  vocabularies: unknown[];
}

/** The member's roles across programs and those programs' vocabulary extensions. */
export async function profileContext(db: Db, workspaceId: string, memberId: string): Promise<ProfileContext> {
  const rows = await db.enrollment.findMany({
    where: { workspaceId, memberId },
    select: { role: true, programId: true, program: { select: { vocabulary: true } } },
  });
  const vocabularies = new Map<string, unknown>();
  for (const r of rows) vocabularies.set(r.programId, r.program.vocabulary);
  return { roles: [...new Set(rows.map((r) => r.role))], vocabularies: [...vocabularies.values()] };
}
