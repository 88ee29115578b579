import { sweepRoundIntros } from "../features/rounds/roundApproval.js";
import { groupDmOpener } from "../slack/groupDm.js";
import { roundMessages } from "../features/rounds/views/previewMessages.js";
import type { Job } from "./job.js";

/**
 * Every 5 minutes: approved pairing rounds whose group introductions were not all queued (the app
 * stopped between approval and the introductions, or Slack failed then) get them now — each group
 * once, by its recorded group DM and its outbox key. Opening a group DM needs the job's Slack client.
 */
export const roundIntros: Job = {
  name: "round-intros",
  needsSlack: true,
  schedule: "*/5 * * * *",
  async run({ db, sendFrom, log, kickOutbox, slack }) {
    if (!slack) {
      log.warn("round intros need SLACK_BOT_TOKEN to open group DMs; skipped");
      return { queued: 0 };
    }
    const queued = await sweepRoundIntros(db, () => groupDmOpener(slack), sendFrom, roundMessages, (run, error) =>
      log.warn({ err: error, run: run.runId, team: run.workspaceId }, "could not introduce a round's groups yet; next run tries again"),
    );
    if (queued) kickOutbox();
    log.info({ queued }, "round introductions swept");
    return { queued };
  },
};
