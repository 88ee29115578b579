import { homeView } from "../../features/home/views/home.js";
import { mentoringHelp, notEnrolledMessage } from "../../features/home/views/help.js";
import { profileModal } from "../../features/profiles/views/profileModal.js";
import { pauseModal, pausedMessage, resumedMessage } from "../../features/profiles/views/availabilityViews.js";
import { exclusionsModal } from "../../features/profiles/views/exclusionsModal.js";
import { exclusionsSavedMessage, noProfileRoleMessage } from "../../features/profiles/views/profileMessages.js";
import { deletedHome, deletedModal, erasureMessages, privacyModal } from "../../features/privacy/views/privacyViews.js";
import { noMatchToLogMessage } from "../../features/goals-meetings/views/meetings/messages.js";
import { thanksMessages } from "../../features/thanks/views/views.js";
import { BASE_VOCABULARY } from "../../domain/vocabulary.js";
import { COHORT, GOALS, PEOPLE, PROGRAM, TARA_PROFILE, TZ, member } from "./cast.js";
import type { Entry } from "./entry.js";

const a = (title: string, when: string, surface: Entry["surface"]): Entry => ({ reader: "anyone", title, when, surface });
const tara = { member: member(PEOPLE.tara), enrollments: [{ programName: PROGRAM.name, role: "TRAINEE" as const, cohortName: COHORT.name }], isDirector: false };
const newcomer = { member: member(PEOPLE.ben), enrollments: [], isDirector: false };

export function anyoneEntries(): Entry[] {
  return [
    a("Home tab, not in a program yet", "Someone not yet added to a program opens Rounds' Home.", homeView({ standing: newcomer, hasProfile: false, pause: null, trainee: null, mentor: null, programs: null })),
    a("Home tab, paused", "A trainee paused until a date opens Rounds' Home.", homeView({ standing: tara, hasProfile: true, pause: { until: new Date("2027-01-10T06:00:00Z") }, trainee: { mentors: [], openRequests: [] }, mentor: null, programs: null })),
    a("/mentoring, not in a program yet", "Someone not in a program types /mentoring.", notEnrolledMessage(newcomer)),
    a("/mentoring, a director not in a program", "A director who is in no program types /mentoring.", notEnrolledMessage({ ...newcomer, member: member(PEOPLE.dana), isDirector: true })),
    a("/mentoring", "A trainee types /mentoring.", mentoringHelp(tara)),
    a("Profile form", "A trainee types /mentoring profile.", profileModal({ sections: ["trainee"], vocabulary: BASE_VOCABULARY, profile: TARA_PROFILE, goals: GOALS.filter((g) => g.status === "ACTIVE").map((g) => g.text) })),
    a("Profile, no role", "Someone with no trainee or mentor role opens their profile.", noProfileRoleMessage()),
    a("Pause form", "Someone types /mentoring pause.", pauseModal({ kind: "available" }, TZ)),
    a("Paused", "Someone types /mentoring pause 2027-01-10.", pausedMessage({ kind: "paused", until: "2027-01-10" }, TZ)),
    a("Resumed", "Someone types /mentoring resume.", resumedMessage()),
    a("Never-pair list", "Someone types /mentoring exclusions.", exclusionsModal([PEOPLE.sam.slackUserId])),
    a("Never-pair list saved", "They save one name.", exclusionsSavedMessage(1)),
    a("Nothing to log", "Someone with no mentorship types /mentoring log.", noMatchToLogMessage()),
    a("My data", "Someone types /mentoring privacy.", privacyModal({ slack: { name: PEOPLE.tara.name, realName: PEOPLE.tara.name, email: "u0tara@hospital.example", tz: TZ, refreshedAt: new Date("2026-12-06T15:00:00Z") }, enrollments: tara.enrollments, profile: TARA_PROFILE, goals: GOALS, vocabulary: BASE_VOCABULARY, exclusions: 1, pause: { kind: "available" }, surveys: [{ programName: PROGRAM.name, academicYearStart: "07-01", kind: "mentee", milestone: "m3", sentAt: new Date("2026-11-04T16:00:00Z"), answered: true }], roundTables: [{ programName: PROGRAM.name, startsAt: new Date("2026-11-19T23:00:00Z"), cancelled: false, choices: ["Academic research", "Clinician educator"], seats: [{ rotation: 0, path: "Academic research", hostName: PEOPLE.maya.name }, { rotation: 1, path: "Clinician educator", hostName: PEOPLE.sam.name }], hosting: null }] })),
    a("Data deleted", "They press Delete my data and confirm.", deletedModal()),
    a("Home tab after deleting", "They open Rounds' Home afterwards.", deletedHome()),
    a("A mentor left", "The mentor of a mentorship deleted their data.", erasureMessages.ended({ slackUserId: PEOPLE.tara.slackUserId, kind: "mentorship-as-trainee", role: "mentor", programName: PROGRAM.name }, PEOPLE.maya.slackUserId)),
    a("A trainee left", "The trainee of a mentorship deleted their data.", erasureMessages.ended({ slackUserId: PEOPLE.maya.slackUserId, kind: "mentorship-as-mentor", role: "mentor", programName: PROGRAM.name }, PEOPLE.tara.slackUserId)),
    a("A thank-you shout-out", "In the program's channel, when a trainee thanks a mentor publicly.", thanksMessages.shoutOut({ id: "th-1", fromSlackId: PEOPLE.tara.slackUserId, toSlackId: PEOPLE.maya.slackUserId, programName: PROGRAM.name, message: "" })),
  ];
}
