import type { Db } from "../../store/database.js";
import {
  activeMatchesOf,
  pendingRequestsOf,
  profileSummary,
  programSummaries,
  programDefaultsFor,
  type ProgramSummary,
  type RelationRow,
  type RequestRow,
} from "../../store/home.js";
import { mentorCapacity } from "../../domain/capacity.js";
import { isAvailable } from "../../domain/profile.js";
import { memberStanding, type MemberStanding } from "../profiles/members.js";
import type { SlackDirectory } from "../ports.js";
import { matchDetails, type MatchDetails } from "../goals-meetings/meetings.js";
import { directorDashboard, type Dashboard } from "../dashboard-reports/dashboard.js";
import { traineeRoundTables } from "../roundtables/roundTables.js";

/** A trainee's goals are on the Home once, with their progress: `matchDetails.ownGoals`. */
export interface TraineeHome {
  mentors: RelationRow[];
  openRequests: RequestRow[];
}

export interface MentorHome {
  mentees: RelationRow[];
  pendingRequests: RequestRow[];
  capacity: number;
}

/** Everything a person's App Home shows, for each role they hold. */
export interface HomeData {
  standing: MemberStanding;
  hasProfile: boolean;
  /** Null when available; else when the pause ends (null = until they resume). */
  pause: { until: Date | null } | null;
  trainee: TraineeHome | null;
  mentor: MentorHome | null;
  /** Directors: every program in the workspace (its numbers are in `dashboard`). */
  programs: ProgramSummary[] | null;
  /** Goals and meetings: last meeting, next check-in, agenda and goals per active match (features/goals-meetings/meetings.ts). */
  matchDetails?: MatchDetails | null;
  /** Directors: the program dashboard (features/dashboard-reports/dashboard.ts). */
  dashboard?: Dashboard | null;
  /** Trainees: career round-table sessions of their programs still to come (features/roundtables). */
  roundTables?: Awaited<ReturnType<typeof traineeRoundTables>> | null;
}

export async function homeData(
  db: Db,
  directory: SlackDirectory,
  workspaceId: string,
  slackUserId: string,
  now: Date,
): Promise<HomeData> {
  const standing = await memberStanding(db, directory, workspaceId, slackUserId, now);
  const { member, enrollments } = standing;
  const roles = new Set(enrollments.map((e) => e.role));
  const [matches, requests, profile, programs] = await Promise.all([
    activeMatchesOf(db, workspaceId, member.id),
    pendingRequestsOf(db, workspaceId, member.id),
    profileSummary(db, workspaceId, member.id),
    standing.isDirector ? programSummaries(db, workspaceId) : Promise.resolve(null),
  ]);
  const mentorDefaults = roles.has("MENTOR") ? await programDefaultsFor(db, workspaceId, member.id, "MENTOR") : [];
  return {
    standing,
    hasProfile: profile !== null,
    pause: isAvailable(member, now) ? null : { until: member.pausedUntil },
    trainee: roles.has("TRAINEE")
      ? { mentors: matches.mentors, openRequests: requests.sent }
      : null,
    mentor: roles.has("MENTOR")
      ? { mentees: matches.mentees, pendingRequests: requests.received, capacity: mentorCapacity(profile?.capacity, mentorDefaults) }
      : null,
    programs,
    matchDetails: enrollments.length ? await matchDetails(db, workspaceId, member, roles.has("TRAINEE"), now) : null,
    dashboard: standing.isDirector ? await directorDashboard(db, workspaceId, now) : null,
    roundTables: roles.has("TRAINEE") ? await traineeRoundTables(db, workspaceId, member.id, now) : null,
  };
}
