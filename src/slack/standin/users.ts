import type { FakeUser } from "./records.js";

/** The Grid org a user's workspace belongs to (tenants.ts). */
export interface StandinOrg {
  id: string;
  name: string;
}

/**
 * A user as users.info and users.lookupByEmail answer it. In a workspace of a Grid org, Slack adds
 * `enterprise_user`: the person's org-wide id and roles, and the org's workspaces they belong to.
 */
export function slackUser(u: FakeUser, org?: StandinOrg) {
  return {
    id: u.id,
    team_id: u.teamId,
    name: u.name,
    real_name: u.realName ?? u.name,
    deleted: Boolean(u.deleted),
    tz: u.tz ?? "America/New_York",
    is_admin: Boolean(u.isAdmin),
    is_owner: Boolean(u.isOwner),
    is_primary_owner: false,
    is_bot: false,
    profile: { real_name: u.realName ?? u.name, display_name: u.name, email: u.email },
    ...(org
      ? {
          enterprise_user: {
            id: u.id,
            enterprise_id: org.id,
            enterprise_name: org.name,
            is_admin: Boolean(u.orgAdmin),
            is_owner: Boolean(u.orgOwner),
            is_primary_owner: false,
            teams: [u.teamId],
          },
        }
      : {}),
  };
}
