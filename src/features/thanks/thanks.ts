import { stringify } from "csv-stringify/sync";
import type { Db } from "../../store/database.js";
import type { WithDirectory, WithMessages } from "../context.js";
import { findMember } from "../../store/members.js";
import { enqueue } from "../../store/outbox.js";
import { createThanks, listThanks, sharedMentorPrograms, type ThanksRow } from "../../store/thanks.js";
import { NotThankable, ThanksToSelf } from "../../domain/errors.js";
import { audit, type Actor } from "../programs/audit.js";
import { ensureMember } from "../profiles/members.js";

export type { ThanksRow } from "../../store/thanks.js";

/** The longest thank-you note. */
export const THANKS_MESSAGE_MAX = 1000;

export interface ThanksPayload {
  text: string;
  blocks: unknown[];
}

/** What a thank-you is about, for the messages (src/features/thanks/views/views.ts writes them). */
export interface ThanksNote {
  id: string;
  fromSlackId: string;
  toSlackId: string;
  programName: string;
  message: string;
}

export interface ThanksMessages {
  mentorDm(t: ThanksNote): ThanksPayload;
  shoutOut(t: ThanksNote): ThanksPayload;
}

export interface ThanksInput {
  toSlackUserId: string;
  message: string;
  shoutOut: boolean;
}

export interface ThanksSent {
  id: string;
  toSlackUserId: string;
  programName: string;
  /** The channel the shout-out goes to; null when none was asked for, or the program has no announcement channel. */
  shoutOutChannel: string | null;
  shoutOutAsked: boolean;
}

/**
 * A trainee thanks a mentor. The mentor must be a mentor in a program the thanker belongs to (any
 * role); not yourself; not an empty note. The mentor's DM (and the shout-out in the program's
 * announcement channel, when asked and there is one) are queued with the Thanks row, keyed by it.
 */
export async function sayThanks(ctx: WithDirectory & WithMessages<ThanksMessages>, fromSlackUserId: string, input: ThanksInput): Promise<ThanksSent> {
  const { db, directory, workspaceId, now, messages } = ctx;
  if (input.toSlackUserId === fromSlackUserId) throw new ThanksToSelf();
  const message = input.message.trim().slice(0, THANKS_MESSAGE_MAX);
  if (!message) throw new RangeError("a thank-you needs a message");
  const from = await ensureMember(db, directory, workspaceId, fromSlackUserId, now);
  // The mentor is looked up in the member store only (no users.info, so the answer comes before
  // Slack's 3 seconds): someone Rounds has never stored is in no program, so not a mentor of the thanker's.
  const to = await findMember(db, workspaceId, input.toSlackUserId);
  if (!to) throw new NotThankable(input.toSlackUserId);
  const program = (await sharedMentorPrograms(db, workspaceId, from.id, to.id))[0];
  if (!program || to.erasedAt) throw new NotThankable(input.toSlackUserId);
  const shoutOutChannel = input.shoutOut ? program.announcementChannel : null;
  const id = await db.$transaction(async (tx) => {
    const id = await createThanks(tx, { workspaceId, programId: program.id, fromId: from.id, toId: to.id, message, shoutOut: shoutOutChannel !== null, createdAt: now });
    const note: ThanksNote = { id, fromSlackId: fromSlackUserId, toSlackId: input.toSlackUserId, programName: program.name, message };
    await enqueue(tx, { workspaceId, key: `thanks:${id}`, channel: input.toSlackUserId, payload: { ...messages.mentorDm(note) }, notBefore: now });
    if (shoutOutChannel) await enqueue(tx, { workspaceId, key: `thanks-shoutout:${id}`, channel: shoutOutChannel, payload: { ...messages.shoutOut(note) }, notBefore: now });
    return id;
  });
  return { id, toSlackUserId: input.toSlackUserId, programName: program.name, shoutOutChannel, shoutOutAsked: input.shoutOut };
}

export interface ThanksCount {
  mentorMemberId: string;
  mentorSlackId: string;
  mentorName: string;
  email: string | null;
  /** Thank-you notes received. */
  count: number;
  /** Different people who sent them. */
  thankers: number;
  programs: string[];
  firstAt: Date;
  lastAt: Date;
  messages: string[];
}

function tally(rows: ThanksRow[]): ThanksCount[] {
  const byMentor = new Map<string, ThanksCount & { from: Set<string> }>();
  for (const r of [...rows].reverse()) {
    const c = byMentor.get(r.to.memberId) ?? { mentorMemberId: r.to.memberId, mentorSlackId: r.to.slackUserId, mentorName: r.to.name, email: r.to.email, count: 0, thankers: 0, programs: [], firstAt: r.createdAt, lastAt: r.createdAt, messages: [], from: new Set<string>() };
    c.count += 1;
    c.from.add(r.from.memberId);
    c.thankers = c.from.size;
    if (r.programName && !c.programs.includes(r.programName)) c.programs.push(r.programName);
    c.lastAt = r.createdAt;
    c.messages.push(r.message);
    byMentor.set(r.to.memberId, c);
  }
  return [...byMentor.values()]
    .map(({ from: _from, ...c }) => c)
    .sort((a, b) => b.count - a.count || b.thankers - a.thankers || a.mentorName.localeCompare(b.mentorName));
}

/** Thank-you counts per mentor (most thanked first), for a workspace or one of its programs. */
export async function thanksCounts(db: Db, workspaceId: string, programId?: string, since?: Date): Promise<ThanksCount[]> {
  return tally(await listThanks(db, workspaceId, { ...(programId ? { programId } : {}), ...(since ? { since } : {}) }));
}

export const SHORTLIST_COLUMNS = ["rank", "mentor", "slack_user_id", "email", "thanks", "distinct_thankers", "programs", "first_thanked", "last_thanked", "messages"] as const;

/**
 * The mentorship-award shortlist: every thanked mentor, most thanked first, with the notes they
 * got (for nomination letters), as CSV. Audited (it carries trainees' words).
 */
export async function thanksShortlist(db: Db, by: Actor, filter: { programId?: string; since?: Date }, now: Date): Promise<{ csv: string; rows: number }> {
  const counts = await thanksCounts(db, by.workspaceId, filter.programId, filter.since);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const csv = stringify(
    counts.map((c, i) => [i + 1, c.mentorName, c.mentorSlackId, c.email ?? "", c.count, c.thankers, c.programs.join("; "), day(c.firstAt), day(c.lastAt), c.messages.join(" | ")]),
    { header: true, columns: [...SHORTLIST_COLUMNS] },
  );
  await audit(db, by, "thanks.shortlist", filter.programId ?? null, { rows: counts.length, since: filter.since?.toISOString() ?? null }, now);
  return { csv, rows: counts.length };
}
