import { Blocks, Elements, Md, Modal } from "slack-block-builder";
import type { PauseState } from "../../../domain/availability.js";
import { zoneOf } from "../../../domain/availability.js";
import type { SlackMessage } from "../../home/views/help.js";
import { calendarDay } from "../../../slack/kit/dates.js";
import { PAUSE_BLOCK, PROFILE_CALLBACKS, VALUE } from "../ids.js";
import { message } from "../../../slack/kit/message.js";

/** What a pause does, said wherever someone pauses or reads that they are paused. */
export const WHILE_PAUSED =
  "While you're paused, Rounds doesn't suggest you or pair you, and sends you no check-ins or reminders. Your current mentorships carry on.";

/** One line: available, or paused until when (the last day in the person's own zone). */
export function pauseStateText(state: PauseState, tz: string): string {
  if (state.kind === "available") return "You're available: Rounds may suggest you and pair you.";
  if (state.until === null) return "You're paused until you resume.";
  return `You're paused until the end of ${calendarDay(state.until)} (your time zone, ${zoneOf(tz)}).`;
}

/** The pause modal: an optional last day; no date means until you resume. */
export function pauseModal(state: PauseState, tz: string) {
  return Modal({ title: "Pause", submit: "Pause", close: "Cancel", callbackId: PROFILE_CALLBACKS.pause })
    .blocks(
      Blocks.Section({ text: `${pauseStateText(state, tz)}\n\n${WHILE_PAUSED}` }),
      Blocks.Input({ blockId: PAUSE_BLOCK, label: "Pause until (last day)", hint: `Leave empty to pause until you resume. Dates are in your time zone, ${zoneOf(tz)}.` })
        .optional(true)
        .element(
          Elements.DatePicker({
            actionId: VALUE,
            placeholder: "Until I resume",
            ...(state.kind === "paused" && state.until ? { initialDate: new Date(`${state.until}T00:00:00Z`) } : {}),
          }),
        ),
    )
    .buildToObject();
}

/** The answer to pausing (the command with a date, or the modal): until when, what stops, how to come back. */
export function pausedMessage(state: PauseState, tz: string): SlackMessage {
  const back = state.kind === "paused" && state.until ? "to come back sooner" : "when you're back";
  return message(
    `${pauseStateText(state, tz)} ${WHILE_PAUSED}`,
    `${Md.bold(pauseStateText(state, tz))} ${WHILE_PAUSED}\nType ${Md.codeInline("/mentoring resume")} (or press ${Md.bold("Resume")} on your Home tab) ${back}.`,
  );
}

export function resumedMessage(): SlackMessage {
  return message(
    "Welcome back: you're available again.",
    `${Md.bold("Welcome back: you're available again.")} Rounds may suggest you and pair you again, and your check-ins pick up from the next period.`,
  );
}
