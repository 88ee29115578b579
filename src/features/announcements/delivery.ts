import type { Logger } from "pino";
import type { Db } from "../../store/database.js";
import { requeueFailed } from "../../store/outbox.js";
import { finishDelivered, idOfPostKey, noteInviteNeeded } from "./announcements.js";
import { isInviteError } from "../../domain/announcement.js";
import { ensureInChannel } from "../../slack/channelAccess.js";
import { botName } from "../../slack/botName.js";
import type { OutboxListener } from "../../slack/outbox.js";
import { announcementMessages } from "./views/messages.js";

/**
 * Follows each announcement's channel post through the outbox. Posted: record where, and queue
 * the member DMs. Refused because Rounds is not in the channel: join it if it is public and try
 * again at once; otherwise tell the director how to invite Rounds — the post waits (FAILED in the
 * outbox, requeued when Rounds is invited or the director presses Try again).
 */
export function announcementDelivery(db: Db, logger: Logger, now: () => Date = () => new Date()): OutboxListener {
  return {
    prefix: "announcement:",
    async sent(row, posted) {
      await finishDelivered(db, row.workspaceId, idOfPostKey(row.key), posted, now(), announcementMessages);
    },
    async refused(row, slackError, client) {
      if (!isInviteError(slackError)) return;
      const access = await ensureInChannel(client, row.channel);
      if (access === "joined") {
        logger.info({ channel: row.channel, outbox: row.key }, "announcement: joined the public channel; posting again");
        await requeueFailed(db, row.workspaceId, row.key, now());
        return;
      }
      logger.warn({ channel: row.channel, outbox: row.key, access }, "announcement: Rounds is not in the channel; the director is told how to invite it");
      await noteInviteNeeded(db, row.workspaceId, idOfPostKey(row.key), now(), announcementMessages, await botName(client, row.workspaceId));
    },
  };
}

/**
 * A thank-you shout-out refused because Rounds is not in the program's channel: a public channel
 * is joined and the shout-out sent again; for a private one it is dropped (and logged) — a
 * shout-out is a nicety, and directors learn about the channel from announcements.
 */
export function shoutOutDelivery(db: Db, logger: Logger, now: () => Date = () => new Date()): OutboxListener {
  return {
    prefix: "thanks-shoutout:",
    async refused(row, slackError, client) {
      if (!isInviteError(slackError)) return;
      if ((await ensureInChannel(client, row.channel)) === "joined") await requeueFailed(db, row.workspaceId, row.key, now());
      else logger.warn({ channel: row.channel, outbox: row.key }, "thanks shout-out: Rounds is not in the private program channel; not posted");
    },
  };
}
