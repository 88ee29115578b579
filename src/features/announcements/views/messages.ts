import { Bits, Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { AnnouncementMessages, AnnouncementPayload, AnnouncementRecord } from "../announcements.js";
import { announcementMrkdwn } from "../../../domain/announcement.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { inviteCommand } from "../../../slack/botName.js";
import { ANN, ANNOUNCE } from "../ids.js";

/** Cancel (red), asking first: a cancelled announcement is never posted, and that can't be undone. */
export function cancelButton(text: string, actionId: string, id: string) {
  return Elements.Button({ text, actionId, value: id })
    .danger()
    .confirm(
      Bits.ConfirmationDialog({ title: "Cancel this announcement?", text: "It will not be posted, and nobody gets it by DM. This can't be undone.", confirm: "Cancel it", deny: "Keep it" }).danger(),
    );
}

/** What the invite DM becomes once its announcement is cancelled. */
export function cancelledInviteNote(a: Pick<AnnouncementRecord, "programName" | "channelId">): AnnouncementPayload {
  const text = `:no_entry_sign: Cancelled: the announcement for ${escapeMrkdwn(a.programName)} in <#${a.channelId}> will not be posted.`;
  return build(text, [Blocks.Section({ text })]);
}

const build = (text: string, blocks: BlockBuilder[]): AnnouncementPayload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });

/** What the post is made of; the preview shows exactly these blocks. */
export interface PostContent {
  text: string;
  notifyEveryone: boolean;
  programName: string;
  createdById: string;
}

/** The blocks of the channel post: the director's words (broadcasts neutralised unless ticked) and who sent it. */
export function postBlocks(p: PostContent): BlockBuilder[] {
  return [
    Blocks.Section({ text: announcementMrkdwn(p.text, p.notifyEveryone) }),
    Blocks.Context().elements(`:mega: Announcement from <@${p.createdById}> · ${escapeMrkdwn(p.programName)}`),
  ];
}

export function channelPost(p: PostContent): AnnouncementPayload {
  return build(announcementMrkdwn(p.text, p.notifyEveryone), postBlocks(p));
}

const content = (a: AnnouncementRecord): PostContent => ({ text: a.text, notifyEveryone: a.notifyEveryone, programName: a.programName, createdById: a.createdById });

export const announcementMessages: AnnouncementMessages = {
  channelPost: (a) => channelPost(content(a)),
  memberDm: (a, posted) =>
    build(`Announcement in ${escapeMrkdwn(a.programName)}`, [
      Blocks.Context().elements(`:mega: ${escapeMrkdwn(a.programName)} — posted in <#${posted.channel}> by <@${a.createdById}>`),
      Blocks.Section({ text: announcementMrkdwn(a.text, false) }),
    ]),
  inviteNeeded: (a, botName) =>
    build("Rounds can't post your announcement yet: invite it to the channel", [
      Blocks.Section({
        text:
          `:warning: ${Md.bold("Your announcement is waiting.")} Rounds isn't a member of <#${a.channelId}>, so Slack won't let it post there.\n` +
          `To fix it, open <#${a.channelId}> and type ${Md.codeInline(inviteCommand(botName))} (or: channel name → Integrations → Add apps → Rounds).\n` +
          "Nothing is lost: it goes out as soon as Rounds is in the channel. If it doesn't within a minute, press Try again.",
      }),
      Blocks.Section({ text: `>${announcementMrkdwn(a.text, false).slice(0, 500).replace(/\n/g, "\n>")}` }),
      Blocks.Actions().elements(
        Elements.Button({ text: "Try again", actionId: ANNOUNCE.actions.retryInvite, value: ANN.retryInvite.codec.encode(a.id) }).primary(),
        cancelButton("Cancel it", ANNOUNCE.actions.cancelInvite, ANN.cancelInvite.codec.encode(a.id)),
      ),
    ]),
};
