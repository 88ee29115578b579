import { previewRecipients, type RoundPorts } from "./rounds.js";
import { proposeRun } from "./roundProposal.js";
import { sendPreview } from "./roundApproval.js";
import { roundNoticeMessages } from "./views/notices.js";
import { roundMessages } from "./views/previewMessages.js";

/** How a pairing round's steps reach Slack (for the rounds job and a director's "run now"): the notice words, and part A's proposal and preview. */
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

