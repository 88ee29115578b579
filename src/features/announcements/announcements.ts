import type { Db } from "../../store/database.js";
import type { WithMessages } from "../context.js";
import * as store from "../../store/announcements.js";
import type { AnnouncementRecord } from "../../store/announcements.js";
import { enqueue, requeueFailed } from "../../store/outbox.js";
import { runOnce } from "../../store/jobRuns.js";
import { liveWorkspacesOnly } from "../../store/workspaces.js";
import { listCohorts } from "../../store/programs.js";
import { announcementState, type AnnouncementDraft, type AnnouncementState } from "../../domain/announcement.js";
import { AnnouncementNotEditable, AnnouncementNotFound, CohortNotFound } from "../../domain/errors.js";
import { audit, type Actor } from "../programs/audit.js";
import { getProgram } from "../programs/programs.js";
import type { RunTime } from "../ports.js";

export type { AnnouncementRecord } from "../../store/announcements.js";

/** A Slack message body (chat.postMessage arguments other than channel). */
export interface AnnouncementPayload {
  text: string;
  blocks: unknown[];
}

/** The words of every message announcements send; src/features/announcements/views/messages.ts writes them. */
export interface AnnouncementMessages {
  /** The post in the channel, exactly as the preview shows it. */
  channelPost(a: AnnouncementRecord): AnnouncementPayload;
  /** The copy each member of the cohort(s) gets when "also DM" is ticked. */
  memberDm(a: AnnouncementRecord, posted: { channel: string; ts: string }): AnnouncementPayload;
  /** To the director: Rounds is not in the channel; how to invite it. */
  inviteNeeded(a: AnnouncementRecord, botName: string): AnnouncementPayload;
}

export const ANNOUNCEMENT_JOB = "announcements";
/** The outbox key of an announcement's channel post (also its run key). */
export const postKey = (id: string) => `announcement:${id}`;
export const idOfPostKey = (key: string) => key.slice("announcement:".length);

async function mustFind(db: Db, workspaceId: string, id: string): Promise<AnnouncementRecord> {
  const a = await store.findAnnouncement(db, workspaceId, id);
  if (!a) throw new AnnouncementNotFound(id);
  return a;
}

async function checkDraft(db: Db, workspaceId: string, draft: AnnouncementDraft): Promise<void> {
  await getProgram(db, workspaceId, draft.programId);
  const cohorts = new Set((await listCohorts(db, workspaceId, draft.programId)).map((c) => c.id));
  const stray = draft.cohortIds.find((id) => !cohorts.has(id));
  if (stray) throw new CohortNotFound(stray);
}

const fieldsOf = (d: AnnouncementDraft, now: Date): store.AnnouncementFields => ({
  programId: d.programId,
  cohortIds: d.cohortIds,
  channelId: d.channelId,
  text: d.text,
  notifyEveryone: d.notifyEveryone,
  alsoDm: d.alsoDm,
  postAt: d.postAt ?? now,
});

/** Saves a new announcement (scheduled, or due now when the draft has no time), audited. */
export async function createAnnouncement(db: Db, by: Actor, draft: AnnouncementDraft, now: Date): Promise<AnnouncementRecord> {
  await checkDraft(db, by.workspaceId, draft);
  return db.$transaction(async (tx) => {
    const a = await store.createAnnouncement(tx, by.workspaceId, by.actor, fieldsOf(draft, now), now);
    await audit(tx, by, "announcement.create", a.id, { programId: a.programId, cohortIds: a.cohortIds, channelId: a.channelId, postAt: a.postAt.toISOString(), postNow: draft.postAt === null, notifyEveryone: a.notifyEveryone, alsoDm: a.alsoDm }, now);
    return a;
  });
}

/**
 * Hands a due announcement to delivery, once ever (its run key): SCHEDULED → POSTED and its
 * channel post queued in the same transaction, to go out from `sendFrom` (now, for a director's
 * "Post now"; the run's real time, for the job). False if it had already been handed over or was cancelled.
 */
export async function handOver(db: Db, a: AnnouncementRecord, now: Date, messages: AnnouncementMessages, sendFrom = now): Promise<boolean> {
  let handed = false;
  await runOnce(db, { key: postKey(a.id), job: ANNOUNCEMENT_JOB, workspaceId: a.workspaceId }, now, async (tx) => {
    if (!(await store.markHandedOver(tx, a.workspaceId, a.id))) return;
    // Posted as it stands now: an edit saved after the caller read `a` (and before this) must not be lost.
    const current = (await store.findAnnouncement(tx, a.workspaceId, a.id))!;
    await enqueue(tx, { workspaceId: a.workspaceId, key: postKey(a.id), channel: current.channelId, payload: { ...messages.channelPost(current) }, notBefore: sendFrom });
    handed = true;
  });
  return handed;
}

/** Creates the announcement and hands it over at once ("Post now"). */
export async function postNow(ctx: WithMessages<AnnouncementMessages>, by: Actor, draft: AnnouncementDraft): Promise<AnnouncementRecord> {
  const { db, now, messages } = ctx;
  const a = await createAnnouncement(db, by, { ...draft, postAt: null }, now);
  await handOver(db, a, now, messages);
  return (await store.findAnnouncement(db, by.workspaceId, a.id))!;
}

/** The job's sweep: every scheduled announcement whose time has come at `at.now` is handed over (each once). */
export async function handOverDue(db: Db, at: RunTime, messages: AnnouncementMessages): Promise<number> {
  let n = 0;
  for (const a of await store.dueAnnouncements(db, at.now, await liveWorkspacesOnly(db))) if (await handOver(db, a, at.now, messages, at.sendFrom)) n += 1;
  return n;
}

/**
 * The channel post went out: records where (so it can be edited later) and, when "also DM" is
 * ticked, queues one DM per member of the cohort(s), keyed per member, to go out from `sendFrom` —
 * in one transaction, and safe to repeat (the outbox hook and the job's sweep may both call it).
 * Returns how many DMs it queued.
 */
export async function finishDelivered(db: Db, workspaceId: string, id: string, posted: { channel: string; ts: string }, now: Date, messages: AnnouncementMessages, sendFrom = now): Promise<number> {
  const a = await store.findAnnouncement(db, workspaceId, id);
  if (!a) return 0;
  return db.$transaction(async (tx) => {
    await store.recordPosted(tx, workspaceId, id, posted.channel, posted.ts, now);
    if (!a.alsoDm) return 0;
    let queued = 0;
    for (const m of await store.audienceOf(tx, workspaceId, a.programId, a.cohortIds)) {
      const payload = { ...messages.memberDm(a, posted) };
      if (await enqueue(tx, { workspaceId, key: `announcement-dm:${id}:${m.memberId}`, channel: m.slackUserId, payload, notBefore: sendFrom })) queued += 1;
    }
    return queued;
  });
}

/**
 * The job's second sweep: announcements whose post went out but was not recorded (a crash between
 * the two). Returns how many it finished and how many member DMs that queued.
 */
export async function finishAllDelivered(db: Db, at: RunTime, messages: AnnouncementMessages): Promise<{ finished: number; queued: number }> {
  const done = { finished: 0, queued: 0 };
  for (const a of await store.undeliveredAnnouncements(db)) {
    const d = await store.deliveryOf(db, a.workspaceId, postKey(a.id));
    if (d?.status === "SENT" && d.postedChannel && d.postedTs) {
      done.queued += await finishDelivered(db, a.workspaceId, a.id, { channel: d.postedChannel, ts: d.postedTs }, at.now, messages, at.sendFrom);
      done.finished += 1;
    }
  }
  return done;
}

/** Slack refused the post because Rounds is not in the channel: the director is told once per channel how to invite it. */
export async function noteInviteNeeded(db: Db, workspaceId: string, id: string, now: Date, messages: AnnouncementMessages, botName: string): Promise<void> {
  const a = await store.findAnnouncement(db, workspaceId, id);
  if (!a) return;
  await enqueue(db, { workspaceId, key: `announcement-invite:${id}:${a.channelId}`, channel: a.createdById, payload: { ...messages.inviteNeeded(a, botName) }, notBefore: now });
}

/**
 * Puts announcements that Slack refused back in the queue (e.g. after Rounds was invited): those
 * in `channelId`, or the one with `id`. Returns how many were requeued.
 */
export async function retryRefused(db: Db, workspaceId: string, which: { channelId?: string; id?: string }, now: Date): Promise<number> {
  let n = 0;
  for (const a of await store.listAnnouncements(db, workspaceId, 0)) {
    if (a.status !== "POSTED" || a.postedTs) continue;
    if (which.channelId && a.channelId !== which.channelId) continue;
    if (which.id && a.id !== which.id) continue;
    if (await requeueFailed(db, workspaceId, postKey(a.id), now)) n += 1;
  }
  return n;
}

export interface ListedAnnouncement {
  announcement: AnnouncementRecord;
  state: AnnouncementState;
}

async function withState(db: Db, a: AnnouncementRecord): Promise<ListedAnnouncement> {
  const delivery = a.status === "POSTED" && !a.postedTs ? await store.deliveryOf(db, a.workspaceId, postKey(a.id)) : null;
  return { announcement: a, state: announcementState(a, delivery) };
}

/** A director's list: scheduled and undelivered ones first (soonest first), then the 10 most recent. */
export async function listForDirector(db: Db, workspaceId: string): Promise<ListedAnnouncement[]> {
  return Promise.all((await store.listAnnouncements(db, workspaceId, 10)).map((a) => withState(db, a)));
}

export async function announcementFor(db: Db, workspaceId: string, id: string): Promise<ListedAnnouncement> {
  return withState(db, await mustFind(db, workspaceId, id));
}

export type EditOutcome =
  | { kind: "rescheduled"; announcement: AnnouncementRecord }
  | { kind: "handed_over"; announcement: AnnouncementRecord }
  | { kind: "posted"; announcement: AnnouncementRecord; channel: string; ts: string };

/**
 * Edits an announcement. Scheduled: everything may change (no time = post it now). Posted: the
 * words and the notify flag change, and the caller updates the message in Slack. Anything else
 * (being delivered, cancelled) is AnnouncementNotEditable. Audited with before and after.
 */
export async function editAnnouncement(ctx: WithMessages<AnnouncementMessages>, by: Actor, id: string, draft: AnnouncementDraft): Promise<EditOutcome> {
  const { db, now, messages } = ctx;
  const { announcement: before, state } = await announcementFor(db, by.workspaceId, id);
  const trail = (after: Record<string, unknown>) => ({ before: { text: before.text, channelId: before.channelId, postAt: before.postAt.toISOString(), cohortIds: before.cohortIds, notifyEveryone: before.notifyEveryone, alsoDm: before.alsoDm }, after });
  if (state === "scheduled") {
    await checkDraft(db, by.workspaceId, draft);
    const fields = fieldsOf(draft, now);
    const changed = await db.$transaction(async (tx) => {
      if (!(await store.updateScheduled(tx, by.workspaceId, id, fields, now))) return false;
      await audit(tx, by, "announcement.edit", id, trail({ ...fields, postAt: fields.postAt.toISOString() }), now);
      return true;
    });
    if (!changed) return editAnnouncement(ctx, by, id, draft); // posted or cancelled meanwhile: edit that instead
    const announcement = (await store.findAnnouncement(db, by.workspaceId, id))!;
    if (draft.postAt === null) {
      await handOver(db, announcement, now, messages);
      return { kind: "handed_over", announcement };
    }
    return { kind: "rescheduled", announcement };
  }
  if (state === "posted") {
    await db.$transaction(async (tx) => {
      if (!(await store.updatePostedText(tx, by.workspaceId, id, draft.text, draft.notifyEveryone, now))) throw new AnnouncementNotEditable("cancelled");
      await audit(tx, by, "announcement.edit", id, trail({ text: draft.text, notifyEveryone: draft.notifyEveryone }), now);
    });
    const announcement = (await store.findAnnouncement(db, by.workspaceId, id))!;
    return { kind: "posted", announcement, channel: before.postedChannel!, ts: before.postedTs! };
  }
  throw new AnnouncementNotEditable(state.replace(/_/g, " "));
}

/** Cancels a scheduled announcement (or one waiting for Rounds to be invited), audited. */
export async function cancelAnnouncement(db: Db, by: Actor, id: string, now: Date): Promise<AnnouncementRecord> {
  const { announcement, state } = await announcementFor(db, by.workspaceId, id);
  if (state !== "scheduled" && state !== "waiting_for_invite" && state !== "failed") throw new AnnouncementNotEditable(state.replace(/_/g, " "));
  await db.$transaction(async (tx) => {
    const done = state === "scheduled" ? await store.cancelScheduled(tx, by.workspaceId, id, now) : await store.cancelUndelivered(tx, by.workspaceId, id, now);
    if (!done) throw new AnnouncementNotEditable("no longer waiting");
    await audit(tx, by, "announcement.cancel", id, { state }, now);
  });
  return { ...announcement, status: "CANCELLED" };
}

/** How many people an announcement's DMs would reach. */
export async function audienceSize(db: Db, workspaceId: string, programId: string, cohortIds: string[]): Promise<number> {
  return (await store.audienceOf(db, workspaceId, programId, cohortIds)).length;
}

/** A director's "Try again" on one Slack refused: back in the queue (audited). */
export async function retryAnnouncement(db: Db, by: Actor, id: string, now: Date): Promise<boolean> {
  await mustFind(db, by.workspaceId, id);
  const n = await retryRefused(db, by.workspaceId, { id }, now);
  if (n) await audit(db, by, "announcement.retry", id, {}, now);
  return n > 0;
}
