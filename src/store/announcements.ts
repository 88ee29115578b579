import type { Db, Tx } from "./database.js";
import type { Prisma } from "../generated/sqlite/client.js";
import type { LiveWorkspaces } from "./workspaces.js";

export type AnnouncementStatus = "SCHEDULED" | "POSTED" | "CANCELLED";

export interface AnnouncementRecord {
  id: string;
  workspaceId: string;
  programId: string;
  programName: string;
  timezone: string;
  cohortIds: string[];
  channelId: string;
  text: string;
  notifyEveryone: boolean;
  alsoDm: boolean;
  postAt: Date;
  status: AnnouncementStatus;
  postedAt: Date | null;
  postedChannel: string | null;
  postedTs: string | null;
  createdById: string;
  editedAt: Date | null;
  createdAt: Date;
}

export interface AnnouncementFields {
  programId: string;
  cohortIds: string[];
  channelId: string;
  text: string;
  notifyEveryone: boolean;
  alsoDm: boolean;
  postAt: Date;
}

const SELECT = {
  id: true,
  workspaceId: true,
  programId: true,
  cohortIds: true,
  channelId: true,
  text: true,
  notifyEveryone: true,
  alsoDm: true,
  postAt: true,
  status: true,
  postedAt: true,
  postedChannel: true,
  postedTs: true,
  createdById: true,
  editedAt: true,
  createdAt: true,
  program: { select: { name: true, timezone: true } },
} as const;

type Row = Omit<AnnouncementRecord, "programName" | "timezone" | "cohortIds"> & { cohortIds: unknown; program: { name: string; timezone: string } };

const toRecord = ({ program, cohortIds, ...r }: Row): AnnouncementRecord => ({
  ...r,
  cohortIds: Array.isArray(cohortIds) ? cohortIds.filter((c): c is string => typeof c === "string") : [],
  programName: program.name,
  timezone: program.timezone,
});

const data = (f: AnnouncementFields) => ({ ...f, cohortIds: f.cohortIds as Prisma.InputJsonValue });

export async function createAnnouncement(db: Db | Tx, workspaceId: string, createdById: string, fields: AnnouncementFields, now: Date): Promise<AnnouncementRecord> {
  const row = await db.announcement.create({ data: { workspaceId, createdById, ...data(fields), createdAt: now }, select: SELECT });
  return toRecord(row);
}

export async function findAnnouncement(db: Db | Tx, workspaceId: string, id: string): Promise<AnnouncementRecord | null> {
  const row = await db.announcement.findFirst({ where: { workspaceId, id }, select: SELECT });
  return row ? toRecord(row) : null;
}

/** Changes a still-scheduled announcement; false if it was posted or cancelled meanwhile. */
export async function updateScheduled(db: Db | Tx, workspaceId: string, id: string, fields: AnnouncementFields, now: Date): Promise<boolean> {
  const { count } = await db.announcement.updateMany({ where: { workspaceId, id, status: "SCHEDULED" }, data: { ...data(fields), editedAt: now } });
  return count === 1;
}

/** Changes the words of a posted announcement (its message is then updated in Slack). */
export async function updatePostedText(db: Db | Tx, workspaceId: string, id: string, text: string, notifyEveryone: boolean, now: Date): Promise<boolean> {
  const { count } = await db.announcement.updateMany({ where: { workspaceId, id, status: "POSTED" }, data: { text, notifyEveryone, editedAt: now } });
  return count === 1;
}

/** SCHEDULED → CANCELLED; false if it was no longer scheduled. */
export async function cancelScheduled(db: Db | Tx, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const { count } = await db.announcement.updateMany({ where: { workspaceId, id, status: "SCHEDULED" }, data: { status: "CANCELLED", editedAt: now } });
  return count === 1;
}

/** SCHEDULED → POSTED (handed to delivery); false if another run (or a cancel) got there first. */
export async function markHandedOver(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
  const { count } = await tx.announcement.updateMany({ where: { workspaceId, id, status: "SCHEDULED" }, data: { status: "POSTED" } });
  return count === 1;
}

/** Records where Slack put the message, once (the first report wins). */
export async function recordPosted(db: Db | Tx, workspaceId: string, id: string, channel: string, ts: string, now: Date): Promise<boolean> {
  const { count } = await db.announcement.updateMany({ where: { workspaceId, id, postedTs: null }, data: { postedChannel: channel, postedTs: ts, postedAt: now } });
  return count === 1;
}

/** Scheduled announcements whose time has come (every workspace): for the job. */
export async function dueAnnouncements(db: Db, now: Date, live: LiveWorkspaces): Promise<AnnouncementRecord[]> {
  const rows = await db.announcement.findMany({ where: { status: "SCHEDULED", postAt: { lte: now }, ...live }, select: SELECT, orderBy: { postAt: "asc" } });
  return rows.map(toRecord);
}

/** Announcements handed to delivery whose Slack message is not recorded yet (every workspace). */
export async function undeliveredAnnouncements(db: Db): Promise<AnnouncementRecord[]> {
  const rows = await db.announcement.findMany({ where: { status: "POSTED", postedTs: null }, select: SELECT });
  return rows.map(toRecord);
}

/** A director's list: everything scheduled or not yet delivered, and the most recent others. */
export async function listAnnouncements(db: Db, workspaceId: string, recent: number): Promise<AnnouncementRecord[]> {
  const open = await db.announcement.findMany({
    where: { workspaceId, OR: [{ status: "SCHEDULED" }, { status: "POSTED", postedTs: null }] },
    select: SELECT,
    orderBy: { postAt: "asc" },
  });
  const done = await db.announcement.findMany({
    where: { workspaceId, OR: [{ status: "CANCELLED" }, { status: "POSTED", postedTs: { not: null } }] },
    select: SELECT,
    orderBy: { postAt: "desc" },
    take: recent,
  });
  return [...open, ...done].map(toRecord);
}

/** The people to DM: every member enrolled in the program (in any of `cohortIds`, or all when empty), once each. */
export async function audienceOf(db: Db | Tx, workspaceId: string, programId: string, cohortIds: string[]): Promise<{ memberId: string; slackUserId: string }[]> {
  const rows = await db.enrollment.findMany({
    where: { workspaceId, programId, ...(cohortIds.length ? { cohortId: { in: cohortIds } } : {}), member: { erasedAt: null } },
    select: { member: { select: { id: true, slackUserId: true } } },
  });
  const seen = new Map<string, string>();
  for (const r of rows) seen.set(r.member.id, r.member.slackUserId);
  return [...seen].map(([memberId, slackUserId]) => ({ memberId, slackUserId }));
}

/** The delivery of one outbox message, by key (null when none was queued). */
export async function deliveryOf(db: Db | Tx, workspaceId: string, key: string): Promise<{ status: string; lastError: string | null; postedChannel: string | null; postedTs: string | null } | null> {
  return db.outboxMessage.findUnique({
    where: { workspaceId_key: { workspaceId, key } },
    select: { status: true, lastError: true, postedChannel: true, postedTs: true },
  });
}

/** Cancels one handed to delivery that Slack refused (its post never went out). */
export async function cancelUndelivered(db: Db | Tx, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const { count } = await db.announcement.updateMany({ where: { workspaceId, id, status: "POSTED", postedTs: null }, data: { status: "CANCELLED", editedAt: now } });
  return count === 1;
}
