import { queueDueSurveys } from "../features/surveys/surveys.js";
import { surveyMessages } from "../features/surveys/views/messages.js";
import type { Job } from "./job.js";

/**
 * Every 15 minutes: queue the survey invitations and reminders that are due (a milestone reached,
 * 10:00 on a working day in the recipient's zone), each exactly once (run keys + the outbox, see
 * features/surveys/surveys.ts).
 */
export const surveys: Job = {
  name: "surveys",
  schedule: "*/15 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const done = await queueDueSurveys(db, { now, sendFrom }, surveyMessages);
    if (done.messages) kickOutbox();
    log.info(done, "surveys queued");
    return { queued: done.messages };
  },
};
