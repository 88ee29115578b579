import { Blocks, Elements, Md, Modal } from "slack-block-builder";
import { DateTime } from "luxon";
import type { PauseState } from "../../../domain/availability.js";
import { zoneOf } from "../../../domain/availability.js";
import type { SlackMessage } from "../help.js";
import { PAUSE_BLOCK, PROFILE_CALLBACKS, VALUE } from "./ids.js";
import { message } from "./message.js";

/** "Friday, January 15, 2027" for a YYYY-MM-DD date. */
export function longDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: "UTC" }).setLocale("en-US").toLocaleString(DateTime.DATE_HUGE);
}

export function pauseStateText(state: PauseState, tz: string): string {
  if (state.kind === "available") return "You're available: Rounds may suggest you and pair you.";
  if (state.until === null) return "You're paused until you resume: Rounds won't suggest you or pair you.";
  return `You're paused until the end of ${longDate(state.until)} (${zoneOf(tz)}): Rounds won't suggest you or pair you until then.`;
}

/** The pause modal: an optional date; no date means until you resume. */
export function pauseModal(state: PauseState, tz: string) {
  return Modal({ title: "Pause", submit: "Pause", close: "Cancel", callbackId: PROFILE_CALLBACKS.pause })
    .blocks(
      Blocks.Section({ text: `${pauseStateText(state, tz)}\n\nWhile paused, Rounds doesn't suggest you or pair you with anyone. Current mentoring relationships carry on.` }),
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

export function pausedMessage(state: PauseState, tz: string): SlackMessage {
  return message(
    pauseStateText(state, tz),
    `${Md.bold(pauseStateText(state, tz))}\nUse ${Md.codeInline("/mentoring resume")} to come back any time.`,
  );
}

export function resumedMessage(): SlackMessage {
  return message("Welcome back: you're available again.", `${Md.bold("Welcome back: you're available again.")} Rounds may suggest you and pair you.`);
}
