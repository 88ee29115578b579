import { advanceRounds, previewRecipients, type RoundPorts } from "../services/rounds.js";
import { proposeRun } from "../services/roundProposal.js";
import { sendPreview } from "../services/roundApproval.js";
import { roundNoticeMessages } from "../slack/views/rounds/notices.js";
import { roundMessages } from "../slack/views/rounds/previewMessages.js";
import type { Job } from "./job.js";

/** How the scheduler's steps reach Slack: the notice words, and part A's proposal and preview. */
export const roundPorts: RoundPorts = {
  messages: roundNoticeMessages,
  preview: {
    propose: proposeRun,
    async sendPreview(db, workspaceId, runId, sendFrom) {
      let queued = 0;
      for (const director of await previewRecipients(db, workspaceId, runId)) {
        if (await sendPreview(db, workspaceId, runId, director, sendFrom, roundMessages)) queued += 1;
      }
      return queued;
    },
  },
};

/**
 * Every minute: pairing rounds move on — runs due within a day are created and their people told,
 * stable rounds collect rankings, runs at their time get a proposal and the director a preview,
 * recurring rounds move to their next occurrence. Each step runs once (run keys + the outbox).
 */
export const rounds: Job = {
  name: "rounds",
  schedule: "30 * * * * *",
  async run({ db, now, sendFrom, log, kickOutbox }) {
    const done = await advanceRounds(db, { now, sendFrom }, roundPorts, (err, where) => log.error({ err, ...where }, "rounds: a step failed; it is retried next pass"));
    if (done.messages) kickOutbox();
    log.info(done, "rounds");
    return { queued: done.messages };
  },
};
