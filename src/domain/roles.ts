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
 * Directors: Slack workspace admins and owners, anyone granted the role by a director or the CLI
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
