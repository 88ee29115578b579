import { finishAllDelivered, handOverDue } from "../features/announcements/announcements.js";
import { announcementMessages } from "../features/announcements/views/messages.js";
import type { Job } from "./job.js";

/**
 * Every minute: scheduled announcements whose time has come are handed to the outbox (each once,
 * by its run key, however often or wherever the job runs), and posts that went out but were not
 * recorded (a crash in between) get their record and member DMs.
 */
export const announcements: Job = {
  name: "announcements",
  schedule: "* * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const handedOver = await handOverDue(db, { now, sendFrom }, announcementMessages);
    const { finished, queued } = await finishAllDelivered(db, { now, sendFrom }, announcementMessages);
    if (handedOver || queued) kickOutbox();
    log.info({ handedOver, finished }, "announcements due and delivered");
    return { queued: handedOver + queued };
  },
};
