import type { Prisma } from "../generated/sqlite/client.js";
import type { Db, Tx } from "./database.js";
import type { LiveWorkspaces } from "./workspaces.js";

/** Stored JSON list columns hold strings; anything else read back is dropped. */
const strings = (json: unknown): string[] => (Array.isArray(json) ? json.filter((x): x is string => typeof x === "string") : []);

export interface RoundTablePerson {
  memberId: string;
  slackUserId: string;
  name: string;
}

export interface RoundTableHostRow extends RoundTablePerson {
  hostId: string;
  careerPath: string;
}

export interface RoundTableSessionRow {
  id: string;
  workspaceId: string;
  programId: string;
  programName: string;
  timezone: string;
  /** The program's vocabulary extension, as stored. */
  vocabulary: unknown;
  startsAt: Date;
  rotations: number;
  minutesPerRotation: number;
  tableSize: number;
  choiceDeadline: Date;
  seatedAt: Date | null;
  followedUpAt: Date | null;
  cancelledAt: Date | null;
  hosts: RoundTableHostRow[];
  choices: number;
}

export interface NewRoundTableSession {
  workspaceId: string;
  programId: string;
  startsAt: Date;
  rotations: number;
  minutesPerRotation: number;
  tableSize: number;
  choiceDeadline: Date;
  createdById: string;
  hosts: { memberId: string; careerPath: string }[];
}

const sessionSelect = {
  id: true,
  workspaceId: true,
  programId: true,
  startsAt: true,
  rotations: true,
  minutesPerRotation: true,
  tableSize: true,
  choiceDeadline: true,
  seatedAt: true,
  followedUpAt: true,
  cancelledAt: true,
  hosts: { select: { id: true, memberId: true, careerPath: true }, orderBy: { id: "asc" as const } },
  _count: { select: { choices: true } },
} as const satisfies Prisma.RoundTableSessionSelect;

type SessionRaw = Prisma.RoundTableSessionGetPayload<{ select: typeof sessionSelect }>;

/** The sessions with their program and hosts' names (programs and members are looked up in one query each). */
async function withPeople(db: Db | Tx, rows: SessionRaw[]): Promise<RoundTableSessionRow[]> {
  if (rows.length === 0) return [];
  const programs = await db.program.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.programId))] } }, select: { id: true, name: true, timezone: true, vocabulary: true } });
  const memberIds = [...new Set(rows.flatMap((r) => r.hosts.map((h) => h.memberId)))];
  const members = memberIds.length ? await db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, slackUserId: true, name: true } }) : [];
  const programOf = new Map(programs.map((p) => [p.id, p]));
  const memberOf = new Map(members.map((m) => [m.id, m]));
  return rows.flatMap((r) => {
    const p = programOf.get(r.programId);
    if (!p) return [];
    return [
      {
        id: r.id,
        workspaceId: r.workspaceId,
        programId: r.programId,
        programName: p.name,
        timezone: p.timezone,
        vocabulary: p.vocabulary,
        startsAt: r.startsAt,
        rotations: r.rotations,
        minutesPerRotation: r.minutesPerRotation,
        tableSize: r.tableSize,
        choiceDeadline: r.choiceDeadline,
        seatedAt: r.seatedAt,
        followedUpAt: r.followedUpAt,
        cancelledAt: r.cancelledAt,
        hosts: r.hosts.flatMap((h) => {
          const m = memberOf.get(h.memberId);
          return m ? [{ hostId: h.id, careerPath: h.careerPath, memberId: m.id, slackUserId: m.slackUserId, name: m.name }] : [];
        }),
        choices: r._count.choices,
      },
    ];
  });
}

export async function createRoundTableSession(db: Db | Tx, s: NewRoundTableSession): Promise<string> {
  const { hosts, ...fields } = s;
  const row = await db.roundTableSession.create({
    data: { ...fields, hosts: { create: hosts.map((h) => ({ workspaceId: s.workspaceId, memberId: h.memberId, careerPath: h.careerPath })) } },
    select: { id: true },
  });
  return row.id;
}

export async function findRoundTableSession(db: Db | Tx, workspaceId: string, id: string): Promise<RoundTableSessionRow | null> {
  const row = await db.roundTableSession.findFirst({ where: { workspaceId, id }, select: sessionSelect });
  return row ? ((await withPeople(db, [row]))[0] ?? null) : null;
}

/** A workspace's sessions not cancelled, soonest first; those over more than `since` ago left out. */
export async function listRoundTableSessions(db: Db | Tx, workspaceId: string, since: Date): Promise<RoundTableSessionRow[]> {
  const rows = await db.roundTableSession.findMany({ where: { workspaceId, cancelledAt: null, startsAt: { gte: since } }, select: sessionSelect, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: 50 });
  return withPeople(db, rows);
}

/** Sessions (every workspace) whose choices closed and who are not seated yet. */
export async function sessionsDueForSeating(db: Db, now: Date, live: LiveWorkspaces = {}): Promise<RoundTableSessionRow[]> {
  const rows = await db.roundTableSession.findMany({ where: { ...live, cancelledAt: null, seatedAt: null, choiceDeadline: { lte: now } }, select: sessionSelect, orderBy: { id: "asc" } });
  return withPeople(db, rows);
}

/** Seated sessions (every workspace) that began by `now` and whose trainees were not asked to follow up yet. */
export async function sessionsSeatedNotFollowedUp(db: Db, now: Date, live: LiveWorkspaces = {}): Promise<RoundTableSessionRow[]> {
  const rows = await db.roundTableSession.findMany({ where: { ...live, cancelledAt: null, seatedAt: { not: null }, followedUpAt: null, startsAt: { lte: now } }, select: sessionSelect, orderBy: { id: "asc" } });
  return withPeople(db, rows);
}

/** Sessions of the programs a member is a trainee in, not cancelled and not yet over by `since`. */
export async function traineeRoundTableSessions(db: Db, workspaceId: string, memberId: string, since: Date): Promise<RoundTableSessionRow[]> {
  const programs = await db.enrollment.findMany({ where: { workspaceId, memberId, role: "TRAINEE" }, select: { programId: true } });
  if (programs.length === 0) return [];
  const rows = await db.roundTableSession.findMany({
    where: { workspaceId, cancelledAt: null, programId: { in: programs.map((p) => p.programId) }, startsAt: { gte: since } },
    select: sessionSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 5,
  });
  return withPeople(db, rows);
}

/** Marks the session seated unless it already is (or was cancelled): true for the one caller that did. */
export async function claimSeating(tx: Tx, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.roundTableSession.updateMany({ where: { workspaceId, id, seatedAt: null, cancelledAt: null }, data: { seatedAt: now } });
  return count === 1;
}

export async function claimFollowUp(tx: Tx, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.roundTableSession.updateMany({ where: { workspaceId, id, followedUpAt: null, seatedAt: { not: null }, cancelledAt: null }, data: { followedUpAt: now } });
  return count === 1;
}

export async function cancelRoundTableSession(db: Db, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const { count } = await db.roundTableSession.updateMany({ where: { workspaceId, id, cancelledAt: null, seatedAt: null }, data: { cancelledAt: now } });
  return count === 1;
}

export interface ProgramPerson extends RoundTablePerson {
  email: string | null;
  careerPaths: string[];
}

/** A program's people in one role (not erased), with the career paths on their profile. */
export async function programPeople(db: Db | Tx, workspaceId: string, programId: string, role: "TRAINEE" | "MENTOR"): Promise<ProgramPerson[]> {
  const rows = await db.enrollment.findMany({
    where: { workspaceId, programId, role, member: { erasedAt: null } },
    select: { member: { select: { id: true, slackUserId: true, name: true, email: true, profile: { select: { careerPaths: true } } } } },
    orderBy: [{ member: { name: "asc" } }, { member: { slackUserId: "asc" } }],
  });
  return rows.map((r) => ({ memberId: r.member.id, slackUserId: r.member.slackUserId, name: r.member.name, email: r.member.email, careerPaths: strings(r.member.profile?.careerPaths) }));
}

export async function saveRoundTableChoice(db: Db | Tx, workspaceId: string, sessionId: string, memberId: string, paths: string[]): Promise<void> {
  await db.roundTableChoice.upsert({
    where: { sessionId_memberId: { sessionId, memberId } },
    create: { workspaceId, sessionId, memberId, paths },
    update: { paths },
  });
}

export async function roundTableChoiceOf(db: Db | Tx, workspaceId: string, sessionId: string, memberId: string): Promise<string[] | null> {
  const row = await db.roundTableChoice.findFirst({ where: { workspaceId, sessionId, memberId }, select: { paths: true } });
  return row ? strings(row.paths) : null;
}

/** The trainees who chose, with their choices, in the order they first chose (ties by id). */
export async function roundTableChoices(db: Db | Tx, workspaceId: string, sessionId: string): Promise<(RoundTablePerson & { paths: string[] })[]> {
  const rows = await db.roundTableChoice.findMany({ where: { workspaceId, sessionId }, select: { memberId: true, paths: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const members = await db.member.findMany({ where: { workspaceId, id: { in: rows.map((r) => r.memberId) }, erasedAt: null }, select: { id: true, slackUserId: true, name: true } });
  const byId = new Map(members.map((m) => [m.id, m]));
  return rows.flatMap((r) => {
    const m = byId.get(r.memberId);
    return m ? [{ memberId: m.id, slackUserId: m.slackUserId, name: m.name, paths: strings(r.paths) }] : [];
  });
}

export async function createSeats(tx: Tx, workspaceId: string, sessionId: string, seats: { hostId: string; memberId: string; rotation: number }[]): Promise<void> {
  if (seats.length) await tx.roundTableSeat.createMany({ data: seats.map((s) => ({ workspaceId, sessionId, ...s })) });
}

export interface SeatRow {
  hostId: string;
  rotation: number;
  trainee: RoundTablePerson;
}

export async function seatsOf(db: Db | Tx, workspaceId: string, sessionId: string): Promise<SeatRow[]> {
  const rows = await db.roundTableSeat.findMany({ where: { workspaceId, sessionId }, select: { hostId: true, rotation: true, memberId: true }, orderBy: [{ rotation: "asc" }, { id: "asc" }] });
  const members = await db.member.findMany({ where: { workspaceId, id: { in: [...new Set(rows.map((r) => r.memberId))] } }, select: { id: true, slackUserId: true, name: true } });
  const byId = new Map(members.map((m) => [m.id, m]));
  return rows.flatMap((r) => {
    const m = byId.get(r.memberId);
    return m ? [{ hostId: r.hostId, rotation: r.rotation, trainee: { memberId: m.id, slackUserId: m.slackUserId, name: m.name } }] : [];
  });
}

/** One round-table session as "Your data in Rounds" shows it to a person: what they chose, where they sat, the table they host. */
export interface MyRoundTable {
  programName: string;
  timezone: string;
  /** The program's vocabulary extension, as stored (for the career paths' labels). */
  vocabulary: unknown;
  startsAt: Date;
  cancelled: boolean;
  /** Their career paths of interest, most wanted first; null when they did not choose. */
  paths: string[] | null;
  /** Their seat in each rotation (0-based), with the table's career path and host. */
  seats: { rotation: number; careerPath: string; hostName: string }[];
  /** The career path of the table they host, if they host one. */
  hosting: string | null;
}

/** Every round-table session a person chose in, sat in or hosts, soonest first. */
export async function roundTablesOf(db: Db | Tx, workspaceId: string, memberId: string): Promise<MyRoundTable[]> {
  // One query at a time: inside a transaction this is one connection.
  const choices = await db.roundTableChoice.findMany({ where: { workspaceId, memberId }, select: { sessionId: true, paths: true } });
  const seats = await db.roundTableSeat.findMany({ where: { workspaceId, memberId }, select: { sessionId: true, rotation: true, host: { select: { memberId: true, careerPath: true } } }, orderBy: { rotation: "asc" } });
  const hosting = await db.roundTableHost.findMany({ where: { workspaceId, memberId }, select: { sessionId: true, careerPath: true } });
  const sessionIds = [...new Set([...choices, ...seats, ...hosting].map((r) => r.sessionId))];
  if (sessionIds.length === 0) return [];
  const sessions = await db.roundTableSession.findMany({ where: { workspaceId, id: { in: sessionIds } }, select: { id: true, programId: true, startsAt: true, cancelledAt: true }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
  const programs = await db.program.findMany({ where: { workspaceId, id: { in: [...new Set(sessions.map((s) => s.programId))] } }, select: { id: true, name: true, timezone: true, vocabulary: true } });
  const hostIds = [...new Set(seats.map((s) => s.host.memberId))];
  const hosts = hostIds.length ? await db.member.findMany({ where: { workspaceId, id: { in: hostIds } }, select: { id: true, name: true } }) : [];
  const programOf = new Map(programs.map((p) => [p.id, p]));
  const hostName = new Map(hosts.map((h) => [h.id, h.name]));
  return sessions.flatMap((s) => {
    const p = programOf.get(s.programId);
    if (!p) return [];
    const choice = choices.find((c) => c.sessionId === s.id);
    return [
      {
        programName: p.name,
        timezone: p.timezone,
        vocabulary: p.vocabulary,
        startsAt: s.startsAt,
        cancelled: s.cancelledAt !== null,
        paths: choice ? strings(choice.paths) : null,
        seats: seats.filter((x) => x.sessionId === s.id).map((x) => ({ rotation: x.rotation, careerPath: x.host.careerPath, hostName: hostName.get(x.host.memberId) ?? "" })),
        hosting: hosting.find((h) => h.sessionId === s.id)?.careerPath ?? null,
      },
    ];
  });
}
