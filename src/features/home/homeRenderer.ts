import type { SlackClients } from "../../slack/tenancy/clients.js";
import type { Db } from "../../store/database.js";
import { homeData } from "./home.js";
import { slackDirectory } from "../../slack/directory.js";
import { homeView } from "./views/home.js";

/**
 * Renders a person's App Home for the outbox's Home refreshes (rows of kind HOME): the outbox calls
 * it when the refresh is sent, so the Home shows the state of that moment however long the refresh
 * waited its turn.
 */
export function homeRenderer(db: Db, clients: SlackClients, now: () => Date = () => new Date()) {
  return async (workspaceId: string, slackUserId: string): Promise<Record<string, unknown>> => {
    const directory = slackDirectory(await clients.forTenant(workspaceId), workspaceId);
    return homeView(await homeData(db, directory, workspaceId, slackUserId, now())) as unknown as Record<string, unknown>;
  };
}
