import { introduceWaitingMatches } from "../features/requests/requests.js";
import { requestMessages } from "../features/requests/views/messages.js";
import { groupDmOpener } from "../slack/groupDm.js";
import type { Job } from "./job.js";

/**
 * Every 5 minutes: a match whose introduction never went out — Slack refused or timed out the
 * group DM when the mentor accepted, or the app stopped right then — is introduced now. The
 * introduction keeps its outbox key (intro:<match>), so a pair is never introduced twice.
 */
export const matchIntros: Job = {
  name: "match-intros",
  needsSlack: true,
  schedule: "*/5 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox, slack }) {
    if (!slack) {
      log.warn("match intros need SLACK_BOT_TOKEN to open group DMs; skipped");
      return { queued: 0 };
    }
    const done = await introduceWaitingMatches(db, groupDmOpener(slack), { now, sendFrom }, requestMessages, (match, error) =>
      log.warn({ err: error, match: match.id, team: match.workspaceId }, "could not introduce a match yet; next run tries again"),
    );
    if (done) kickOutbox();
    log.info({ introduced: done }, "waiting matches introduced");
    return { queued: done };
  },
};
