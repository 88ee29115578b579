/** ALUMNUS: a trainee whose cohort graduated (src/features/year); they keep their history but are no trainee. */
export type Role = "TRAINEE" | "MENTOR" | "DIRECTOR" | "ALUMNUS";

export const ROLES: readonly Role[] = ["TRAINEE", "MENTOR", "DIRECTOR"];

export interface SlackStanding {
  isAdmin: boolean;
  isOwner: boolean;
  /** Set when a director (or the CLI) granted this person the director role inside Rounds. */
  directorGrantedAt?: Date | null;
}

/**
 * What users.info says about a person's place in Slack: their workspace roles and, on Enterprise
 * Grid, their org roles (`enterprise_user`, present for people in a workspace of a Grid org).
 */
export interface SlackUserRoles {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  enterprise_user?: { enterprise_id?: string; is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean };
}

/**
 * The Slack admin and owner standing that makes someone a director in a tenant (`tenantId`: a
 * workspace, or a Grid org installed org-wide). A workspace admin or owner counts, as in one
 * workspace. An org admin or owner counts in their own org's org-wide tenant, whichever of its
 * workspaces they are in, though no workspace admin; in a workspace that installed Rounds on its
 * own, only that workspace's roles count (the tenant is the workspace, not the org).
 */
export function slackStanding(user: SlackUserRoles, tenantId: string): Pick<SlackStanding, "isAdmin" | "isOwner"> {
  const enterprise = user.enterprise_user;
  const org = enterprise?.enterprise_id && enterprise.enterprise_id === tenantId ? enterprise : undefined;
  return {
    isAdmin: Boolean(user.is_admin || org?.is_admin),
    isOwner: Boolean(user.is_owner || user.is_primary_owner || org?.is_owner || org?.is_primary_owner),
  };
}

/**
 * Directors: Slack workspace (or, for an org-wide Grid install, org) admins and owners, anyone granted the role by a director or the CLI
 * (directorGrantedAt), and anyone holding the DIRECTOR role in a program.
 */
export function isDirector(standing: SlackStanding, roles: readonly Role[]): boolean {
  return standing.isAdmin || standing.isOwner || Boolean(standing.directorGrantedAt) || roles.includes("DIRECTOR");
}

/** How long a cached Slack profile is trusted before users.info is asked again. */
export const MEMBER_PROFILE_TTL_MS = 24 * 60 * 60 * 1000;

export function isProfileStale(refreshedAt: Date, now: Date): boolean {
  return now.getTime() - refreshedAt.getTime() >= MEMBER_PROFILE_TTL_MS;
}
