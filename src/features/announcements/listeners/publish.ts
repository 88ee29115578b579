import type { DirectorActor } from "../../programs/directors.js";
import { createAnnouncement, editAnnouncement, postNow } from "../announcements.js";
import { ensureInChannel } from "../../../slack/channelAccess.js";
import { botName } from "../../../slack/botName.js";
import { announcementDone, type Published } from "../views/doneWords.js";
import type { PreviewMetadata } from "../views/form.js";
import { announcementMessages } from "../views/messages.js";
import type { Interaction } from "../../../slack/interaction/pipeline.js";

type Publisher = Pick<Interaction, "deps" | "ctx" | "client" | "logger">;

/** Post now: make sure Rounds is in the channel (joining a public one), then hand the post to the outbox. */
async function postIt({ deps, ctx, client }: Publisher, by: DirectorActor, meta: PreviewMetadata): Promise<Published> {
  const access = await ensureInChannel(client, meta.draft.channelId);
  await postNow({ ...ctx, messages: announcementMessages }, by, meta.draft);
  deps.kickOutbox();
  if (access === "invite_needed") return announcementDone.waitingForInvite(meta.draft.channelId, await botName(client, by.workspaceId));
  return announcementDone.postedNow(meta.draft.channelId, meta.draft.alsoDm);
}

/** Saves an edit; a posted announcement's message is updated in Slack. */
async function saveEdit({ deps, ctx, client, logger }: Publisher, by: DirectorActor, id: string, meta: PreviewMetadata): Promise<Published> {
  const outcome = await editAnnouncement({ ...ctx, messages: announcementMessages }, by, id, meta.draft);
  const a = outcome.announcement;
  if (outcome.kind === "posted") {
    try {
      await client.chat.update({ channel: outcome.channel, ts: outcome.ts, ...announcementMessages.channelPost(a) });
    } catch (error) {
      logger.warn({ err: error, announcement: id }, "announcement saved but chat.update failed");
      return announcementDone.editNotApplied(outcome.channel, a.programId);
    }
    return announcementDone.editApplied(outcome.channel, a.alsoDm);
  }
  if (outcome.kind === "handed_over") {
    await ensureInChannel(client, a.channelId);
    deps.kickOutbox();
    return announcementDone.editPostedNow(a.channelId);
  }
  return announcementDone.editSaved(a);
}

/** What the preview's submit does: save an edit, post now, or schedule. */
export async function publish(p: Publisher, by: DirectorActor, meta: PreviewMetadata): Promise<Published> {
  if (meta.id) return saveEdit(p, by, meta.id, meta);
  if (!meta.draft.postAt) return postIt(p, by, meta);
  const a = await createAnnouncement(p.ctx.db, by, meta.draft, p.ctx.now);
  return announcementDone.scheduled(a);
}
