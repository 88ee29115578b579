import { Blocks, Elements, Md, Message, Modal, type BlockBuilder } from "slack-block-builder";
import type { Payload } from "../../../requests/requests.js";
import type { AgendaMessages } from "../../meetings.js";
import type { AgendaPromptCard } from "../../agendaPrompts.js";
import type { MeetingMatch, Party } from "../../../../store/meetings.js";
import { MEETING_AGENDA_MAX } from "../../../../domain/meetings.js";
import { escapeMrkdwn } from "../../../../slack/kit/escape.js";
import { MEETING, MEETING_ACTIONS, MEETING_BLOCKS, MEETING_CALLBACKS, VALUE } from "../../ids.js";
import { day } from "../../../../slack/kit/dates.js";

const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const quote = (text: string) => `>${escapeMrkdwn(text).replace(/\n/g, "\n>")}`;

/**
 * What the agenda prompt says: the match, the mentor the next meeting is with, when the current
 * period ends (the meeting is due by then), the trainee's zone (to show that date as they read it)
 * and Match.agenda if one is already set.
 */
export type AgendaPromptData = AgendaPromptCard;

/**
 * The agenda prompt DM to the trainee (chat.postMessage arguments other than channel): a nudge to
 * set an agenda before the next meeting, with a "Set agenda" button (value = match id).
 */
export function agendaPromptMessage(d: AgendaPromptData): Payload {
  const due = day(d.dueBy, d.traineeTz || "UTC");
  const lines = [
    `:spiral_note_pad: Your next meeting with <@${d.mentorSlackUserId}> is due by ${Md.bold(due)}.`,
    "A short agenda helps you both prepare: one or two things you want to talk about, and any question you want answered.",
  ];
  if (d.agenda) lines.push(`${Md.bold("Your agenda so far")}\n${quote(d.agenda)}`);
  const text = `Set an agenda for your next meeting with your mentor (due by ${due})`;
  return build(text, [
    Blocks.Section({ text: lines.join("\n") }),
    Blocks.Actions().elements(Elements.Button({ text: d.agenda ? "Edit agenda" : "Set agenda", actionId: MEETING_ACTIONS.setAgenda, value: MEETING.setAgenda.codec.encode(d.matchId) }).primary()),
  ]);
}

/** Setting the agenda of the pair's next meeting (prefilled with the current one). */
export function agendaModal(match: MeetingMatch, viewerIsTrainee: boolean) {
  const other = viewerIsTrainee ? match.mentor : match.trainee;
  return Modal({ title: "Agenda", submit: "Save agenda", close: "Cancel", callbackId: MEETING_CALLBACKS.agenda, privateMetaData: MEETING.agendaSubmit.metadata.encode(match.id) })
    .blocks(
      Blocks.Section({ text: `The agenda for your next meeting with <@${other.slackUserId}>. They get a message with it, so you can both prepare.` }),
      Blocks.Input({ blockId: MEETING_BLOCKS.agenda, label: "Agenda", hint: "Leave it empty to clear the agenda. It is cleared when you log the meeting." })
        .optional(true)
        .element(Elements.TextInput({ actionId: VALUE, multiline: true, maxLength: MEETING_AGENDA_MAX, initialValue: match.agenda ?? undefined })),
    )
    .buildToObject();
}

/** The messages the meetings service sends. */
export const agendaMessages: AgendaMessages = {
  agendaSet(match: MeetingMatch, setBy: Party): Payload {
    const text = `${escapeMrkdwn(setBy.name)} set the agenda for your next meeting`;
    return build(text, [Blocks.Section({ text: `:spiral_note_pad: <@${setBy.slackUserId}> set the agenda for your next meeting:\n${quote(match.agenda ?? "")}` })]);
  },
};
