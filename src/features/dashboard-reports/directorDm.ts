import type { Db } from "../../store/database.js";
import { cachedDmChannel, rememberDmChannel } from "../../store/dashboard.js";
import type { Actor } from "../programs/audit.js";

/**
 * The director's DM with Rounds, where files go (an upload needs a channel id): the one remembered,
 * else opened once with `open` (conversations.open) and remembered.
 */
export async function directorDmChannel(db: Db, by: Actor, open: () => Promise<string>): Promise<string> {
  const cached = await cachedDmChannel(db, by.workspaceId, by.actor);
  if (cached) return cached;
  const id = await open();
  await rememberDmChannel(db, by.workspaceId, by.actor, id);
  return id;
}
