import { Bits, Blocks, Elements, Md, Modal, type BlockBuilder } from "slack-block-builder";
import type { MatchChoice, MeetingForm } from "../../meetings.js";
import { dayToDate, MEETING_AGENDA_MAX, MEETING_NEXT_STEPS_MAX, MEETING_NOTES_MAX } from "../../../../domain/meetings.js";
import { PROGRESS_NOTE_MAX } from "../../../../domain/goals.js";
import { labelOf, MENTOR_ROLES } from "../../../../domain/vocabulary.js";
import { escapeMrkdwn } from "../../../../slack/kit/escape.js";
import { yourOther } from "../../../../slack/kit/relation.js";
import { calendarDay } from "../../../../slack/kit/dates.js";
import { MEETING, MEETING_BLOCKS, MEETING_CALLBACKS, progressBlock, VALUE } from "../../ids.js";

const role = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What the meeting modal carries from open to submit. */
export interface MeetingMetadata {
  matchId: string;
  checkinId: string | null;
  goalIds: string[];
}

export const NOTES_PRIVACY = "Private to the two of you: never shown to program directors, never exported.";

/** Logging a meeting: date (today by default), agenda, what you covered (private), next steps, progress on the trainee's goals. */
export function meetingModal(form: MeetingForm) {
  const { match } = form;
  const metadata: MeetingMetadata = { matchId: match.id, checkinId: form.checkinId, goalIds: form.goals.map((g) => g.id) };
  const blocks: BlockBuilder[] = [
    Blocks.Section({ text: `Your meeting with ${yourOther(match.role, form.viewerIsTrainee ? "trainee" : "mentor", `<@${form.other.slackUserId}>`)} in ${escapeMrkdwn(match.programName)}.` }),
    Blocks.Input({ blockId: MEETING_BLOCKS.date, label: "When did you meet?" }).element(
      Elements.DatePicker({ actionId: VALUE, initialDate: dayToDate(form.today) ?? undefined }),
    ),
    Blocks.Input({ blockId: MEETING_BLOCKS.agenda, label: "Agenda", hint: "What you planned to talk about." })
      .optional(true)
      .element(Elements.TextInput({ actionId: VALUE, multiline: true, maxLength: MEETING_AGENDA_MAX, initialValue: match.agenda ?? undefined })),
    Blocks.Input({ blockId: MEETING_BLOCKS.notes, label: "What you covered", hint: NOTES_PRIVACY })
      .optional(true)
      .element(Elements.TextInput({ actionId: VALUE, multiline: true, maxLength: MEETING_NOTES_MAX })),
    Blocks.Input({ blockId: MEETING_BLOCKS.nextSteps, label: "Next steps", hint: "Who does what before you meet again." })
      .optional(true)
      .element(Elements.TextInput({ actionId: VALUE, multiline: true, maxLength: MEETING_NEXT_STEPS_MAX })),
  ];
  if (form.goals.length) {
    const whose = form.viewerIsTrainee ? "your" : `<@${match.trainee.slackUserId}>'s`;
    blocks.push(Blocks.Context().elements(`Progress on ${whose} active goals (optional): a line each is plenty.`));
    for (const g of form.goals) {
      blocks.push(
        Blocks.Input({ blockId: progressBlock(g.id), label: clip(`Progress: ${g.text}`, 150) })
          .optional(true)
          .element(Elements.TextInput({ actionId: VALUE, maxLength: PROGRESS_NOTE_MAX })),
      );
    }
  }
  return Modal({ title: "Log a meeting", submit: "Save", close: "Cancel", callbackId: MEETING_CALLBACKS.log, privateMetaData: MEETING.logSubmit.metadata.encode(metadata) })
    .blocks(blocks)
    .buildToObject();
}

/** Step 1 for someone with several active mentorships: which one the meeting was in. */
export function matchPickerModal(choices: MatchChoice[], checkinId: string | null = null) {
  const option = (c: MatchChoice) => Bits.Option({ text: clip(`${c.other.name} — ${role(c.role)}, ${c.programName}`, 75), value: c.matchId });
  return Modal({ title: "Log a meeting", submit: "Next", close: "Cancel", callbackId: MEETING_CALLBACKS.pick, privateMetaData: MEETING.pickSubmit.metadata.encode({ checkinId }) })
    .blocks(
      Blocks.Input({ blockId: MEETING_BLOCKS.match, label: "Which mentorship was it?" }).element(
        Elements.StaticSelect({ actionId: VALUE, placeholder: "Choose a person" }).options(choices.map(option)),
      ),
    )
    .buildToObject();
}

/** After saving: what was kept, and who can see the notes. */
export function meetingSavedModal(otherSlackUserId: string, day: string) {
  return Modal({ title: "Meeting saved", close: "Done", callbackId: MEETING_CALLBACKS.done })
    .blocks(
      Blocks.Section({ text: `:white_check_mark: ${Md.bold("Saved")}: your meeting with <@${otherSlackUserId}> on ${calendarDay(day)}. The agenda is cleared for next time.` }),
      Blocks.Context().elements(`Notes: ${NOTES_PRIVACY}`),
    )
    .buildToObject();
}
