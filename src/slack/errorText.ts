import { DomainError, NotADirector } from "../domain/errors.js";
import { InvalidPauseDate, PauseDateInPast } from "../domain/errors.js";
import { CohortNameTaken, CohortNotFound, ProgramNameTaken, ProgramNotFound, SlackUserNotFound } from "../domain/errors.js";

/** The one place that turns a domain error into what a person reads in Slack. */
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
  if (error instanceof DomainError) return `That didn't work (${error.code}). Nothing was changed.`;
  return "Something went wrong on our side, so nothing was changed. Please try again in a minute; if it keeps happening, tell your program director.";
}
