import { queueDueCheckins } from "../features/checkins/checkins.js";
import type { Job } from "./job.js";

/**
 * Every 15 minutes: queue the check-ins, reminders, director escalations and "stay, pause or
 * leave?" questions that are due (10:00 local falls on a quarter hour in every zone), each exactly
 * once (run keys + outbox, see features/checkins/checkins.ts).
 */
export const checkins: Job = {
  name: "checkins",
  schedule: "*/15 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const done = await queueDueCheckins(db, { now, sendFrom });
    if (done.messages) kickOutbox();
    if (done.noDirector) log.warn({ noDirector: done.noDirector }, "check-in escalations found no director or Slack admin to tell; they will be retried");
    log.info(done, "check-ins queued");
    return { queued: done.messages };
  },
};
