import type { WebClient } from "@slack/web-api";
import type { GroupDmOpener } from "../features/rounds/roundApproval.js";

/**
 * Group DMs for introductions (of a pair a mentor accepted, or of a pairing round's groups):
 * conversations.open with every member. Slack answers with the same conversation for the same people, so opening again
 * after a crash or on another instance is harmless.
 */
export function groupDmOpener(client: WebClient): GroupDmOpener {
  return async (slackUserIds) => {
    const opened = await client.conversations.open({ users: slackUserIds.join(",") });
    const id = opened.channel?.id;
    if (!id) throw new Error("conversations.open gave no channel");
    return id;
  };
}
