import { ErrorCode, type WebClient } from "@slack/web-api";

/** Whether Rounds can post in a channel: it is in it; it just joined (public); or a person must invite it (private, or hidden from it). */
export type ChannelAccess = "member" | "joined" | "invite_needed";

const slackError = (error: unknown): string | undefined => {
  const e = error as { code?: string; data?: { error?: string } };
  return e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
};

/**
 * Makes sure Rounds is in the channel: conversations.info says whether it is a member; a public
 * channel is joined (conversations.join); a private one (or one Slack hides from the bot, which
 * answers channel_not_found) needs someone to type /invite @Rounds there.
 */
export async function ensureInChannel(client: WebClient, channel: string): Promise<ChannelAccess> {
  let info;
  try {
    info = await client.conversations.info({ channel });
  } catch (error) {
    if (slackError(error) === "channel_not_found") return "invite_needed";
    throw error;
  }
  if (info.channel?.is_member) return "member";
  if (info.channel?.is_private) return "invite_needed";
  try {
    await client.conversations.join({ channel });
    return "joined";
  } catch (error) {
    if (slackError(error)) return "invite_needed";
    throw error;
  }
}

/** The same question without joining: for the preview. */
export async function canPostWithoutInvite(client: WebClient, channel: string): Promise<boolean> {
  try {
    const info = await client.conversations.info({ channel });
    return Boolean(info.channel?.is_member || !info.channel?.is_private);
  } catch (error) {
    if (slackError(error) === "channel_not_found") return false;
    throw error;
  }
}
