import { EMPTY_PROFILE, type ProfileData } from "../../domain/profile.js";
import type { GoalView } from "../../domain/goals.js";
import type { MemberRecord } from "../../store/members.js";
import type { ProgramRecord } from "../../store/programs.js";
import type { RequestRecord } from "../../store/requests.js";
import type { MatchRecord } from "../../store/matches.js";
import type { MatchOfCheckin, CheckinParty } from "../../store/checkins.js";
import type { MeetingMatch } from "../../store/meetings.js";
import type { MentorCard } from "../../features/findmentor/findMentor.js";
import type { AnnouncementRecord } from "../../store/announcements.js";

/**
 * The people, program and dates every example in docs/messages.md is drawn with: fixed, so the
 * document is the same on every run. Times are in the program's zone, America/Chicago.
 */

export const TZ = "America/Chicago";
/** "Now" for every example: Monday 7 December 2026, 9:00 in Chicago. */
export const NOW = new Date("2026-12-07T15:00:00Z");
export const daysFromNow = (days: number, hours = 0) => new Date(NOW.getTime() + (days * 24 + hours) * 3_600_000);

export const PEOPLE = {
  dana: { id: "m-dana", slackUserId: "U0DANA", name: "Dana Director" },
  tara: { id: "m-tara", slackUserId: "U0TARA", name: "Tara Trainee" },
  ben: { id: "m-ben", slackUserId: "U0BEN", name: "Ben Fellow" },
  maya: { id: "m-maya", slackUserId: "U0MAYA", name: "Dr. Maya Patel" },
  jun: { id: "m-jun", slackUserId: "U0JUN", name: "Dr. Jun Lee" },
  sam: { id: "m-sam", slackUserId: "U0SAM", name: "Dr. Sam Okafor" },
} as const;
export type Someone = (typeof PEOPLE)[keyof typeof PEOPLE];

export const CHANNELS = { announce: "C0HEMEALL", private: "G0HEMEPRIV" } as const;

/** Slack ids as people see them (@Name, #channel). */
export const NAMES: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.values(PEOPLE).map((p): [string, string] => [p.slackUserId, p.name]),
  [CHANNELS.announce, "heme-fellows"],
  [CHANNELS.private, "heme-fellows-private"],
]);

export const PROGRAM: ProgramRecord = {
  id: "p-heme",
  workspaceId: "T0DOCS",
  name: "Heme Fellowship",
  description: "Mentoring for hematology fellows",
  checkinCadence: "MONTHLY",
  announcementChannel: CHANNELS.announce,
  timezone: TZ,
  defaultCapacity: 3,
  vocabulary: null,
  checkinAlsoTrainee: true,
  breaks: ["2026-12-24", { from: "2026-12-31", to: "2027-01-01" }],
  academicYearStart: "07-01",
};
export const COHORT = { id: "c-2026", programId: PROGRAM.id, name: "2026–27 Fellows", startsOn: new Date("2026-07-01T00:00:00Z"), endsOn: new Date("2027-06-30T00:00:00Z") };

export function member(p: Someone, over: Partial<MemberRecord> = {}): MemberRecord {
  return {
    id: p.id,
    workspaceId: PROGRAM.workspaceId,
    slackUserId: p.slackUserId,
    name: p.name,
    realName: p.name,
    email: `${p.slackUserId.toLowerCase()}@hospital.example`,
    tz: TZ,
    isAdmin: false,
    isOwner: false,
    refreshedAt: daysFromNow(-1),
    directorGrantedAt: null,
    pausedAt: null,
    pausedUntil: null,
    erasedAt: null,
    ...over,
  };
}

const party = (p: Someone) => ({ memberId: p.id, slackUserId: p.slackUserId, name: p.name, tz: TZ, pause: { pausedAt: null, pausedUntil: null } });
export const checkinParty = (p: Someone): CheckinParty => ({ memberId: p.id, slackUserId: p.slackUserId, name: p.name, tz: TZ, dmChannel: `D-${p.slackUserId}` });

export const TARA_PROFILE: ProfileData = {
  ...EMPTY_PROFILE,
  careerStage: "fellow",
  trainingYear: 2,
  specialty: "hematology",
  subspecialty: "thrombosis_hemostasis",
  interests: ["thrombosis", "grant_writing"],
  rolesWanted: ["mentor", "sponsor"],
};

/** Tara asks Jun (junior faculty) to be her mentor; her message has formatting marks, shown as typed. */
export const REQUEST: RequestRecord = {
  id: "r-1",
  workspaceId: PROGRAM.workspaceId,
  programId: PROGRAM.id,
  programName: PROGRAM.name,
  role: "mentor",
  message: "I'd love help shaping my *K08* aims before the June deadline.",
  goal: "Submit a K08 application",
  status: "PENDING",
  createdAt: daysFromNow(-3),
  trainee: party(PEOPLE.tara),
  mentor: party(PEOPLE.jun),
};

export const MATCH: MatchRecord = {
  id: "match-1",
  workspaceId: PROGRAM.workspaceId,
  programId: PROGRAM.id,
  programName: PROGRAM.name,
  role: "mentor",
  status: "ACTIVE",
  cadence: "MONTHLY",
  introChannelId: "G0INTRO",
  trainee: { memberId: PEOPLE.tara.id, slackUserId: PEOPLE.tara.slackUserId, name: PEOPLE.tara.name },
  mentor: { memberId: PEOPLE.maya.id, slackUserId: PEOPLE.maya.slackUserId, name: PEOPLE.maya.name },
};

export const CHECKIN_MATCH: MatchOfCheckin = {
  id: MATCH.id,
  workspaceId: PROGRAM.workspaceId,
  programId: PROGRAM.id,
  programName: PROGRAM.name,
  role: "mentor",
  status: "ACTIVE",
  startedAt: new Date("2026-09-01T15:00:00Z"),
  cadence: "MONTHLY",
  programCadence: "MONTHLY",
  mentor: checkinParty(PEOPLE.maya),
  trainee: checkinParty(PEOPLE.tara),
};

export const MEETING_MATCH: MeetingMatch = {
  id: MATCH.id,
  status: "ACTIVE",
  startedAt: CHECKIN_MATCH.startedAt,
  programName: PROGRAM.name,
  role: "mentor",
  agenda: "Specific aims draft; which study section",
  agendaSetAt: daysFromNow(-2),
  trainee: { memberId: PEOPLE.tara.id, slackUserId: PEOPLE.tara.slackUserId, name: PEOPLE.tara.name, tz: TZ },
  mentor: { memberId: PEOPLE.maya.id, slackUserId: PEOPLE.maya.slackUserId, name: PEOPLE.maya.name, tz: TZ },
};

export const GOALS: GoalView[] = [
  {
    id: "g-1",
    memberId: PEOPLE.tara.id,
    text: "Submit a K08 application",
    status: "ACTIVE",
    progress: [{ at: "2026-11-20T16:00:00Z", by: PEOPLE.maya.id, note: "Aims page drafted; send to Sam for a read." }],
    createdAt: new Date("2026-09-10T15:00:00Z"),
  },
  { id: "g-2", memberId: PEOPLE.tara.id, text: "First-author paper on VTE outcomes", status: "ACTIVE", progress: [], createdAt: new Date("2026-09-10T15:00:00Z") },
  { id: "g-3", memberId: PEOPLE.tara.id, text: "Pass the boards", status: "DONE", progress: [], createdAt: new Date("2026-07-01T15:00:00Z") },
];
export const AUTHORS = { [PEOPLE.maya.id]: PEOPLE.maya.name, [PEOPLE.tara.id]: PEOPLE.tara.name };

export function mentorCard(p: Someone, over: Partial<MentorCard> = {}): MentorCard {
  return {
    memberId: p.id,
    slackUserId: p.slackUserId,
    name: p.name,
    programId: PROGRAM.id,
    stage: "Senior faculty",
    specialty: "Hematology",
    subspecialty: "Thrombosis and hemostasis",
    reasons: ["same subspecialty: thrombosis and hemostasis", "shares your interests: thrombosis"],
    juniorFaculty: false,
    handsOn: true,
    supervisorNote: "weekly lab meeting",
    activeMentees: 1,
    capacity: 3,
    helpedGrants: true,
    copublishes: true,
    pastFellows: "Faculty at academic centres",
    cadence: "Monthly",
    ...over,
  };
}

export const ANNOUNCEMENT: AnnouncementRecord = {
  id: "a-1",
  workspaceId: PROGRAM.workspaceId,
  programId: PROGRAM.id,
  programName: PROGRAM.name,
  timezone: TZ,
  cohortIds: [COHORT.id],
  channelId: CHANNELS.announce,
  text: "Grand rounds moves to *Thursday* this week. Bring one question for the panel.",
  notifyEveryone: false,
  alsoDm: true,
  postAt: daysFromNow(1),
  status: "SCHEDULED",
  postedAt: null,
  postedChannel: null,
  postedTs: null,
  createdById: PEOPLE.dana.slackUserId,
  editedAt: null,
  createdAt: daysFromNow(-1),
};
