import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Db } from "../../store/database.js";
import type { RequestRecord } from "../../store/requests.js";
import { requestDmsAbout } from "./requests.js";
import { settledForMentor, settledForTrainee } from "./views/messages.js";

type ChatUpdate = Parameters<WebClient["chat"]["update"]>[0];

/**
 * Redraws the DMs with buttons about settled requests — the mentor's request and reminder (Accept,
 * Decline), the trainee's confirmation (Withdraw) — with what became of each (accepted, declined,
 * withdrawn, expired, closed because the mentor's places filled), so no button is left on a closed
 * request, wherever it was settled from. Best effort: a DM Slack refuses to update is logged, and
 * its buttons answer "no longer open" if pressed.
 */
export async function redrawRequestDms(
  db: Db,
  client: WebClient,
  logger: Logger,
  settled: readonly RequestRecord[],
  /** The DM the click came from, already answered in place. */
  clicked: { channel: string; ts: string } | null = null,
): Promise<void> {
  if (settled.length === 0) return;
  for (const dm of await requestDmsAbout(db, settled)) {
    if (clicked && clicked.channel === dm.channel && clicked.ts === dm.ts) continue;
    const payload = dm.to === "mentor" ? settledForMentor(dm.request) : settledForTrainee(dm.request);
    await client.chat.update({ channel: dm.channel, ts: dm.ts, ...payload } as ChatUpdate).catch((error: unknown) => {
      logger.warn({ err: error, team: dm.request.workspaceId, request: dm.request.id }, "redrawing a settled request's DM failed");
    });
  }
}
