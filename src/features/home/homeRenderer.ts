import type { WebClient } from "@slack/web-api";
import type { Db } from "../../store/database.js";
import { homeData } from "./home.js";
import { slackDirectory } from "../../slack/directory.js";
import { homeView } from "./views/home.js";

/**
 * Renders a person's App Home for the outbox's Home refreshes (rows of kind HOME): the outbox calls
 * it when the refresh is sent, so the Home shows the state of that moment however long the refresh
 * waited its turn.
 */
export function homeRenderer(db: Db, client: WebClient, now: () => Date = () => new Date()) {
  const directory = slackDirectory(client);
  return async (workspaceId: string, slackUserId: string): Promise<Record<string, unknown>> =>
    homeView(await homeData(db, directory, workspaceId, slackUserId, now())) as unknown as Record<string, unknown>;
}
