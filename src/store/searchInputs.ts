import { Prisma } from "../generated/sqlite/client.js";
import { providerOfClient, type Db } from "./database.js";
import { EMPTY_PROFILE, type ProfileData } from "../domain/profile.js";
import { profileFromRow } from "./profiles.js";
import type { TraineeTies } from "./candidates.js";

/**
 * Everything /findmentor reads about the trainee asking, in ONE statement: who they are (looked up
 * by member id, or by Slack user id so the search needs no lookup before it), the programs they are
 * a trainee in, their profile and their ties to mentors. The same results as traineeProgramIds,
 * findProfile and traineeTies (each list in the order of its rows' ids), scoped by the workspace.
 */

/** The trainee, by member id or by Slack user id. */
export type Asker = { memberId: string } | { slackUserId: string };

export interface SearchInputs {
  /** The member row (null: no member with that id or Slack user id in the workspace). */
  member: { id: string; refreshedAt: Date } | null;
  /** Programs in which the member is a TRAINEE, sorted, each once. */
  programIds: string[];
  profile: ProfileData | null;
  ties: TraineeTies;
}

type BooleanKey = { [K in keyof ProfileData]: ProfileData[K] extends boolean | null ? K : never }[keyof ProfileData];
/** Profile columns stored as booleans (SQLite hands them back as 0/1 inside JSON). */
const BOOLEAN_COLUMNS: Record<BooleanKey, true> = { wantsHandsOn: true, handsOn: true, helpedGrants: true, copublishes: true };
const PROFILE_KEYS = Object.keys(EMPTY_PROFILE) as (keyof ProfileData)[];
const isListColumn = (k: keyof ProfileData) => Array.isArray(EMPTY_PROFILE[k]);

/** The profile as one JSON object per database (list columns as JSON values, not text). */
const profileObject = {
  sqlite: Prisma.raw(`json_object(${PROFILE_KEYS.map((k) => `'${k}', ${isListColumn(k) ? `json(p."${k}")` : `p."${k}"`}`).join(", ")})`),
  postgresql: Prisma.raw(`json_build_object(${PROFILE_KEYS.map((k) => `'${k}', p."${k}"`).join(", ")})`),
};

function statement(db: Db, workspaceId: string, asker: Asker): Prisma.Sql {
  const w = workspaceId;
  const who = "memberId" in asker ? Prisma.sql`m."id" = ${asker.memberId}` : Prisma.sql`m."slackUserId" = ${asker.slackUserId}`;
  if (providerOfClient(db) === "postgresql") {
    // Timestamps are stored in UTC without a zone: AT TIME ZONE 'UTC' makes JSON write them with their offset.
    return Prisma.sql`
      SELECT m."id" AS "memberId", m."refreshedAt" AS "refreshedAt",
        (SELECT json_agg(DISTINCT e."programId" ORDER BY e."programId") FROM "Enrollment" e
          WHERE e."workspaceId" = ${w} AND e."memberId" = m."id" AND e."role" = 'TRAINEE') AS "programIds",
        (SELECT ${profileObject.postgresql} FROM "Profile" p WHERE p."workspaceId" = ${w} AND p."memberId" = m."id") AS "profile",
        (SELECT json_agg(json_build_array(x."mentorId", x."role") ORDER BY x."id") FROM "Match" x
          WHERE x."workspaceId" = ${w} AND x."status" = 'ACTIVE' AND x."traineeId" = m."id") AS "roles",
        (SELECT json_agg(json_build_array(r."mentorId", coalesce(r."respondedAt", r."updatedAt") AT TIME ZONE 'UTC') ORDER BY r."id") FROM "MentorRequest" r
          WHERE r."workspaceId" = ${w} AND r."traineeId" = m."id" AND r."status" = 'DECLINED') AS "declined",
        (SELECT json_agg(CASE WHEN x."memberId" = m."id" THEN x."excludedId" ELSE x."memberId" END ORDER BY x."id") FROM "Exclusion" x
          WHERE x."workspaceId" = ${w} AND (x."memberId" = m."id" OR x."excludedId" = m."id")) AS "excluded"
      FROM "Member" m WHERE m."workspaceId" = ${w} AND ${who}`;
  }
  return Prisma.sql`
    SELECT m."id" AS "memberId", m."refreshedAt" AS "refreshedAt",
      (SELECT json_group_array("programId") FROM (SELECT DISTINCT e."programId" FROM "Enrollment" e
        WHERE e."workspaceId" = ${w} AND e."memberId" = m."id" AND e."role" = 'TRAINEE' ORDER BY e."programId")) AS "programIds",
      (SELECT ${profileObject.sqlite} FROM "Profile" p WHERE p."workspaceId" = ${w} AND p."memberId" = m."id") AS "profile",
      (SELECT json_group_array(json_array("mentorId", "role")) FROM (SELECT x."mentorId", x."role" FROM "Match" x
        WHERE x."workspaceId" = ${w} AND x."status" = 'ACTIVE' AND x."traineeId" = m."id" ORDER BY x."id")) AS "roles",
      (SELECT json_group_array(json_array("mentorId", "at")) FROM (SELECT r."mentorId", coalesce(r."respondedAt", r."updatedAt") AS "at" FROM "MentorRequest" r
        WHERE r."workspaceId" = ${w} AND r."traineeId" = m."id" AND r."status" = 'DECLINED' ORDER BY r."id")) AS "declined",
      (SELECT json_group_array("other") FROM (SELECT CASE WHEN x."memberId" = m."id" THEN x."excludedId" ELSE x."memberId" END AS "other" FROM "Exclusion" x
        WHERE x."workspaceId" = ${w} AND (x."memberId" = m."id" OR x."excludedId" = m."id") ORDER BY x."id")) AS "excluded"
    FROM "Member" m WHERE m."workspaceId" = ${w} AND ${who}`;
}

/** A JSON column as a value: SQLite hands back text, PostgreSQL (through Prisma) the parsed value. */
const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);
const list = <T>(v: unknown): T[] => (json(v) as T[] | null) ?? [];
/** A stored timestamp: a Date, an ISO text with its offset, or (SQLite, unixepoch-ms) a number. */
const dateOf = (v: unknown): Date => (v instanceof Date ? new Date(v.getTime()) : new Date(v as string | number));

function profileOf(v: unknown): ProfileData | null {
  const row = json(v) as Record<string, unknown> | null;
  if (!row) return null;
  for (const k of Object.keys(BOOLEAN_COLUMNS)) if (row[k] !== null && row[k] !== undefined) row[k] = Boolean(row[k]);
  return profileFromRow(row as unknown as Parameters<typeof profileFromRow>[0]);
}

interface Row {
  memberId: string;
  refreshedAt: unknown;
  programIds: unknown;
  profile: unknown;
  roles: unknown;
  declined: unknown;
  excluded: unknown;
}

export async function searchInputs(db: Db, workspaceId: string, asker: Asker): Promise<SearchInputs> {
  const rows = await db.$queryRaw<Row[]>(statement(db, workspaceId, asker));
  const row = rows[0];
  const ties: TraineeTies = { roles: new Map(), declinedAt: new Map(), excluded: new Set() };
  if (!row) return { member: null, programIds: [], profile: null, ties };
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  for (const [mentorId, role] of list<[string, string]>(row.roles)) push(ties.roles, mentorId, role);
  for (const [mentorId, at] of list<[string, string | number]>(row.declined)) push(ties.declinedAt, mentorId, dateOf(at));
  for (const id of list<string>(row.excluded)) ties.excluded.add(id);
  return {
    member: { id: row.memberId, refreshedAt: dateOf(row.refreshedAt) },
    programIds: list<string>(row.programIds),
    profile: profileOf(row.profile),
    ties,
  };
}
