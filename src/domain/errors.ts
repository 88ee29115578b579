/**
 * Named domain errors. Services throw these; src/slack/errorText.ts (and the CLI) turn them into
 * the words a person sees. No user-facing sentence is built here.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
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
