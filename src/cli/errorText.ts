import { CohortNameTaken, DomainError, ProgramNameTaken, ProgramNotFound, SlackUserNotFound } from "../domain/errors.js";

/** What the command line prints for an error. */
export function cliErrorText(error: unknown): string {
  if (error instanceof ProgramNotFound) return `There is no program named "${error.program}" in this workspace. See the names with: npm run cli -- program list`;
  if (error instanceof ProgramNameTaken) return `A program named "${error.programName}" already exists.`;
  if (error instanceof CohortNameTaken) return `A cohort named "${error.cohortName}" already exists in that program.`;
  if (error instanceof SlackUserNotFound) return `No Slack user ${error.who} in this workspace.`;
  if (error instanceof DomainError) return `That didn't work (${error.code}). Nothing was changed.`;
  const fsError = error as { code?: string; path?: string };
  if (fsError.code === "ENOENT" && fsError.path) return `Cannot read ${fsError.path}: there is no such file.`;
  const slackError = (error as { data?: { error?: string } }).data?.error;
  if (slackError) return `Slack answered "${slackError}". Check SLACK_BOT_TOKEN (and SLACK_API_URL if you set it).`;
  return error instanceof Error ? error.message : String(error);
}
