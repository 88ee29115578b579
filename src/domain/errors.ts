/**
 * Named domain errors. Services throw these; src/slack/errorText.ts (and the CLI) turn them into
 * the words a person sees. No user-facing sentence is built here.
 */
export abstract class DomainError extends Error {
  /** Must be a key of DomainErrorsByCode (at the end of this file), so every error is listed there and has words. */
  abstract readonly code: DomainErrorCode;
}

export class NotADirector extends DomainError {
  readonly code = "not_a_director";
  constructor(readonly slackUserId: string) {
    super(`${slackUserId} is not a program director`);
  }
}

export class ProgramNameTaken extends DomainError {
  readonly code = "program_name_taken";
  constructor(readonly programName: string) {
    super(`a program named ${programName} already exists`);
  }
}

export class ProgramNotFound extends DomainError {
  readonly code = "program_not_found";
  constructor(readonly program: string) {
    super(`no program ${program}`);
  }
}

/** A break to remove that the program does not have (the CLI's `program settings --remove-break`). */
export class ProgramBreakNotFound extends DomainError {
  readonly code = "program_break_not_found";
  constructor(readonly programBreak: string | { from: string; to: string }) {
    super(`the program has no break ${JSON.stringify(programBreak)}`);
  }
}

/** A word the CLI's `program settings` cannot add or remove: not there, already there, or one too many. */
export class ProgramWordRefused extends DomainError {
  readonly code = "program_word_refused";
  constructor(readonly problem: "missing" | "exists" | "too_many", readonly word: { kind: string; term: { key: string; label: string } }) {
    super(`program word ${word.kind}/${word.term.key}: ${problem}`);
  }
}

export class CohortNameTaken extends DomainError {
  readonly code = "cohort_name_taken";
  constructor(readonly cohortName: string) {
    super(`a cohort named ${cohortName} already exists in this program`);
  }
}

export class CohortNotFound extends DomainError {
  readonly code = "cohort_not_found";
  constructor(readonly cohort: string) {
    super(`no cohort ${cohort}`);
  }
}

export class SlackUserNotFound extends DomainError {
  readonly code = "slack_user_not_found";
  constructor(readonly who: string) {
    super(`no Slack user ${who}`);
  }
}

/** A pause date that is not a calendar date (YYYY-MM-DD). */
export class InvalidPauseDate extends DomainError {
  readonly code = "invalid_pause_date";
  constructor(readonly text: string) {
    super(`"${text}" is not a date (YYYY-MM-DD)`);
  }
}

/** A pause "until" a day that has already passed in the person's time zone. */
export class PauseDateInPast extends DomainError {
  readonly code = "pause_date_in_past";
  constructor(readonly date: string) {
    super(`${date} is in the past`);
  }
}

/** A mentor request that is not in this workspace (or never existed). */
export class RequestNotFound extends DomainError {
  readonly code = "request_not_found";
  constructor(readonly requestId: string) {
    super(`no mentor request ${requestId}`);
  }
}

/** A trainee may not ask this mentor for this role (see domain/requestRules.ts requestBlocker). */
export class RequestNotAllowed extends DomainError {
  readonly code = "request_not_allowed";
  constructor(readonly reason: import("./requestRules.js").RequestBlocker) {
    super(`request not allowed: ${reason}`);
  }
}

/** The trainee already has a pending request to this mentor in this role. */
export class AlreadyRequested extends DomainError {
  readonly code = "already_requested";
  constructor(readonly requestId: string) {
    super(`request ${requestId} is already pending`);
  }
}

/** The request was already answered, withdrawn or expired. */
export class RequestNoLongerPending extends DomainError {
  readonly code = "request_no_longer_pending";
  constructor(readonly status: string) {
    super(`the request is ${status}`);
  }
}

/** Someone other than the request's mentor (or trainee) tried to act on it. */
export class NotYourRequest extends DomainError {
  readonly code = "not_your_request";
  constructor(readonly requestId: string) {
    super(`request ${requestId} is not yours to answer`);
  }
}

/** The pair already has an active mentorship in this role. */
export class AlreadyMatched extends DomainError {
  readonly code = "already_matched";
  constructor() {
    super("already matched in this role");
  }
}

/** A match that is not in this workspace, or the person is not one of its pair. */
export class MatchNotFound extends DomainError {
  readonly code = "match_not_found";
  constructor(readonly matchId: string) {
    super(`no match ${matchId} for this person`);
  }
}

/** The mentorship has already ended. */
export class MatchAlreadyEnded extends DomainError {
  readonly code = "match_already_ended";
  constructor(readonly matchId: string) {
    super(`match ${matchId} has already ended`);
  }
}

/** A goal that is not in this workspace, or that the person may not see. */
export class GoalNotFound extends DomainError {
  readonly code = "goal_not_found";
  constructor(readonly goalId: string) {
    super(`no goal ${goalId} for this person`);
  }
}

/** Only the trainee changes their goals (mentors may add progress notes). */
export class NotYourGoal extends DomainError {
  readonly code = "not_your_goal";
  constructor(readonly goalId: string) {
    super(`goal ${goalId} belongs to someone else`);
  }
}

/** A goal change that does not apply to its status (e.g. parking a goal that is already parked). */
export class GoalChangeNotAllowed extends DomainError {
  readonly code = "goal_change_not_allowed";
  constructor(readonly status: string, readonly change: string) {
    super(`cannot ${change} a ${status} goal`);
  }
}

/** A meeting date that cannot be logged (see domain/meetings.ts meetingDateProblem). */
export class InvalidMeetingDate extends DomainError {
  readonly code = "invalid_meeting_date";
  constructor(readonly problem: import("./meetings.js").MeetingDateProblem) {
    super(`meeting date: ${problem}`);
  }
}

/** An announcement that is not in this workspace (or never existed). */
export class AnnouncementNotFound extends DomainError {
  readonly code = "announcement_not_found";
  constructor(readonly announcementId: string) {
    super(`no announcement ${announcementId}`);
  }
}

/** The announcement can no longer be changed that way (e.g. it went out, or was cancelled, meanwhile). */
export class AnnouncementNotEditable extends DomainError {
  readonly code = "announcement_not_editable";
  constructor(readonly state: string) {
    super(`the announcement is ${state}`);
  }
}

/** Someone tried to thank themselves. */
export class ThanksToSelf extends DomainError {
  readonly code = "thanks_to_self";
  constructor() {
    super("cannot thank yourself");
  }
}

/** The person thanked is not a mentor in any program the thanker belongs to. */
export class NotThankable extends DomainError {
  readonly code = "not_thankable";
  constructor(readonly slackUserId: string) {
    super(`${slackUserId} is not a mentor in the thanker's programs`);
  }
}

/** A check-in that is not in this workspace (or never existed). */
export class CheckinNotFound extends DomainError {
  readonly code = "checkin_not_found";
  constructor(readonly checkinId: string) {
    super(`no check-in ${checkinId}`);
  }
}

/** Someone outside the pair clicked a check-in (or a stay/pause/leave question meant for someone else). */
export class NotYourCheckin extends DomainError {
  readonly code = "not_your_checkin";
  constructor(readonly checkinId: string) {
    super(`check-in ${checkinId} is not this person's to answer`);
  }
}

/** A pairing-round run that is not in this workspace (or never existed). */
export class RoundRunNotFound extends DomainError {
  readonly code = "round_run_not_found";
  constructor(readonly runId: string) {
    super(`no round run ${runId}`);
  }
}

/** A round run's proposal can only be edited, approved or discarded while it is in PREVIEW. */
export class RoundRunNotInPreview extends DomainError {
  readonly code = "round_run_not_in_preview";
  constructor(readonly status: string) {
    super(`round run is ${status}, not in preview`);
  }
}

/** Someone else changed the proposal between showing it and this edit. */
export class RoundProposalChanged extends DomainError {
  readonly code = "round_proposal_changed";
  constructor() {
    super("the proposal changed since it was shown");
  }
}

/** A notice or rank button for a run that is no longer open (already previewed, approved, discarded or cancelled). */
export class RoundRunClosed extends DomainError {
  readonly code = "round_run_closed";
  constructor(readonly status: string) {
    super(`the round run is ${status}`);
  }
}

/** A pairing round that is not in this workspace (or never existed). */
export class RoundNotFound extends DomainError {
  readonly code = "round_not_found";
  constructor(readonly roundId: string) {
    super(`no round ${roundId}`);
  }
}

/** A rank list that is not allowed (someone not offered, or the wrong side of the round). */
export class RankingNotAllowed extends DomainError {
  readonly code = "ranking_not_allowed";
  constructor(readonly reason: "not_participant" | "unknown_choice" | "mentor_phase_not_open") {
    super(`ranking not allowed: ${reason}`);
  }
}

/** Approving a round found a mentor with fewer free places than the proposal gives them (filled since the preview). */
export class RoundMentorFull extends DomainError {
  readonly code = "round_mentor_full";
  constructor(readonly mentorId: string) {
    super(`mentor ${mentorId} has no room left for this round's proposal`);
  }
}

/** Approving a round found a proposed pair the rules no longer allow (a pause or an exclusion since the preview). */
export class RoundPairNotAllowed extends DomainError {
  readonly code = "round_pair_not_allowed";
  constructor(readonly traineeId: string, readonly mentorId: string, readonly problem: string) {
    super(`pair ${traineeId}–${mentorId} is no longer allowed: ${problem}`);
  }
}

export class InvalidRankingWeights extends DomainError {
  readonly code = "invalid_ranking_weights";
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid ranking overrides: ${issues.map((i) => `${i.path || "(top)"}: ${i.message}`).join("; ")}`);
  }
}

/**
 * Every domain error, by its code. A new error class's `code` must be a key here (or it does not
 * compile), and src/slack/errorWords.ts must then give it words (or that does not compile).
 */
export interface DomainErrorsByCode {
  not_a_director: NotADirector;
  program_name_taken: ProgramNameTaken;
  program_not_found: ProgramNotFound;
  program_break_not_found: ProgramBreakNotFound;
  program_word_refused: ProgramWordRefused;
  cohort_name_taken: CohortNameTaken;
  cohort_not_found: CohortNotFound;
  slack_user_not_found: SlackUserNotFound;
  invalid_pause_date: InvalidPauseDate;
  pause_date_in_past: PauseDateInPast;
  request_not_found: RequestNotFound;
  request_not_allowed: RequestNotAllowed;
  already_requested: AlreadyRequested;
  request_no_longer_pending: RequestNoLongerPending;
  not_your_request: NotYourRequest;
  already_matched: AlreadyMatched;
  match_not_found: MatchNotFound;
  match_already_ended: MatchAlreadyEnded;
  goal_not_found: GoalNotFound;
  not_your_goal: NotYourGoal;
  goal_change_not_allowed: GoalChangeNotAllowed;
  invalid_meeting_date: InvalidMeetingDate;
  announcement_not_found: AnnouncementNotFound;
  announcement_not_editable: AnnouncementNotEditable;
  thanks_to_self: ThanksToSelf;
  not_thankable: NotThankable;
  checkin_not_found: CheckinNotFound;
  not_your_checkin: NotYourCheckin;
  round_run_not_found: RoundRunNotFound;
  round_run_not_in_preview: RoundRunNotInPreview;
  round_proposal_changed: RoundProposalChanged;
  round_run_closed: RoundRunClosed;
  round_not_found: RoundNotFound;
  ranking_not_allowed: RankingNotAllowed;
  round_mentor_full: RoundMentorFull;
  round_pair_not_allowed: RoundPairNotAllowed;
  invalid_ranking_weights: InvalidRankingWeights;
  search_busy: SearchBusy;
  stale_button: StaleButton;
  stale_form: StaleForm;
  year_close_not_open: YearCloseNotOpen;
  year_answer_not_allowed: YearAnswerNotAllowed;
  alumnus_invite_closed: AlumnusInviteClosed;
  round_table_unavailable: RoundTableUnavailable;
}

export type DomainErrorCode = keyof DomainErrorsByCode;

/** Every mentor-search worker is busy and the searches waiting for one are at their limit. */
export class SearchBusy extends DomainError {
  readonly code = "search_busy";
  constructor() {
    super("the mentor search is at its queue limit");
  }
}

/** A button whose value this version cannot read: from a message an older version posted, or forged. */
export class StaleButton extends DomainError {
  readonly code = "stale_button";
  constructor(readonly actionId: string) {
    super(`the value of ${actionId} does not decode`);
  }
}

/** A modal whose private_metadata this version cannot read: opened by an older version, or forged. */
export class StaleForm extends DomainError {
  readonly code = "stale_form";
  constructor(readonly callbackId: string) {
    super(`the metadata of ${callbackId} does not decode`);
  }
}

/** Closing a program's academic year before its close opens (6 weeks before the year ends), or for a year that is no longer the one to close. */
export class YearCloseNotOpen extends DomainError {
  readonly code = "year_close_not_open";
  constructor(readonly yearLabel: string, readonly opensOn: string | null) {
    super(`the ${yearLabel} year cannot be closed now`);
  }
}

/** "Continue next year?" answered by someone not in the match, for an ended match, or after the year was closed. */
export class YearAnswerNotAllowed extends DomainError {
  readonly code = "year_answer_not_allowed";
  constructor(readonly reason: "not_party" | "match_ended" | "year_closed") {
    super(`the continue-next-year answer is not allowed (${reason})`);
  }
}

/** An invitation to mentor that is not the presser's, or was already answered. */
export class AlumnusInviteClosed extends DomainError {
  readonly code = "alumnus_invite_closed";
  constructor(readonly status: "not_yours" | "ACCEPTED" | "DECLINED") {
    super(`the invitation to mentor is closed (${status})`);
  }
}

/** A career round-table session that cannot do what was asked: gone, choices closed, already seated, or the person is not a trainee of its program. */
export class RoundTableUnavailable extends DomainError {
  readonly code = "round_table_unavailable";
  constructor(readonly reason: "not_found" | "choices_closed" | "already_seated" | "not_a_trainee") {
    super(`round-table session: ${reason}`);
  }
}
