import { providerOfClient, type Db, type Tx } from "./database.js";
import type { Cadence } from "../generated/sqlite/enums.js";

export interface MatchRecord {
  id: string;
  workspaceId: string;
  programId: string;
  programName: string;
  role: string;
  status: "ACTIVE" | "ENDED";
  cadence: Cadence | null;
  introChannelId: string | null;
  trainee: { memberId: string; slackUserId: string; name: string };
  mentor: { memberId: string; slackUserId: string; name: string };
}

const PARTY = { select: { id: true, slackUserId: true, name: true } } as const;
const SELECT = {
  id: true,
  workspaceId: true,
  programId: true,
  role: true,
  status: true,
  cadence: true,
  introChannelId: true,
  program: { select: { name: true } },
  trainee: PARTY,
  mentor: PARTY,
} as const;

type MatchRow = NonNullable<Awaited<ReturnType<typeof selectMatch>>>;
const selectMatch = (db: Db | Tx, workspaceId: string, id: string) => db.match.findFirst({ where: { workspaceId, id }, select: SELECT });

export async function findMatch(db: Db | Tx, workspaceId: string, id: string): Promise<MatchRecord | null> {
  const r = await selectMatch(db, workspaceId, id);
  return r ? toRecord(r) : null;
}

/**
 * Active matches, oldest first, that still have no introduction (no group DM recorded) although
 * they were made before `createdBefore` — across workspaces, for the start-up check that every
 * match has its introduction queued. Matches a pairing round made are left to the round's groups.
 */
export async function matchesAwaitingIntro(db: Db, createdBefore: Date, limit = 100): Promise<MatchRecord[]> {
  const found: MatchRecord[] = [];
  // Page past round-made matches (however many a round has left waiting) rather than stop at them.
  for (let skip = 0; found.length < limit; skip += limit) {
    const rows = await db.match.findMany({
      where: { status: "ACTIVE", introChannelId: null, createdAt: { lt: createdBefore } },
      select: SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip,
      take: limit,
    });
    if (rows.length === 0) break;
    const fromRounds = await db.roundGroup.findMany({ where: { matchId: { in: rows.map((r) => r.id) } }, select: { matchId: true } });
    const byRound = new Set(fromRounds.map((g) => g.matchId));
    for (const r of rows) if (!byRound.has(r.id) && found.length < limit) found.push(toRecord(r));
    if (rows.length < limit) break;
  }
  return found;
}

function toRecord(r: MatchRow): MatchRecord {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    programId: r.programId,
    programName: r.program.name,
    role: r.role,
    status: r.status,
    cadence: r.cadence,
    introChannelId: r.introChannelId,
    trainee: { memberId: r.trainee.id, slackUserId: r.trainee.slackUserId, name: r.trainee.name },
    mentor: { memberId: r.mentor.id, slackUserId: r.mentor.slackUserId, name: r.mentor.name },
  };
}


/**
 * Serializes accepts for one mentor inside the caller's transaction. PostgreSQL: a row lock on the
 * mentor's Member row, held to commit, so two accepts racing for the last place count one after
 * the other. SQLite: the transaction's first write already holds the database's write lock.
 */
export async function lockMember(tx: Tx, workspaceId: string, memberId: string): Promise<void> {
  if (providerOfClient(tx) !== "postgresql") return;
  await tx.$queryRawUnsafe(`SELECT "id" FROM "Member" WHERE "id" = $1 AND "workspaceId" = $2 FOR UPDATE`, memberId, workspaceId);
}

export async function activeMatchCount(db: Db | Tx, workspaceId: string, mentorId: string): Promise<number> {
  return db.match.count({ where: { workspaceId, mentorId, status: "ACTIVE" } });
}

/** Program default capacities of every program the member mentors in. */
export async function mentorProgramDefaults(db: Db | Tx, workspaceId: string, memberId: string): Promise<number[]> {
  const rows = await db.enrollment.findMany({ where: { workspaceId, memberId, role: "MENTOR" }, select: { program: { select: { defaultCapacity: true } } } });
  return rows.map((r) => r.program.defaultCapacity);
}

export async function profileCapacity(db: Db | Tx, workspaceId: string, memberId: string): Promise<number | null> {
  const p = await db.profile.findFirst({ where: { workspaceId, memberId }, select: { capacity: true } });
  return p?.capacity ?? null;
}

/** Creates an active match, remembering the trainee's cohort in the program (by name: reports show it after they leave). */
export async function createMatch(
  tx: Tx,
  data: { workspaceId: string; programId: string; traineeId: string; mentorId: string; role: string; startedAt: Date },
): Promise<string> {
  const enrollment = await tx.enrollment.findFirst({
    where: { workspaceId: data.workspaceId, programId: data.programId, memberId: data.traineeId, role: "TRAINEE" },
    select: { cohort: { select: { name: true } } },
  });
  const m = await tx.match.create({ data: { ...data, status: "ACTIVE", cohortName: enrollment?.cohort?.name ?? null }, select: { id: true } });
  return m.id;
}

export async function setIntroChannel(db: Db | Tx, workspaceId: string, id: string, channelId: string): Promise<void> {
  await db.match.updateMany({ where: { workspaceId, id }, data: { introChannelId: channelId } });
}

export async function setCadence(db: Db | Tx, workspaceId: string, id: string, cadence: Cadence): Promise<boolean> {
  const { count } = await db.match.updateMany({ where: { workspaceId, id, status: "ACTIVE" }, data: { cadence } });
  return count === 1;
}

/** Ends an ACTIVE match; false if it had already ended. */
export async function endMatch(tx: Db | Tx, workspaceId: string, id: string, endedById: string, endNote: string | null, now: Date): Promise<boolean> {
  const { count } = await tx.match.updateMany({
    where: { workspaceId, id, status: "ACTIVE" },
    data: { status: "ENDED", endedAt: now, endedById, endNote },
  });
  return count === 1;
}

/** Who hears about a program's ended matches: its directors, else the workspace's Slack admins and owners. */
export async function programDirectors(db: Db | Tx, workspaceId: string, programId: string): Promise<{ memberId: string; slackUserId: string }[]> {
  const enrolled = await db.enrollment.findMany({
    where: { workspaceId, programId, role: "DIRECTOR", member: { erasedAt: null } },
    select: { member: { select: { id: true, slackUserId: true } } },
  });
  if (enrolled.length) return enrolled.map((e) => ({ memberId: e.member.id, slackUserId: e.member.slackUserId }));
  const admins = await db.member.findMany({
    where: { workspaceId, erasedAt: null, OR: [{ isAdmin: true }, { isOwner: true }, { directorGrantedAt: { not: null } }] },
    select: { id: true, slackUserId: true },
  });
  return admins.map((a) => ({ memberId: a.id, slackUserId: a.slackUserId }));
}

