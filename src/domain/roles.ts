export type Role = "TRAINEE" | "MENTOR" | "DIRECTOR";

export interface SlackStanding {
  isAdmin: boolean;
  isOwner: boolean;
}

/** Directors: Slack workspace admins and owners, plus anyone granted the DIRECTOR role in a program. */
export function isDirector(standing: SlackStanding, roles: readonly Role[]): boolean {
  return standing.isAdmin || standing.isOwner || roles.includes("DIRECTOR");
}

/** How long a cached Slack profile is trusted before users.info is asked again. */
export const MEMBER_PROFILE_TTL_MS = 24 * 60 * 60 * 1000;

export function isProfileStale(refreshedAt: Date, now: Date): boolean {
  return now.getTime() - refreshedAt.getTime() >= MEMBER_PROFILE_TTL_MS;
}
