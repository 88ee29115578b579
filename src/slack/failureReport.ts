import type { Logger } from "pino";
import { errorText, failureKind, logFailure, slackErrorOf } from "./errorText.js";

/**
 * Tells a person the outcome of their work, safely: a message that cannot be delivered is logged in
 * one line and never thrown, so reporting a failure cannot become a second failure. A modal the
 * person closed (or an expired response_url) is expected (info); Slack refusing is a warning; only
 * a fault of Rounds' own (a bug) is an error.
 */
export async function tellSafely(logger: Logger, fields: Record<string, unknown>, tell: () => Promise<unknown>): Promise<void> {
  try {
    await tell();
  } catch (error) {
    if (failureKind(error) === "gone") {
      logger.info({ ...fields, slackError: slackErrorOf(error) }, "the person closed the modal (or the message expired) before Rounds could show them the outcome");
    } else if (fromSlack(error)) {
      logger.warn({ ...fields, slackError: slackErrorOf(error) ?? (error as Error).message }, "Slack refused the message telling the person the outcome");
    } else {
      logger.error({ ...fields, err: error }, "telling the person the outcome failed");
    }
  }
}

/** An error Slack answered with (Web API or response_url), rather than one of Rounds' own. */
const fromSlack = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("slack_");
};

/**
 * An interaction's work failed: the failure is logged at the level it deserves (logFailure), then
 * told to the person in words (errorText) through `tell` (when given), which may fail without throwing.
 */
export async function reportFailure(logger: Logger, error: unknown, fields: Record<string, unknown>, what: string, tell?: (text: string) => Promise<unknown>): Promise<void> {
  logFailure(logger, error, fields, what);
  if (tell) await tellSafely(logger, fields, () => tell(errorText(error)));
}
