import { cancelAnnouncement, listForDirector, retryAnnouncement } from "../announcements.js";
import { announcementList } from "../views/list.js";
import { cancelledInviteNote } from "../views/messages.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { directorButton, showModal, tell, type ButtonArgs } from "../../programs/listeners/guard.js";
import { NEW_PROGRAM, noProgramText } from "../../programs/views/menu.js";
import type { DirectorActor } from "../../programs/directors.js";
import { openCompose, openEdit } from "./compose.js";

/** "Announce" (menu, App Home, list): the compose form, for the button's program. */
export const composeClicked = (deps: ListenerDeps) =>
  directorButton(deps, async (by, args) => {
    const opened = await openCompose(deps, by.workspaceId, (view) => showModal(args, view), args.action.value || null);
    if (!opened) await tell(args, noProgramText("announce to"), [NEW_PROGRAM]);
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

/** The list again, in place of the one whose button was pressed, with what the button did on top. */
async function showListAgain(deps: ListenerDeps, by: DirectorActor, args: ButtonArgs, notice: string): Promise<void> {
  if (!args.body.response_url) return tell(args, notice);
  await args.respond({ replace_original: true, ...announcementList(await listForDirector(deps.db, by.workspaceId), notice) });
}

/**
 * Cancel (after its confirmation): in the list, the list is shown again with the announcement
 * cancelled and no buttons left on it; in the "invite Rounds" DM, that message says it is cancelled.
 */
export const cancelClicked = (deps: ListenerDeps, where: "list" | "invite") =>
  directorButton(deps, async (by, args) => {
    const a = await cancelAnnouncement(deps.db, by, args.action.value ?? "", deps.now());
    if (where === "invite" && args.body.response_url) return void (await args.respond({ replace_original: true, ...cancelledInviteNote(a) }));
    if (where === "invite") return tell(args, cancelledInviteNote(a).text);
    await showListAgain(deps, by, args, `:no_entry_sign: Cancelled: the announcement for ${escapeMrkdwn(a.programName)} in <#${a.channelId}> will not be posted.`);
  });

/** "Try again" on one waiting for Rounds to be invited (or refused): back in the queue. */
export const retryClicked = (deps: ListenerDeps, where: "list" | "invite") =>
  directorButton(deps, async (by, args) => {
    const requeued = await retryAnnouncement(deps.db, by, args.action.value ?? "", deps.now());
    deps.kickOutbox();
    const said = requeued ? "Trying again now. If Rounds is still not in the channel, nothing is lost: it keeps waiting." : "That announcement isn't waiting any more (it was posted or cancelled).";
    if (where === "list") await showListAgain(deps, by, args, said);
    else await tell(args, said);
  });
