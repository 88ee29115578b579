import type { Logger } from "pino";
import { DomainError } from "../domain/errors.js";
import { wordsFor } from "./errorWords.js";

/** The one place that turns an error into what a person reads in Slack (and, in logFailure, decides how a failure is logged). */
export function errorText(error: unknown): string {
  if (error instanceof DomainError) return wordsFor(error);
  return "Something went wrong on our side, so nothing was changed. Please try again in a minute; if it keeps happening, tell your program director.";
}

/**
 * What kind of failure this is, which decides how it is logged:
 * - "refusal": a named domain error (NotADirector, NotYourCheckin, MentorAtCapacity, …) — the
 *   app said no, as designed;
 * - "gone": Slack says the modal or message to update is no longer there (the person closed it
 *   while the work ran) or its response_url no longer answers;
 * - "fault": anything else — something went wrong.
 */
export type FailureKind = "refusal" | "gone" | "fault";

/** Slack's answers when the view or message to update is no longer there. */
const GONE_ERRORS = new Set(["not_found", "view_not_found", "message_not_found"]);

/** Slack's error code on a Web API or response_url failure (undefined for other errors). */
export function slackErrorOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown } | null;
  if (e?.code === "slack_webapi_platform_error" && typeof e.data?.error === "string") return e.data.error;
  if (e?.code === "slack_bolt_respond_error") return `response_url_${String(e.statusCode)}`;
  return undefined;
}

export function failureKind(error: unknown): FailureKind {
  if (error instanceof DomainError) return "refusal";
  const slackError = slackErrorOf(error);
  if (slackError && (GONE_ERRORS.has(slackError) || slackError === "response_url_404" || slackError === "response_url_410")) return "gone";
  return "fault";
}

/**
 * Logs a failure at the level it deserves: an expected refusal or a closed modal at info — one
 * line with its code, no stack; anything else at error, with its stack. `what` names the work
 * ("admin action", "checkin answer"); `fields` say whose (team, user, action).
 */
export function logFailure(logger: Logger, error: unknown, fields: Record<string, unknown>, what: string): void {
  const kind = failureKind(error);
  if (kind === "refusal") return logger.info({ ...fields, code: (error as DomainError).code }, `${what} refused (${(error as DomainError).code})`);
  if (kind === "gone") return logger.info({ ...fields, slackError: slackErrorOf(error) }, `${what}: the modal or message was closed (or its response_url expired) before Rounds could update it`);
  logger.error({ ...fields, err: error }, `${what} failed`);
}
