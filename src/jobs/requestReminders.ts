import { closeRequestsToFullMentors, remindAndExpire } from "../features/requests/requests.js";
import { requestMessages } from "../features/requests/views/messages.js";
import { redrawRequestDms } from "../features/requests/settledRequestDms.js";
import type { Job } from "./job.js";
import type { Db } from "../store/database.js";
import type { Logger } from "pino";
import type { SlackClients } from "../slack/tenancy/clients.js";
import type { RequestRecord } from "../store/requests.js";
import { liveWorkspacesOnly } from "../store/workspaces.js";

/** Each workspace's settled request DMs are redrawn with that workspace's own client. */
async function redrawSettled(slack: SlackClients, db: Db, log: Logger, settled: RequestRecord[]): Promise<void> {
  const byWorkspace = new Map<string, RequestRecord[]>();
  for (const r of settled) byWorkspace.set(r.workspaceId, [...(byWorkspace.get(r.workspaceId) ?? []), r]);
  for (const [workspaceId, list] of byWorkspace) {
    const client = await slack.forTenant(workspaceId).catch((error: unknown) => {
      log.info({ err: error, team: workspaceId }, "not redrawing settled request DMs: the workspace has no live installation");
      return null;
    });
    if (client) await redrawRequestDms(db, client, log, list);
  }
}

/**
 * Hourly: close the requests waiting for a mentor whose places have all filled (a round, or a lower
 * capacity; the trainees are told at once), then remind mentors of requests 3 days old and expire
 * those 7 days old (each exactly once).
 */
export const requestReminders: Job = {
  name: "request-reminders",
  schedule: "7 * * * *",
  async run({ db, now, sendFrom, log, kickOutbox, slack }) {
    const live = await liveWorkspacesOnly(db); // suspended workspaces, read once for both sweeps
    const closed = await closeRequestsToFullMentors(
      db,
      { now, sendFrom },
      requestMessages,
      (mentorId, error) => log.warn({ err: error, mentor: mentorId }, "could not close the requests of a full mentor yet; next run tries again"),
      live,
    );
    const { reminded, expired, expiredRequests } = await remindAndExpire(db, { now, sendFrom }, requestMessages, live);
    // Each closed or expired request also queued both sides' Home refreshes (they list it), in its transaction.
    const settled = [...closed, ...expiredRequests];
    if (closed.length || reminded || expired) kickOutbox();
    if (slack) await redrawSettled(slack, db, log, settled);
    log.info({ closedFull: closed.length, reminded, expired }, "request reminders and expiries");
    return { queued: closed.length + reminded + expired };
  },
};
