import type { Db, Tx } from "../../store/database.js";
import { queueHomeRefreshes } from "../../store/outbox.js";

/**
 * Asks for these people's App Homes to be published again because something they see changed (a
 * request answered, expired, withdrawn or closed; a match made or ended). The outbox sends them at
 * its shared pace, one pending refresh per person, rendered when it goes out. Inside a transaction
 * it commits with the change that caused it.
 */
export async function refreshHomesLater(db: Db | Tx, workspaceId: string, slackUserIds: Iterable<string>, now: Date): Promise<void> {
  await queueHomeRefreshes(db, workspaceId, slackUserIds, now);
}
