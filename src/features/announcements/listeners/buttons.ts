import { cancelAnnouncement, listForDirector, retryAnnouncement } from "../announcements.js";
import { AnnouncementNotFound } from "../../../domain/errors.js";
import { announcementList } from "../views/list.js";
import { cancelledInviteNote } from "../views/messages.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { NEW_PROGRAM, noProgramText } from "../../programs/views/menu.js";
import type { ButtonInteraction, Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { ANN } from "../ids.js";
import { openCompose, openEdit } from "./compose.js";

const director = { who: "director", errors: whereClicked } as const;
const notFound = (raw: string) => new AnnouncementNotFound(raw);

/**
 * A director's announcement buttons: Announce (the compose form), Announcements (the list), and in
 * the list (or the "invite Rounds" DM) Edit, Cancel and Try again. The ones that open a form run
 * inline (one quick query, then the fresh trigger); the others after the ack.
 */
export function announcementButtons(on: Interactions): void {
  /** "Announce" (menu, App Home, list, a done modal): the compose form for the button's program, in place of a modal it was pressed in. */
  for (const action of [ANN.compose, ANN.composeHome]) {
    on.button({ action, ...director, when: "inline", label: "announce compose" }, async (i) => {
      const { body } = i.args;
      const opened = await openCompose(i.ctx.db, i.by.workspaceId, async (view) => {
        if (body.view?.type === "modal" && body.view.id) await i.client.views.update({ view_id: body.view.id, view });
        else await i.client.views.open({ trigger_id: body.trigger_id, view });
      }, i.value);
      if (!opened) await i.tell(noProgramText("announce to"), [NEW_PROGRAM]);
    });
  }

  /** "Announcements": the list, where the director pressed. */
  for (const action of [ANN.list, ANN.listHome]) {
    on.button({ action, ...director, when: "queued", label: "announce list" }, async (i) => {
      const list = announcementList(await listForDirector(i.ctx.db, i.by.workspaceId));
      if (i.args.body.response_url) await i.args.respond({ response_type: "ephemeral", replace_original: false, ...list });
      else await i.client.chat.postMessage({ channel: i.by.actor, ...list });
    });
  }

  on.button({ action: ANN.edit, ...director, when: "inline", label: "announce edit", invalid: notFound }, (i) =>
    openEdit(i.ctx.db, i.client, i.by.workspaceId, i.args.body.trigger_id, i.value),
  );

  /**
   * Cancel (after its confirmation): in the list, the list is shown again with the announcement
   * cancelled and no buttons left on it; in the "invite Rounds" DM, that message says it is cancelled.
   */
  for (const [action, where] of [[ANN.cancel, "list"], [ANN.cancelInvite, "invite"]] as const) {
    on.button({ action, ...director, when: "queued", label: "announce cancel", invalid: notFound }, async (i) => {
      const a = await cancelAnnouncement(i.ctx.db, i.by, i.value, i.ctx.now);
      if (where === "invite" && i.args.body.response_url) return void (await i.args.respond({ replace_original: true, ...cancelledInviteNote(a) }));
      if (where === "invite") return i.tell(cancelledInviteNote(a).text);
      await showListAgain(i, `:no_entry_sign: Cancelled: the announcement for ${escapeMrkdwn(a.programName)} in <#${a.channelId}> will not be posted.`);
    });
  }

  /** "Try again" on one waiting for Rounds to be invited (or refused): back in the queue. */
  for (const [action, where] of [[ANN.retry, "list"], [ANN.retryInvite, "invite"]] as const) {
    on.button({ action, ...director, when: "queued", label: "announce retry", invalid: notFound }, async (i) => {
      const requeued = await retryAnnouncement(i.ctx.db, i.by, i.value, i.ctx.now);
      i.deps.kickOutbox();
      const said = requeued ? "Trying again now. If Rounds is still not in the channel, nothing is lost: it keeps waiting." : "That announcement isn't waiting any more (it was posted or cancelled).";
      if (where === "list") await showListAgain(i, said);
      else await i.tell(said);
    });
  }
}

/** The list again, in place of the one whose button was pressed, with what the button did on top. */
async function showListAgain(i: ButtonInteraction<string, "director">, notice: string): Promise<void> {
  if (!i.args.body.response_url) return i.tell(notice);
  await i.args.respond({ replace_original: true, ...announcementList(await listForDirector(i.ctx.db, i.by.workspaceId), notice) });
}
