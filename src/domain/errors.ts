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
