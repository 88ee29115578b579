import type { Db } from "../../store/database.js";
import { directorGrantOf, findSlackUserIdByEmail, grantedDirectors, setDirectorGrant, type GrantedDirector } from "../../store/directors.js";
import { NotADirector, SlackUserNotFound } from "../../domain/errors.js";
import { audit, type Actor } from "./audit.js";
import { ensureMember, memberStanding } from "../profiles/members.js";
import type { SlackDirectory } from "../ports.js";
import type { WithDirectory } from "../context.js";
import type { EmailDirectory } from "./roster.js";

/** A director acting in Slack; tz is their own time zone (from users.info). */
export interface DirectorActor extends Actor {
  tz: string;
}

/** The acting director, or NotADirector: the gate in front of every admin action done in Slack. */
export async function requireDirector(
  db: Db,
  directory: SlackDirectory,
  workspaceId: string,
  slackUserId: string,
  now: Date,
): Promise<DirectorActor> {
  const standing = await memberStanding(db, directory, workspaceId, slackUserId, now);
  if (!standing.isDirector) throw new NotADirector(slackUserId);
  return { workspaceId, actor: slackUserId, tz: standing.member.tz };
}

export type GrantOutcome = "granted" | "already";

/** Makes someone a director inside Rounds. Granting twice changes nothing (and logs nothing). */
export async function grantDirector(ctx: WithDirectory, by: Actor, slackUserId: string): Promise<GrantOutcome> {
  const { db, directory, now } = ctx;
  const member = await ensureMember(db, directory, by.workspaceId, slackUserId, now);
  if (await directorGrantOf(db, by.workspaceId, member.id)) return "already";
  await db.$transaction(async (tx) => {
    await setDirectorGrant(tx, by.workspaceId, member.id, { at: now, by: by.actor });
    await audit(tx, by, "director.grant", slackUserId, { memberId: member.id }, now);
  });
  return "granted";
}

export type RevokeOutcome = "revoked" | "not_granted";

/**
 * Takes back a director grant. Slack admins and owners stay directors whatever Rounds says
 * (that comes from Slack), as do people with a DIRECTOR enrollment in a program.
 */
export async function revokeDirector(ctx: WithDirectory, by: Actor, slackUserId: string): Promise<RevokeOutcome> {
  const { db, directory, now } = ctx;
  const member = await ensureMember(db, directory, by.workspaceId, slackUserId, now);
  if (!(await directorGrantOf(db, by.workspaceId, member.id))) return "not_granted";
  await db.$transaction(async (tx) => {
    await setDirectorGrant(tx, by.workspaceId, member.id, null);
    await audit(tx, by, "director.revoke", slackUserId, { memberId: member.id }, now);
  });
  return "revoked";
}

export async function listGrantedDirectors(db: Db, workspaceId: string): Promise<GrantedDirector[]> {
  return grantedDirectors(db, workspaceId);
}

/** The Slack user behind an email: someone Rounds knows, else users.lookupByEmail (SlackUserNotFound if nobody). */
export async function slackUserIdForEmail(db: Db, directory: EmailDirectory, workspaceId: string, email: string): Promise<string> {
  const known = await findSlackUserIdByEmail(db, workspaceId, email.toLowerCase());
  if (known) return known;
  const found = await directory.lookupByEmail(email);
  if (!found) throw new SlackUserNotFound(`with email ${email}`);
  return found.slackUserId;
}
