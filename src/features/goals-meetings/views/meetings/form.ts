import { z } from "zod";
import type { StateValues } from "../../../profiles/views/profileForm.js";
import type { MeetingInput } from "../../meetings.js";
import type { MeetingDateProblem } from "../../../../domain/meetings.js";
import { MEETING_AGENDA_MAX, MEETING_NEXT_STEPS_MAX, MEETING_NOTES_MAX } from "../../../../domain/meetings.js";
import { PROGRESS_NOTE_MAX } from "../../../../domain/goals.js";
import { MEETING_BLOCKS, progressBlock, VALUE } from "../../ids.js";
import type { MeetingMetadata } from "./meetingModal.js";

export type Read<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const el = (values: StateValues, block: string) => values[block]?.[VALUE];
const text = (values: StateValues, block: string) => el(values, block)?.value?.trim() ?? "";


const limit = (max: number, what: string) => z.string().max(max, `Keep ${what} to ${max} characters.`);

const meetingFields = z.object({
  date: z.string({ error: "Choose the day you met." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day you met."),
  agenda: limit(MEETING_AGENDA_MAX, "the agenda"),
  notes: limit(MEETING_NOTES_MAX, "the notes"),
  next_steps: limit(MEETING_NEXT_STEPS_MAX, "the next steps"),
});

function errorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

/** The meeting modal's values, validated: the input, or inline errors keyed by block id. */
export function readMeetingForm(values: StateValues, meta: MeetingMetadata): Read<MeetingInput> {
  const errors: Record<string, string> = {};
  const parsed = meetingFields.safeParse({
    date: el(values, MEETING_BLOCKS.date)?.selected_date ?? undefined,
    agenda: text(values, MEETING_BLOCKS.agenda),
    notes: text(values, MEETING_BLOCKS.notes),
    next_steps: text(values, MEETING_BLOCKS.nextSteps),
  });
  if (!parsed.success) Object.assign(errors, errorsOf(parsed.error));
  const progress: MeetingInput["progress"] = [];
  for (const goalId of meta.goalIds) {
    const note = text(values, progressBlock(goalId));
    if (note.length > PROGRESS_NOTE_MAX) errors[progressBlock(goalId)] = `Keep a progress note to ${PROGRESS_NOTE_MAX} characters.`;
    else if (note) progress.push({ goalId, note });
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  const f = parsed.data;
  return { ok: true, value: { matchId: meta.matchId, date: f.date, agenda: f.agenda, notes: f.notes, nextSteps: f.next_steps, progress } };
}

/** The match chosen in the picker step. */
export function readPickedMatch(values: StateValues): Read<string> {
  const matchId = el(values, MEETING_BLOCKS.match)?.selected_option?.value;
  return matchId ? { ok: true, value: matchId } : { ok: false, errors: { [MEETING_BLOCKS.match]: "Choose who you met." } };
}

/** Inline words for a date the service refused. */
export function meetingDateError(problem: MeetingDateProblem): Record<string, string> {
  const words: Record<MeetingDateProblem, string> = {
    not_a_date: "Choose the day you met.",
    in_future: "That day hasn't happened yet. Log a meeting once it has taken place.",
    before_match: "That's before your mentorship started. Choose a later day.",
  };
  return { [MEETING_BLOCKS.date]: words[problem] };
}

/** The agenda modal's text, validated. */
export function readAgenda(values: StateValues): Read<string> {
  const agenda = text(values, MEETING_BLOCKS.agenda);
  if (agenda.length > MEETING_AGENDA_MAX) return { ok: false, errors: { [MEETING_BLOCKS.agenda]: `Keep the agenda to ${MEETING_AGENDA_MAX} characters.` } };
  return { ok: true, value: agenda };
}
