import type { Db } from "./database.js";
import type { ProfileData } from "../domain/profile.js";
import { PROFILE_SELECT, profileFromRow } from "./profiles.js";

/**
 * Everything /findmentor's ranking needs about the mentors of some programs, in a fixed number of
 * queries (no query per mentor), scoped by the workspace. Split in two: the mentor pool, which is
 * the same for every trainee and worth caching (features/findmentor/mentorPool.ts), and one trainee's ties to
 * those mentors, which are small and read on every search.
 */

/** A mentor of the programs asked, as every trainee sees them. */
export interface PoolMentor {
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
}

/** One trainee's history with mentors, keyed by the mentor's member id. */
export interface TraineeTies {
  roles: Map<string, string[]>;
  declinedAt: Map<string, Date[]>;
  /** Either side's confidential exclusion. */
  excluded: Set<string>;
}

/** The mentors of these programs (null: of every program in the workspace). */
export async function mentorPool(db: Db, workspaceId: string, programIds: string[] | null): Promise<PoolMentor[]> {
  if (programIds?.length === 0) return [];
  const inPrograms = programIds ? { programId: { in: programIds } } : {};
  const enrollments = await db.enrollment.findMany({
    where: { workspaceId, ...inPrograms, role: "MENTOR", member: { erasedAt: null } },
    select: {
      programId: true,
      program: { select: { defaultCapacity: true } },
      member: {
        select: { id: true, slackUserId: true, name: true, pausedAt: true, pausedUntil: true, profile: { select: PROFILE_SELECT } },
      },
    },
  });
  const byMember = new Map<string, PoolMentor>();
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
      } satisfies PoolMentor);
    row.programDefaults.push(e.program.defaultCapacity);
    row.programIds.push(e.programId);
    byMember.set(m.id, row);
  }
  if (byMember.size === 0) return [];
  // Filter through the enrollment relation, not an id list: a list of thousands of mentor ids
  // exceeds SQLite's 999 bound parameters.
  const mentorsOfPrograms = { enrollments: { some: { workspaceId, ...inPrograms, role: "MENTOR" as const } } };
  const [load, answered] = await Promise.all([
    db.match.groupBy({ by: ["mentorId"], where: { workspaceId, status: "ACTIVE", mentor: mentorsOfPrograms }, _count: { _all: true } }),
    db.mentorRequest.findMany({
      where: { workspaceId, mentor: mentorsOfPrograms, respondedAt: { not: null }, status: { in: ["ACCEPTED", "DECLINED"] } },
      select: { mentorId: true, createdAt: true, respondedAt: true },
    }),
  ]);
  for (const l of load) {
    const row = byMember.get(l.mentorId);
    if (row) row.activeMentees = l._count._all;
  }
  for (const a of answered) {
    byMember.get(a.mentorId)?.replyHours.push((a.respondedAt!.getTime() - a.createdAt.getTime()) / 3_600_000);
  }
  return [...byMember.values()];
}

export async function traineeTies(db: Db, workspaceId: string, traineeId: string): Promise<TraineeTies> {
  const [mine, declined, exclusions] = await Promise.all([
    db.match.findMany({ where: { workspaceId, status: "ACTIVE", traineeId }, select: { mentorId: true, role: true } }),
    db.mentorRequest.findMany({ where: { workspaceId, traineeId, status: "DECLINED" }, select: { mentorId: true, respondedAt: true, updatedAt: true } }),
    db.exclusion.findMany({
      where: { workspaceId, OR: [{ memberId: traineeId }, { excludedId: traineeId }] },
      select: { memberId: true, excludedId: true },
    }),
  ]);
  const ties: TraineeTies = { roles: new Map(), declinedAt: new Map(), excluded: new Set() };
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const m of mine) push(ties.roles, m.mentorId, m.role);
  for (const d of declined) push(ties.declinedAt, d.mentorId, d.respondedAt ?? d.updatedAt);
  for (const x of exclusions) ties.excluded.add(x.memberId === traineeId ? x.excludedId : x.memberId);
  return ties;
}

/**
 * Changes whenever something a mentor pool is read from changes in the workspace: profiles,
 * enrollments, programs (any write bumps updatedAt, any removal lowers a count); who is paused or
 * erased; which matches are active; which requests were answered. It deliberately ignores writes
 * that do not change a pool (a member's Slack details refreshed, a request sent, a match's
 * cadence chosen), so busy hours do not empty the cache. Also sees other instances' writes.
 * One statement (one round trip, one connection), the same SQL on SQLite and PostgreSQL.
 */
export async function poolFingerprint(db: Db, workspaceId: string): Promise<string> {
  const w = workspaceId;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT * FROM
      (SELECT count(*) AS "profiles", max("updatedAt") AS "profileAt" FROM "Profile" WHERE "workspaceId" = ${w}) p,
      (SELECT count(*) AS "enrollments", max("updatedAt") AS "enrollmentAt" FROM "Enrollment" WHERE "workspaceId" = ${w}) e,
      (SELECT count(*) AS "programs", max("updatedAt") AS "programAt" FROM "Program" WHERE "workspaceId" = ${w}) g,
      (SELECT count(*) AS "members", count("pausedAt") AS "paused", count("pausedUntil") AS "pausedUntil", count("erasedAt") AS "erased",
              max("pausedAt") AS "pausedAtMax", max("pausedUntil") AS "pausedUntilMax", min("pausedUntil") AS "pausedUntilMin", max("erasedAt") AS "erasedAt"
         FROM "Member" WHERE "workspaceId" = ${w}) m,
      (SELECT count(*) AS "matches", max("startedAt") AS "matchAt" FROM "Match" WHERE "workspaceId" = ${w} AND "status" = 'ACTIVE') a,
      (SELECT count("respondedAt") AS "answered", max("respondedAt") AS "answeredAt" FROM "MentorRequest" WHERE "workspaceId" = ${w}) r`;
  const row = rows[0] ?? {};
  return Object.values(row)
    .map((v) => (v instanceof Date ? v.getTime() : String(v)))
    .join("|");
}

/** The workspaces that have mentors (at most `limit`), for loading their pools at start-up: the one query not scoped by a workspace. */
export async function workspacesWithMentors(db: Db, limit: number): Promise<string[]> {
  const rows = await db.enrollment.findMany({ where: { role: "MENTOR" }, distinct: ["workspaceId"], select: { workspaceId: true }, take: limit });
  return rows.map((r) => r.workspaceId);
}
