import { yearEndRound } from "../features/year/year.js";
import { yearMessages } from "../features/year/views/messages.js";
import type { Job } from "./job.js";

/**
 * Every 15 minutes: in each program's last 6 weeks of the academic year (until it is closed), both
 * people of every active mentorship are asked "continue next year?" and the program's directors are
 * offered "Close the year" — each person once per mentorship (or program) and year (run keys), at
 * 10:00 on a working day in their own zone (10:00 local falls on a quarter hour in every zone).
 */
export const yearEnd: Job = {
  name: "year-end",
  schedule: "*/15 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const queued = await yearEndRound(db, { now, sendFrom }, yearMessages);
    if (queued) kickOutbox();
    log.info({ queued }, "year-end questions and close prompts");
    return { queued };
  },
};
