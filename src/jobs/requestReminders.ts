import { remindAndExpire } from "../services/requests.js";
import { requestMessages } from "../slack/views/requests/messages.js";
import type { Job } from "./job.js";

/** Hourly: remind mentors of requests 3 days old, expire those 7 days old (each exactly once). */
export const requestReminders: Job = {
  name: "request-reminders",
  schedule: "7 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const done = await remindAndExpire(db, { now, sendFrom }, requestMessages);
    if (done.reminded || done.expired) kickOutbox();
    log.info(done, "request reminders and expiries");
    return { queued: done.reminded + done.expired };
  },
};
