import type { WebClient } from "@slack/web-api";
import type { DirectorActor } from "../../programs/directors.js";
import { listForDirector } from "../announcements.js";
import { thanksCounts } from "../../thanks/thanks.js";
import { announcementList } from "../views/list.js";
import { noProgramYet } from "../../programs/views/menu.js";
import { thanksCountsMessage } from "../../thanks/views/views.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { openCompose } from "./compose.js";

/**
 * `/mentoring-admin announce` (the compose form), `announcements` (the list) and `thanks` (thank-you
 * counts), for a director already checked. Returns the reply to show, or null when a modal opened.
 */
export async function appreciationAdminCommand(deps: ListenerDeps, client: WebClient, by: DirectorActor, sub: "announce" | "announcements" | "thanks", triggerId: string) {
  if (sub === "announce") {
    const opened = await openCompose(deps.db, by.workspaceId, async (view) => void (await client.views.open({ trigger_id: triggerId, view })), null);
    return opened ? null : noProgramYet("announce to");
  }
  if (sub === "announcements") return announcementList(await listForDirector(deps.db, by.workspaceId));
  return thanksCountsMessage(await thanksCounts(deps.db, by.workspaceId));
}
