import type { WebClient } from "@slack/web-api";

/**
 * The app's own name in a workspace, as people type it after `/invite @`: the bot user's name from
 * `auth.test`, asked once per process and workspace. Until Slack answers (or if it cannot), the
 * app's display name "Rounds" stands in; a failed answer is not kept, so the next call asks again.
 */
const known = new Map<string, string>();

export const FALLBACK_BOT_NAME = "Rounds";

export async function botName(client: WebClient, workspaceId: string): Promise<string> {
  const kept = known.get(workspaceId);
  if (kept) return kept;
  try {
    const auth = await client.auth.test();
    const name = typeof auth.user === "string" && auth.user ? auth.user : null;
    if (!name) return FALLBACK_BOT_NAME;
    known.set(workspaceId, name);
    return name;
  } catch {
    return FALLBACK_BOT_NAME;
  }
}

/** What a person types in a channel to let Rounds in: "/invite @rounds". */
export const inviteCommand = (name: string): string => `/invite @${name}`;
