import type { Db, Tx } from "./database.js";
import type { Prisma } from "../generated/sqlite/client.js";
import { EMPTY_PROFILE } from "../domain/profile.js";
import type { RosterProfile } from "../domain/roster.js";

/** The profile columns a roster reads and writes. (The full profile belongs to the profiles feature.) */
const rosterSelect = {
  memberId: true,
  careerStage: true,
  trainingYear: true,
  specialty: true,
  subspecialty: true,
  interests: true,
  expertise: true,
  careerPaths: true,
  rolesOffered: true,
  rolesWanted: true,
  capacity: true,
} as const;

type Row = { [K in keyof typeof rosterSelect]: unknown } & { memberId: string };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function toRosterProfile(r: Row): RosterProfile {
  return {
    careerStage: (r.careerStage as string | null) ?? null,
    trainingYear: (r.trainingYear as number | null) ?? null,
    specialty: (r.specialty as string | null) ?? null,
    subspecialty: (r.subspecialty as string | null) ?? null,
    interests: strings(r.interests),
    expertise: strings(r.expertise),
    careerPaths: strings(r.careerPaths),
    rolesOffered: strings(r.rolesOffered),
    rolesWanted: strings(r.rolesWanted),
    capacity: (r.capacity as number | null) ?? null,
  };
}

export async function rosterProfilesOf(db: Db | Tx, workspaceId: string, memberIds: string[]): Promise<Map<string, RosterProfile>> {
  const rows = await db.profile.findMany({ where: { workspaceId, memberId: { in: memberIds } }, select: rosterSelect });
  return new Map(rows.map((r) => [r.memberId, toRosterProfile(r)]));
}

/**
 * Writes the given roster fields. A new Profile starts from EMPTY_PROFILE, since its JSON list
 * columns have no database default; an existing one keeps every field the patch does not name.
 */
export async function writeRosterProfile(db: Db | Tx, workspaceId: string, memberId: string, patch: Partial<RosterProfile>): Promise<void> {
  const json = (v: unknown) => v as Prisma.InputJsonValue;
  const existing = await db.profile.findFirst({ where: { workspaceId, memberId }, select: { id: true } });
  if (existing) {
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(patch)) data[k] = Array.isArray(v) ? json(v) : v;
    await db.profile.update({ where: { id: existing.id }, data });
    return;
  }
  await db.profile.create({ data: newProfileRow(workspaceId, memberId, patch) });
}

/** A whole new Profile row: EMPTY_PROFILE plus the roster fields, every JSON column written. */
export function newProfileRow(workspaceId: string, memberId: string, patch: Partial<RosterProfile>) {
  const json = (v: unknown) => v as Prisma.InputJsonValue;
  const full = { ...EMPTY_PROFILE, ...patch };
  return {
    workspaceId,
    memberId,
    ...full,
    careerPaths: json(full.careerPaths),
    interests: json(full.interests),
    priorities: json(full.priorities),
    rolesWanted: json(full.rolesWanted),
    meetingFormats: json(full.meetingFormats),
    expertise: json(full.expertise),
    rolesOffered: json(full.rolesOffered),
  };
}
