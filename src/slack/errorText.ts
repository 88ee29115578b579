import { DomainError, NotADirector } from "../domain/errors.js";

/** The one place that turns a domain error into what a person reads in Slack. */
export function errorText(error: unknown): string {
  if (error instanceof NotADirector) {
    return "Only program directors can do that, so nothing was changed. If you run a mentoring program, ask a Slack admin or an existing director to grant you the director role.";
  }
  if (error instanceof DomainError) return `That didn't work (${error.code}). Nothing was changed.`;
  return "Something went wrong on our side, so nothing was changed. Please try again in a minute; if it keeps happening, tell your program director.";
}
