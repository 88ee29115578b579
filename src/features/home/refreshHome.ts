import type { WebClient } from "@slack/web-api";
import { homeData } from "./home.js";
import { refreshHomesLater } from "./homeRefreshes.js";
import { homeView } from "./views/home.js";
import type { ListenerDeps } from "../../slack/deps.js";

/** Re-renders a person's App Home tab; call after anything it shows has changed. */
export async function refreshHome(deps: ListenerDeps, client: WebClient, teamId: string, slackUserId: string): Promise<void> {
  const data = await homeData(deps.db, deps.directory(client, teamId), teamId, slackUserId, deps.now());
  await client.views.publish({ user_id: slackUserId, view: homeView(data) });
}

/** refreshHome for after a change: the change has happened, so a failed refresh is logged, not raised. */
export async function refreshHomeQuietly(deps: ListenerDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  try {
    await refreshHome(deps, client, teamId, userId);
  } catch (error) {
    deps.logger.warn({ err: error, team: teamId, user: userId }, "refreshing the Home tab failed");
  }
}

/**
 * For the Homes of people other than the one who clicked (and for fan-outs): queued on the outbox,
 * paced with every other Slack call, rendered when sent. Quiet: the change has happened.
 */
export async function refreshHomesSoon(deps: ListenerDeps, teamId: string, userIds: Iterable<string>): Promise<void> {
  try {
    await refreshHomesLater(deps.db, teamId, userIds, deps.now());
    deps.kickOutbox();
  } catch (error) {
    deps.logger.warn({ err: error, team: teamId }, "queueing Home refreshes failed");
  }
}
