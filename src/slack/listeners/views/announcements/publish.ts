import type { WebClient } from "@slack/web-api";
import type { DirectorActor } from "../../../../services/directors.js";
import { createAnnouncement, editAnnouncement, postNow } from "../../../../services/announcements.js";
import { dayTime } from "../../../kit/dates.js";
import type { NextStep } from "../../../views/admin/doneModal.js";
import { ANNOUNCE } from "../../../views/announcements/ids.js";
import { DM_COPIES_KEEP_OLD_WORDS } from "../../../views/announcements/composeModal.js";
import { ensureInChannel } from "../../../channelAccess.js";
import { botName, inviteCommand } from "../../../botName.js";
import type { PreviewMetadata } from "../../../views/announcements/form.js";
import { announcementMessages } from "../../../views/announcements/messages.js";
import type { ListenerDeps } from "../../deps.js";

export interface Published {
  title: string;
  text: string;
  next?: NextStep[];
}

/** The list, where a director edits or cancels what they posted or scheduled. */
const LIST: NextStep = { text: "Announcements", actionId: ANNOUNCE.actions.list };

const INVITE = (channel: string, name: string) =>
  `Rounds isn't a member of <#${channel}>, which is private. Open <#${channel}> and type \`${inviteCommand(name)}\`: the announcement waits and goes out as soon as Rounds is in (I'll also remind you by DM).`;

/** Post now: make sure Rounds is in the channel (joining a public one), then hand the post to the outbox. */
async function postIt(deps: ListenerDeps, client: WebClient, by: DirectorActor, meta: PreviewMetadata): Promise<Published> {
  const access = await ensureInChannel(client, meta.draft.channelId);
  await postNow(deps.db, by, meta.draft, deps.now(), announcementMessages);
  deps.kickOutbox();
  if (access === "invite_needed") return { title: "Waiting for an invite", text: INVITE(meta.draft.channelId, await botName(client, by.workspaceId)) };
  return { title: "Announcement posted", text: `Posting it in <#${meta.draft.channelId}> now${meta.draft.alsoDm ? ", and by DM to each member" : ""}. To change its words later, find it under Announcements.`, next: [LIST] };
}

/** Saves an edit; a posted announcement's message is updated in Slack. */
async function saveEdit(deps: ListenerDeps, client: WebClient, by: DirectorActor, id: string, meta: PreviewMetadata): Promise<Published> {
  const outcome = await editAnnouncement(deps.db, by, id, meta.draft, deps.now(), announcementMessages);
  const a = outcome.announcement;
  if (outcome.kind === "posted") {
    try {
      await client.chat.update({ channel: outcome.channel, ts: outcome.ts, ...announcementMessages.channelPost(a) });
    } catch (error) {
      deps.logger.warn({ err: error, announcement: id }, "announcement saved but chat.update failed");
      return {
        title: "Saved, not updated",
        text: `Your new words are saved, but Slack did not let Rounds update the message in <#${outcome.channel}> (it may have been deleted). If people need them, post a new announcement.`,
        next: [{ text: "New announcement", actionId: ANNOUNCE.actions.compose, value: a.programId }],
      };
    }
    return { title: "Announcement updated", text: `The message in <#${outcome.channel}> now says what you wrote.${a.alsoDm ? ` ${DM_COPIES_KEEP_OLD_WORDS}` : ""}`, next: [LIST] };
  }
  if (outcome.kind === "handed_over") {
    await ensureInChannel(client, a.channelId);
    deps.kickOutbox();
    return { title: "Announcement posted", text: `Posting it in <#${a.channelId}> now.`, next: [LIST] };
  }
  return { title: "Announcement saved", text: `It posts in <#${a.channelId}> on ${dayTime(a.postAt, a.timezone)}.`, next: [LIST] };
}

/** What the preview's submit does: save an edit, post now, or schedule. */
export async function publish(deps: ListenerDeps, client: WebClient, by: DirectorActor, meta: PreviewMetadata): Promise<Published> {
  if (meta.id) return saveEdit(deps, client, by, meta.id, meta);
  if (!meta.draft.postAt) return postIt(deps, client, by, meta);
  const a = await createAnnouncement(deps.db, by, meta.draft, deps.now());
  return { title: "Announcement scheduled", text: `It posts in <#${a.channelId}> on ${dayTime(a.postAt, a.timezone)}. You can edit or cancel it under Announcements until then.`, next: [LIST] };
}
