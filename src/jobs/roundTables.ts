import { roundTablesDue } from "../features/roundtables/roundTables.js";
import { roundTableMessages } from "../features/roundtables/views/messages.js";
import type { Job } from "./job.js";

/**
 * Every five minutes: career round-table sessions whose choices closed are seated and everyone's
 * schedule queued; sessions that are over get the "request one of your hosts?" DMs. Each step
 * runs once per session (run key), however often or wherever the job runs.
 */
export const roundTables: Job = {
  name: "round-tables",
  schedule: "*/5 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const done = await roundTablesDue(db, now, roundTableMessages, sendFrom);
    if (done.queued) kickOutbox();
    log.info(done, "round tables seated and followed up");
    return { queued: done.queued };
  },
};
