import type { FakeUser } from "./records.js";

/** A user as users.info and users.lookupByEmail answer it. */
export function slackUser(u: FakeUser) {
  return {
    id: u.id,
    team_id: u.teamId,
    name: u.name,
    real_name: u.realName ?? u.name,
    deleted: Boolean(u.deleted),
    tz: u.tz ?? "America/New_York",
    is_admin: Boolean(u.isAdmin),
    is_owner: Boolean(u.isOwner),
    is_bot: false,
    profile: { real_name: u.realName ?? u.name, display_name: u.name, email: u.email },
  };
}
