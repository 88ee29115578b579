import { calendarDay } from "./kit/dates.js";
import type { DomainError, DomainErrorCode, DomainErrorsByCode } from "../domain/errors.js";

/** Words for every domain error, keyed by its code: the compiler refuses a code without words. */
export type ErrorWords = { readonly [C in DomainErrorCode]: (error: DomainErrorsByCode[C]) => string };

const CURRENT_LIST = "Run `/mentoring-admin` for the current list.";
const ANNOUNCEMENT_LIST = "Run `/mentoring-admin announcements` for the current list.";

const REQUEST_BLOCKED: Record<DomainErrorsByCode["request_not_allowed"]["reason"], string> = {
  self: "You can't ask yourself to be your mentor.",
  not_trainee: "You're not a trainee in that program, so you can't request a mentor there. Ask your program director to add you.",
  not_mentor: "That person isn't a mentor in this program any more. Run /findmentor for current suggestions.",
  role_not_offered: "That mentor doesn't offer this kind of help. Choose another.",
  already_matched: "You already work with this mentor in that role.",
  mentor_full: "That mentor's places are all taken right now. Type /findmentor for mentors who have room.",
  mentor_paused: "That mentor is away (paused) right now, so they aren't taking requests. Type /findmentor for mentors who are available.",
};

const REQUEST_CLOSED_BECAUSE: Record<string, string> = {
  ACCEPTED: "it was accepted",
  DECLINED: "it was declined",
  EXPIRED: "it expired",
  WITHDRAWN: "it was withdrawn",
  MENTOR_FULL: "the mentor's places filled up",
};

const RANKING_REFUSED: Record<DomainErrorsByCode["ranking_not_allowed"]["reason"], string> = {
  mentor_phase_not_open: "Mentors rank once the trainees have ranked; you'll get a message then.",
  unknown_choice: "One of your choices isn't in this round any more. Open the ranking again for the current list.",
  not_participant: "You're not ranking in this round, so nothing was changed.",
};

export const errorWords: ErrorWords = {
  // Directors, programs and people
  not_a_director: () =>
    "Only program directors can do that, so nothing was changed. If you run a mentoring program, ask a Slack admin or an existing director to grant you the director role.",
  program_name_taken: () => "A program with this name already exists in this workspace. Nothing was changed.",
  program_not_found: () => `That program isn't in this workspace any more, so nothing was changed. ${CURRENT_LIST}`,
  program_break_not_found: () => "The program has no such break, so nothing was changed.",
  program_word_refused: (e) =>
    e.problem === "exists"
      ? `The program already has the word "${e.word.term.label}", so nothing was changed.`
      : e.problem === "missing"
        ? `The program has no word "${e.word.term.label}", so nothing was changed.`
        : "The program has as many words of that kind as it can take, so nothing was changed.",
  cohort_name_taken: () => "This program already has a cohort with this name. Nothing was changed.",
  cohort_not_found: () => `That cohort isn't in this program any more, so nothing was changed. ${CURRENT_LIST}`,
  slack_user_not_found: () => "Slack doesn't know that person, so nothing was changed.",
  invalid_pause_date: () => "Give the date as YYYY-MM-DD, e.g. `/mentoring pause 2027-01-15`, or just `/mentoring pause` to choose a date. Nothing was changed.",
  pause_date_in_past: () => "That date has already passed. Pick today or a later date, or leave it empty to pause until you resume.",

  // Requests and matches
  request_not_found: () => "That request isn't here any more, so nothing was changed.",
  request_not_allowed: (e) => REQUEST_BLOCKED[e.reason],
  already_requested: () => "You've already requested this mentor for this kind of help; they haven't answered yet. You can withdraw it from your confirmation message.",
  request_no_longer_pending: (e) => `This request is no longer open (${REQUEST_CLOSED_BECAUSE[e.status] ?? "it was answered"}), so nothing was changed.`,
  not_your_request: () => "That request isn't yours to answer, so nothing was changed.",
  already_matched: () => "You already work together in that role, so nothing was changed.",
  match_not_found: () => "That mentorship isn't yours, or isn't here any more, so nothing was changed.",
  match_already_ended: () => "That mentorship has already ended.",

  // Goals and meetings
  goal_not_found: () => "That goal isn't yours or your mentee's, or isn't here any more, so nothing was changed.",
  not_your_goal: () => "Only the trainee changes their goals. You can add a progress note instead.",
  goal_change_not_allowed: (e) => `That goal is already ${e.status.toLowerCase()}, so nothing was changed.`,
  invalid_meeting_date: (e) =>
    e.problem === "in_future"
      ? "That day hasn't happened yet. Log a meeting once it has taken place."
      : e.problem === "before_match"
        ? "That's before your mentorship started. Choose a later day."
        : "Choose the day you met.",

  // Announcements and thanks
  announcement_not_found: () => `That announcement isn't here any more, so nothing was changed. ${ANNOUNCEMENT_LIST}`,
  announcement_not_editable: (e) => `That announcement can't be changed now (it is ${e.state}), so nothing was changed. ${ANNOUNCEMENT_LIST}`,
  thanks_to_self: () => "You can't thank yourself — but the thought is nice. Pick the mentor you'd like to thank.",
  not_thankable: () => "You can thank mentors of your own programs only, and that person isn't one. Pick one of your program's mentors.",

  // Check-ins
  checkin_not_found: () => "That check-in isn't here any more, so nothing was changed.",
  not_your_checkin: () => "This check-in is for someone else, so your click changed nothing.",

  // Pairing rounds
  round_run_not_found: () => "That round isn't here any more, so nothing was changed.",
  round_run_not_in_preview: (e) =>
    e.status === "APPROVED" || e.status === "DISCARDED"
      ? `This round has already been ${e.status.toLowerCase()}, so nothing was changed.`
      : "This round has no proposal to preview yet, so nothing was changed.",
  round_proposal_changed: () => "Another director changed this proposal a moment ago, so your change was not made. Look at the updated preview and try again.",
  round_run_closed: () =>
    "This round has already been put together (or was called off), so nothing was changed. If you can't take part, tell your program director.",
  round_not_found: () => "That round isn't here any more, so nothing was changed.",
  ranking_not_allowed: (e) => RANKING_REFUSED[e.reason],
  round_mentor_full: () =>
    "A mentor in this proposal has fewer free places than it gives them (someone was matched with them since the preview), so nothing was created. Re-run, or swap or drop that pair, then approve.",
  round_pair_not_allowed: () =>
    "One of the proposed pairs is no longer allowed (someone paused, or an exclusion was added, since the preview), so nothing was created. Re-run to start from the current people, then approve.",
  stale_button: () => "That button is from an older message, so nothing changed. Please start again from your Rounds Home.",
  stale_form: () => "This form is out of date, so nothing changed. Please close it and start again.",
  round_table_unavailable: (e) =>
    ({
      not_found: "That round-table session is no longer planned (it may have been cancelled), so nothing changed.",
      choices_closed: "Choices for that round-table session are closed: the tables are being set, and your schedule comes by DM.",
      already_seated: "That round-table session is already seated: everyone has their schedule, so nothing changed.",
      not_a_trainee: "That round-table session is for the trainees of its program, so there is nothing for you to choose.",
    })[e.reason] ?? "That round-table session cannot do that now, so nothing changed.",
  search_busy: () => "Rounds is very busy right now and couldn't search. Please try again in a minute.",
  year_close_not_open: (e) =>
    e.opensOn
      ? `The ${e.yearLabel} year can be closed from ${calendarDay(e.opensOn)} (6 weeks before it ends), so nothing was changed.`
      : `The ${e.yearLabel} year can't be closed any more from here, so nothing was changed. Open "Close the year" again for the current year.`,
  year_answer_not_allowed: (e) =>
    e.reason === "match_ended"
      ? "That mentorship has already ended, so there's nothing to decide."
      : e.reason === "year_closed"
        ? "Your program director has already closed the year, so the answer can't change now. Tell them if something should be different."
        : "This question is for the two people in that mentorship, so your click changed nothing.",
  alumnus_invite_closed: (e) =>
    e.status === "not_yours"
      ? "This invitation is for someone else, so your click changed nothing."
      : e.status === "ACCEPTED"
        ? "You've already said yes: you're a mentor in the program. Edit your mentor profile with `/mentoring profile`."
        : "You've already answered this invitation. If you'd like to mentor after all, tell your program director.",
  invalid_ranking_weights: (e) => `Those ranking settings aren't valid (${e.issues.map((i) => i.message).join("; ")}), so nothing was changed.`,
};

/** The words for one domain error. */
export function wordsFor(error: DomainError): string {
  // The record is keyed by code, so the entry for error.code takes exactly this error's class.
  return (errorWords[error.code] as (e: DomainError) => string)(error);
}
