import type { Logger } from "pino";
import { DomainError, NotADirector } from "../domain/errors.js";
import { GoalChangeNotAllowed, GoalNotFound, InvalidMeetingDate, NotYourGoal } from "../domain/errors.js";
import { CheckinNotFound, NotYourCheckin } from "../domain/errors.js";
import { InvalidPauseDate, PauseDateInPast } from "../domain/errors.js";
import { CohortNameTaken, CohortNotFound, ProgramNameTaken, ProgramNotFound, SlackUserNotFound } from "../domain/errors.js";
import { RoundMentorFull, RoundPairNotAllowed, RoundProposalChanged, RoundRunNotFound, RoundRunNotInPreview } from "../domain/errors.js";
import { RankingNotAllowed, RoundNotFound, RoundRunClosed } from "../domain/errors.js";
import { AnnouncementNotEditable, AnnouncementNotFound, NotThankable, ThanksToSelf } from "../domain/errors.js";
import { AlreadyMatched, AlreadyRequested, MatchAlreadyEnded, MatchNotFound, NotYourRequest, RequestNoLongerPending, RequestNotAllowed, RequestNotFound } from "../domain/errors.js";

/** The one place that turns a domain error into what a person reads in Slack (and, in logFailure, decides how a failure is logged). */
export function errorText(error: unknown): string {
  if (error instanceof NotADirector) {
    return "Only program directors can do that, so nothing was changed. If you run a mentoring program, ask a Slack admin or an existing director to grant you the director role.";
  }
  if (error instanceof InvalidPauseDate) {
    return "Give the date as YYYY-MM-DD, e.g. `/mentoring pause 2027-01-15`, or just `/mentoring pause` to choose a date. Nothing was changed.";
  }
  if (error instanceof PauseDateInPast) {
    return "That date has already passed. Pick today or a later date, or leave it empty to pause until you resume.";
  }
  if (error instanceof ProgramNotFound) {
    return "That program isn't in this workspace any more, so nothing was changed. Run `/mentoring-admin` for the current list.";
  }
  if (error instanceof CohortNotFound) {
    return "That cohort isn't in this program any more, so nothing was changed. Run `/mentoring-admin` for the current list.";
  }
  if (error instanceof ProgramNameTaken) return "A program with this name already exists in this workspace. Nothing was changed.";
  if (error instanceof CohortNameTaken) return "This program already has a cohort with this name. Nothing was changed.";
  if (error instanceof SlackUserNotFound) return "Slack doesn't know that person, so nothing was changed.";
  if (error instanceof NotYourCheckin) return "This check-in is for someone else, so your click changed nothing.";
  if (error instanceof CheckinNotFound) return "That check-in isn't here any more, so nothing was changed.";
  const requestWords = requestErrorText(error);
  if (requestWords) return requestWords;
  const appreciationWords = announcementAndThanksErrorText(error);
  if (appreciationWords) return appreciationWords;
  const roundScheduleWords = roundScheduleErrorText(error);
  if (roundScheduleWords) return roundScheduleWords;
  const roundPreviewWords = roundPreviewErrorText(error);
  if (roundPreviewWords) return roundPreviewWords;
  const goalMeetingWords = goalsAndMeetingsErrorText(error);
  if (goalMeetingWords) return goalMeetingWords;
  if (error instanceof DomainError) return `That didn't work (${error.code}). Nothing was changed.`;
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

/** Words for mentor requests and matches (appended; errorText above falls back to a generic line for these). */
export function requestErrorText(error: unknown): string | null {
  if (error instanceof AlreadyRequested) return "You've already requested this mentor for this kind of help; they haven't answered yet. You can withdraw it from your confirmation message.";
  if (error instanceof RequestNotAllowed) {
    const words: Record<string, string> = {
      self: "You can't ask yourself to be your mentor.",
      not_trainee: "You're not a trainee in that program, so you can't request a mentor there. Ask your program director to add you.",
      not_mentor: "That person isn't a mentor in this program any more. Run /findmentor for current suggestions.",
      role_not_offered: "That mentor doesn't offer this kind of help. Choose another.",
      already_matched: "You already work with this mentor in that role.",
      mentor_full: "That mentor's places are all taken right now. Type /findmentor for mentors who have room.",
      mentor_paused: "That mentor is away (paused) right now, so they aren't taking requests. Type /findmentor for mentors who are available.",
    };
    return words[error.reason] ?? null;
  }
  if (error instanceof RequestNoLongerPending) {
    const why: Record<string, string> = {
      ACCEPTED: "it was accepted",
      DECLINED: "it was declined",
      EXPIRED: "it expired",
      WITHDRAWN: "it was withdrawn",
      MENTOR_FULL: "the mentor's places filled up",
    };
    return `This request is no longer open (${why[error.status] ?? "it was answered"}), so nothing was changed.`;
  }
  if (error instanceof NotYourRequest) return "That request isn't yours to answer, so nothing was changed.";
  if (error instanceof RequestNotFound) return "That request isn't here any more, so nothing was changed.";
  if (error instanceof AlreadyMatched) return "You already work together in that role, so nothing was changed.";
  if (error instanceof MatchNotFound) return "That mentorship isn't yours, or isn't here any more, so nothing was changed.";
  if (error instanceof MatchAlreadyEnded) return "That mentorship has already ended.";
  return null;
}

/** Words for announcements and thanks. */
export function announcementAndThanksErrorText(error: unknown): string | null {
  if (error instanceof AnnouncementNotFound) return "That announcement isn't here any more, so nothing was changed. Run `/mentoring-admin announcements` for the current list.";
  if (error instanceof AnnouncementNotEditable) return `That announcement can't be changed now (it is ${error.state}), so nothing was changed. Run \`/mentoring-admin announcements\` for the current list.`;
  if (error instanceof ThanksToSelf) return "You can't thank yourself — but the thought is nice. Pick the mentor you'd like to thank.";
  if (error instanceof NotThankable) return "You can thank mentors of your own programs only, and that person isn't one. Pick one of your program's mentors.";
  return null;
}

/** Words for a pairing round's preview and approval. */
export function roundPreviewErrorText(error: unknown): string | null {
  if (error instanceof RoundRunNotFound) return "That round isn't here any more, so nothing was changed.";
  if (error instanceof RoundRunNotInPreview) {
    if (error.status === "APPROVED" || error.status === "DISCARDED") return `This round has already been ${error.status.toLowerCase()}, so nothing was changed.`;
    return "This round has no proposal to preview yet, so nothing was changed.";
  }
  if (error instanceof RoundMentorFull) return "A mentor in this proposal has fewer free places than it gives them (someone was matched with them since the preview), so nothing was created. Re-run, or swap or drop that pair, then approve.";
  if (error instanceof RoundPairNotAllowed) return "One of the proposed pairs is no longer allowed (someone paused, or an exclusion was added, since the preview), so nothing was created. Re-run to start from the current people, then approve.";
  if (error instanceof RoundProposalChanged) return "Another director changed this proposal a moment ago, so your change was not made. Look at the updated preview and try again.";
  return null;
}

/** Words for goals and the meeting log. */
export function goalsAndMeetingsErrorText(error: unknown): string | null {
  if (error instanceof GoalNotFound) return "That goal isn't yours or your mentee's, or isn't here any more, so nothing was changed.";
  if (error instanceof NotYourGoal) return "Only the trainee changes their goals. You can add a progress note instead.";
  if (error instanceof GoalChangeNotAllowed) return `That goal is already ${error.status.toLowerCase()}, so nothing was changed.`;
  if (error instanceof InvalidMeetingDate) {
    if (error.problem === "in_future") return "That day hasn't happened yet. Log a meeting once it has taken place.";
    if (error.problem === "before_match") return "That's before your mentorship started. Choose a later day.";
    return "Choose the day you met.";
  }
  return null;
}

/** Words for round notices, skips and rank lists. */
export function roundScheduleErrorText(error: unknown): string | null {
  if (error instanceof RoundRunClosed) {
    return "This round has already been put together (or was called off), so nothing was changed. If you can't take part, tell your program director.";
  }
  if (error instanceof RoundNotFound) return "That round isn't here any more, so nothing was changed.";
  if (error instanceof RankingNotAllowed) {
    if (error.reason === "mentor_phase_not_open") return "Mentors rank once the trainees have ranked; you'll get a message then.";
    if (error.reason === "unknown_choice") return "One of your choices isn't in this round any more. Open the ranking again for the current list.";
    return "You're not ranking in this round, so nothing was changed.";
  }
  return null;
}
