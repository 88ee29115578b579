import { busyAnswers } from "../metrics/slack.js";

/** The answer, in the ack itself, when Rounds is too busy to take a command now. */
export const BUSY_TEXT = "Rounds is very busy right now and couldn't take that. Please try again in a minute.";

/** What a slash command turned away is acked with (counted on the operator's dashboard). */
export function busyAnswer(): { response_type: "ephemeral"; text: string } {
  busyAnswers.inc({ queue: "after_ack" });
  return { response_type: "ephemeral", text: BUSY_TEXT };
}

/**
 * For the HTTP receiver: the "very busy" answer for a verified, well-formed slash command that the
 * pipeline would turn away anyway (one of the app's commands, while the after-ack work is
 * backlogged), so it is answered before Bolt's dispatch; undefined for anything else, which goes to
 * Bolt as usual. In a flood nearly every command is turned away, and each one run through Bolt's
 * authorize, middleware and router cost the main thread as much as a search's own share of it.
 */
export function turnAwayWhenBusy(work: { readonly backlogged: boolean }, isCommand: (name: string) => boolean): (body: unknown) => object | undefined {
  return (body) => {
    if (!work.backlogged) return undefined;
    const name = (body as { command?: unknown }).command;
    return typeof name === "string" && isCommand(name) ? busyAnswer() : undefined;
  };
}
