import { cancelAnnouncement, listForDirector, retryAnnouncement } from "../../../../services/announcements.js";
import { announcementList } from "../../../views/announcements/list.js";
import { escapeMrkdwn } from "../../../views/escape.js";
import type { ListenerDeps } from "../../deps.js";
import { directorButton, tell } from "../admin/guard.js";
import { openCompose, openEdit } from "./compose.js";

/** "Announce" (menu, App Home, list): the compose form, for the button's program. */
export const composeClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const opened = await openCompose(deps, args.client, by.workspaceId, args.body.trigger_id, args.action.value || null);
    if (!opened) await tell(args, "There is no program yet. Create one first with `/mentoring-admin program`.");
  });

/** "Announcements": the list, where the director pressed. */
export const listClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const list = announcementList(await listForDirector(deps.db, by.workspaceId));
    if (args.body.response_url) await args.respond({ response_type: "ephemeral", replace_original: false, ...list });
    else await args.client.chat.postMessage({ channel: by.actor, ...list });
  });

export const editClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => openEdit(deps, args.client, by.workspaceId, args.body.trigger_id, args.action.value ?? ""));

export const cancelClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const a = await cancelAnnouncement(deps.db, by, args.action.value ?? "", deps.now());
    await tell(args, `Cancelled: the announcement for ${escapeMrkdwn(a.programName)} in <#${a.channelId}> will not be posted.`);
  });

/** "Try again" on one waiting for Rounds to be invited (or refused): back in the queue. */
export const retryClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const requeued = await retryAnnouncement(deps.db, by, args.action.value ?? "", deps.now());
    deps.kickOutbox();
    await tell(args, requeued ? "Trying again now. If Rounds is still not in the channel, nothing is lost: it keeps waiting." : "That announcement isn't waiting any more (it was posted or cancelled).");
  });
