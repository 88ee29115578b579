import type { Db, Tx } from "./database.js";

export interface ThanksRow {
  id: string;
  programId: string | null;
  programName: string | null;
  message: string;
  shoutOut: boolean;
  createdAt: Date;
  from: { memberId: string; slackUserId: string; name: string };
  to: { memberId: string; slackUserId: string; name: string; email: string | null };
}

export interface ThankableProgram {
  id: string;
  name: string;
  announcementChannel: string | null;
}

export async function createThanks(
  tx: Tx,
  data: { workspaceId: string; programId: string; fromId: string; toId: string; message: string; shoutOut: boolean; createdAt: Date },
): Promise<string> {
  return (await tx.thanks.create({ data, select: { id: true } })).id;
}

/**
 * Programs where `mentorId` is a mentor and `thankerId` is enrolled (any role); a program where
 * the two have a mentorship comes first.
 */
export async function sharedMentorPrograms(db: Db | Tx, workspaceId: string, thankerId: string, mentorId: string): Promise<ThankableProgram[]> {
  const programs = await db.program.findMany({
    where: {
      workspaceId,
      AND: [{ enrollments: { some: { memberId: mentorId, role: "MENTOR" } } }, { enrollments: { some: { memberId: thankerId } } }],
    },
    select: { id: true, name: true, announcementChannel: true, matches: { where: { traineeId: thankerId, mentorId }, select: { id: true } } },
    orderBy: { name: "asc" },
  });
  return programs
    .sort((a, b) => Number(b.matches.length > 0) - Number(a.matches.length > 0))
    .map((p) => ({ id: p.id, name: p.name, announcementChannel: p.announcementChannel }));
}

const PERSON = { select: { id: true, slackUserId: true, name: true, email: true, erasedAt: true } } as const;

/** Thank-yous of a workspace (optionally one program, optionally since a date), newest first; erased people are left out. */
export async function listThanks(db: Db, workspaceId: string, filter: { programId?: string; since?: Date }): Promise<ThanksRow[]> {
  const rows = await db.thanks.findMany({
    where: {
      workspaceId,
      ...(filter.programId ? { programId: filter.programId } : {}),
      ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
      to: { erasedAt: null },
    },
    select: { id: true, programId: true, message: true, shoutOut: true, createdAt: true, from: PERSON, to: PERSON },
    orderBy: { createdAt: "desc" },
  });
  const names = new Map((await db.program.findMany({ where: { workspaceId }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    programId: r.programId,
    programName: r.programId ? (names.get(r.programId) ?? null) : null,
    message: r.message,
    shoutOut: r.shoutOut,
    createdAt: r.createdAt,
    from: { memberId: r.from.id, slackUserId: r.from.slackUserId, name: r.from.erasedAt ? "(deleted)" : r.from.name },
    to: { memberId: r.to.id, slackUserId: r.to.slackUserId, name: r.to.name, email: r.to.email },
  }));
}
