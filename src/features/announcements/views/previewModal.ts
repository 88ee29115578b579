import { Blocks, Elements, Md, Modal, type BlockBuilder } from "slack-block-builder";
import { hasBroadcastMention } from "../../../domain/announcement.js";
import { dayTime } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";
import { DM_COPIES_KEEP_OLD_WORDS } from "./composeModal.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { inviteCommand } from "../../../slack/botName.js";
import { ANN, ANNOUNCE } from "../ids.js";
import { postBlocks } from "./messages.js";
import type { PreviewMetadata } from "./form.js";

export interface PreviewFacts {
  programName: string;
  timezone: string;
  cohortNames: string[];
  /** How many people get the DM copy (when ticked). */
  audience: number;
  createdById: string;
  /** Rounds is not in the (private) channel: the director must invite it. */
  inviteNeeded: boolean;
  /** The app's name in this workspace (auth.test), for the invite command. */
  botName: string;
}

/**
 * The preview: the post exactly as it will appear, what will happen (where, when, who gets a DM),
 * and Post / Schedule / Save (the modal's submit) or Back to edit.
 */
export function previewModal(meta: PreviewMetadata, facts: PreviewFacts) {
  const d = meta.draft;
  const where = `<#${d.channelId}>`;
  const when = d.postAt ? `on ${Md.bold(dayTime(d.postAt, facts.timezone))}` : Md.bold("now");
  const audience = facts.cohortNames.length ? `${facts.cohortNames.map(escapeMrkdwn).join(", ")} (${escapeMrkdwn(facts.programName)})` : `everyone in ${escapeMrkdwn(facts.programName)}`;
  const lines = meta.posted
    ? [`Rounds will update the message already posted in ${where}. Slack notifies nobody of the edit.${d.alsoDm ? ` ${DM_COPIES_KEEP_OLD_WORDS}` : ""}`]
    : [`Rounds will post this in ${where} ${when}, for ${audience}.`];
  if (!meta.posted && d.alsoDm) lines.push(`It also goes by DM to ${facts.audience === 1 ? "the 1 member" : `each of the ${count(facts.audience, "member")}`} of ${audience}.`);
  if (d.notifyEveryone) lines.push("It notifies everyone in the channel (@channel).");
  else if (hasBroadcastMention(d.text)) lines.push("Your text has a channel-wide mention; it will show as text and notify no one. Tick “Notify everyone” to notify the channel.");
  const blocks: BlockBuilder[] = [Blocks.Section({ text: lines.join("\n") })];
  if (facts.inviteNeeded) {
    blocks.push(Blocks.Section({ text: `:warning: Rounds isn't in ${where} yet. Type ${Md.codeInline(inviteCommand(facts.botName))} in that channel before it posts; until then it waits (and you get a reminder).` }));
  }
  blocks.push(
    Blocks.Divider(),
    Blocks.Context().elements("Preview — exactly as it will be posted:"),
    ...postBlocks({ text: d.text, notifyEveryone: d.notifyEveryone, programName: facts.programName, createdById: facts.createdById }),
    Blocks.Divider(),
    Blocks.Actions().elements(Elements.Button({ text: "Back to edit", actionId: ANNOUNCE.actions.backToEdit })),
  );
  const submit = meta.posted || meta.id ? "Save changes" : d.postAt ? "Schedule" : "Post";
  return Modal({ title: "Preview", submit, close: "Cancel", callbackId: ANNOUNCE.views.preview, privateMetaData: ANN.previewSubmit.metadata.encode(meta) })
    .blocks(blocks)
    .buildToObject();
}
