import { yearEndRound } from "../features/year/year.js";
import { yearMessages } from "../features/year/views/messages.js";
import type { Job } from "./job.js";

/**
 * Hourly: in each program's last 6 weeks of the academic year (until it is closed), both people of
 * every active mentorship are asked "continue next year?" and the program's directors are offered
 * "Close the year" — each once per mentorship (or program) and year (run keys).
 */
export const yearEnd: Job = {
  name: "year-end",
  schedule: "41 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const queued = await yearEndRound(db, { now, sendFrom }, yearMessages);
    if (queued) kickOutbox();
    log.info({ queued }, "year-end questions and close prompts");
    return { queued };
  },
};
