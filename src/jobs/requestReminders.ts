import { closeRequestsToFullMentors, remindAndExpire } from "../features/requests/requests.js";
import { requestMessages } from "../features/requests/views/messages.js";
import { redrawRequestDms } from "../features/requests/settledRequestDms.js";
import type { Job } from "./job.js";

/**
 * Hourly: close the requests waiting for a mentor whose places have all filled (a round, or a lower
 * capacity; the trainees are told at once), then remind mentors of requests 3 days old and expire
 * those 7 days old (each exactly once).
 */
export const requestReminders: Job = {
  name: "request-reminders",
  schedule: "7 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox, slack }) {
    const closed = await closeRequestsToFullMentors(db, { now, sendFrom }, requestMessages, (mentorId, error) =>
      log.warn({ err: error, mentor: mentorId }, "could not close the requests of a full mentor yet; next run tries again"),
    );
    const { reminded, expired, expiredRequests } = await remindAndExpire(db, { now, sendFrom }, requestMessages);
    // Each closed or expired request also queued both sides' Home refreshes (they list it), in its transaction.
    const settled = [...closed, ...expiredRequests];
    if (closed.length || reminded || expired) kickOutbox();
    if (slack) await redrawRequestDms(db, slack, log, settled);
    log.info({ closedFull: closed.length, reminded, expired }, "request reminders and expiries");
    return { queued: closed.length + reminded + expired };
  },
};
