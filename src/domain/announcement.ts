import { DateTime } from "luxon";
import { z } from "zod";

/** The longest announcement text (Slack allows 3,000 characters in a section; the draft also travels in a modal's metadata). */
export const ANNOUNCEMENT_TEXT_MAX = 2000;

/** Broadcast mentions that ping a whole channel: `<!channel>`, `<!here>`, `<!everyone>` (with or without a `|label`). */
const BROADCAST = /<!(channel|here|everyone)(\|[^>]*)?>/gi;

/**
 * The text as it is posted. Broadcast mentions the director typed are escaped (they show as text and
 * ping no one) unless `notifyEveryone`, in which case the post starts with one `<!channel>`. User
 * mentions (`<@U…>`), channel links (`<#C…>`) and links (`<https://…|label>`) are kept as typed.
 */
export function announcementMrkdwn(text: string, notifyEveryone: boolean): string {
  const body = text.trim().replace(BROADCAST, (token) => token.replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  return notifyEveryone ? `<!channel> ${body}` : body;
}

/** Whether the text holds a broadcast mention that will be neutralised (the preview says so). */
export function hasBroadcastMention(text: string): boolean {
  return new RegExp(BROADCAST.source, "i").test(text);
}

export type WhenToPost = "now" | "later";

/** The compose form, as read from Slack (strings), before it becomes a draft. */
export interface ComposeFields {
  programId: string | null;
  cohortIds: string[];
  channelId: string | null;
  text: string;
  notifyEveryone: boolean;
  alsoDm: boolean;
  when: string | null;
  date: string | null;
  time: string | null;
}

/** A validated announcement, ready to preview and post. `postAt` null = post now. */
export interface AnnouncementDraft {
  programId: string;
  cohortIds: string[];
  channelId: string;
  text: string;
  notifyEveryone: boolean;
  alsoDm: boolean;
  postAt: Date | null;
}

/** What the compose form needs to know to validate: the program's channel and time zone, its cohorts, the clock. */
export interface ComposeContext {
  /** The program's own announcement channel (used when the form leaves the channel empty). */
  defaultChannel: string | null;
  timezone: string;
  cohortIds: string[];
  now: Date;
}

export type ComposeField = "programId" | "cohortIds" | "channelId" | "text" | "when" | "date" | "time";

const fieldsSchema = z.object({
  programId: z.string({ error: "Pick a program." }).min(1, "Pick a program."),
  cohortIds: z.array(z.string()),
  channelId: z.string().nullable(),
  text: z
    .string()
    .trim()
    .min(1, "Write the announcement.")
    .max(ANNOUNCEMENT_TEXT_MAX, `Keep the announcement to ${ANNOUNCEMENT_TEXT_MAX} characters.`),
  notifyEveryone: z.boolean(),
  alsoDm: z.boolean(),
  when: z.enum(["now", "later"], { error: "Choose when to post." }),
  date: z.string().nullable(),
  time: z.string().nullable(),
});

/**
 * Validates the compose form: a program; cohorts of that program; a channel (the form's, else the
 * program's); text; and for "later" a date and time in the program's time zone that is in the future.
 */
export function validateCompose(fields: ComposeFields, ctx: ComposeContext): { ok: true; draft: AnnouncementDraft } | { ok: false; errors: Partial<Record<ComposeField, string>> } {
  const parsed = fieldsSchema.safeParse(fields);
  const errors: Partial<Record<ComposeField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0]) as ComposeField] ??= issue.message;
    return { ok: false, errors };
  }
  const f = parsed.data;
  if (f.cohortIds.some((id) => !ctx.cohortIds.includes(id))) errors.cohortIds = "Pick cohorts of the chosen program.";
  const channelId = f.channelId ?? ctx.defaultChannel;
  if (!channelId) errors.channelId = "Pick a channel: this program has no announcement channel.";
  let postAt: Date | null = null;
  if (f.when === "later") {
    if (!f.date) errors.date = "Pick the day to post.";
    if (!f.time) errors.time = "Pick the time to post.";
    if (f.date && f.time) {
      const at = DateTime.fromISO(`${f.date}T${f.time}`, { zone: ctx.timezone });
      if (!at.isValid) errors.date = "That is not a date and time.";
      else if (at.toMillis() <= ctx.now.getTime()) errors.time = `That time has passed (in ${ctx.timezone}). Pick a later time, or post now.`;
      else postAt = at.toJSDate();
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, draft: { programId: f.programId, cohortIds: f.cohortIds, channelId: channelId!, text: f.text, notifyEveryone: f.notifyEveryone, alsoDm: f.alsoDm, postAt } };
}

/** The date and time fields of a scheduled time in the program's zone (to refill the form). */
export function postAtFields(at: Date, timezone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(at).setZone(timezone);
  return { date: local.toFormat("yyyy-MM-dd"), time: local.toFormat("HH:mm") };
}

/** Where an announcement is, as directors see it. */
export type AnnouncementState = "scheduled" | "sending" | "waiting_for_invite" | "failed" | "posted" | "cancelled";

/**
 * The state from the row and its channel post's outbox row: handed to delivery (POSTED without a
 * ts) is "sending" until Slack answers; refused because Rounds is not in the channel is
 * "waiting_for_invite"; refused for another reason is "failed".
 */
export function announcementState(
  a: { status: "SCHEDULED" | "POSTED" | "CANCELLED"; postedTs: string | null },
  delivery: { status: string; lastError: string | null } | null,
): AnnouncementState {
  if (a.status === "CANCELLED") return "cancelled";
  if (a.status === "SCHEDULED") return "scheduled";
  if (a.postedTs) return "posted";
  if (delivery?.status === "FAILED") return isInviteError(delivery.lastError) ? "waiting_for_invite" : "failed";
  return "sending";
}

/** Slack's answers that mean Rounds is not in the channel (or cannot see it: private, not invited). */
export function isInviteError(slackError: string | null): boolean {
  return slackError === "not_in_channel" || slackError === "channel_not_found";
}
