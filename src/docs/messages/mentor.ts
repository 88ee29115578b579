import { homeView } from "../../features/home/views/home.js";
import { surveyEntries } from "./surveys.js";
import { answeredMessage, requestMessages, settledForMentor } from "../../features/requests/views/messages.js";
import { declineModal, endModal } from "../../features/requests/views/modals.js";
import { answeredCheckin, checkinMessages } from "../../features/checkins/views/messages.js";
import { goalsModal, progressModal } from "../../features/goals-meetings/views/goals/goalsModal.js";
import { agendaMessages } from "../../features/goals-meetings/views/meetings/agendaPrompt.js";
import { meetingModal } from "../../features/goals-meetings/views/meetings/meetingModal.js";
import { roundNoticeMessages } from "../../features/rounds/views/notices.js";
import { roundMessages } from "../../features/rounds/views/previewMessages.js";
import { thanksMessages } from "../../features/thanks/views/views.js";
import { AUTHORS, CHECKIN_MATCH, COHORT, GOALS, MATCH, MEETING_MATCH, PEOPLE, PROGRAM, REQUEST, TARA_PROFILE, TZ, checkinParty, daysFromNow, member } from "./cast.js";
import type { Entry } from "./entry.js";
import type { RoundLabel } from "../../features/rounds/roundApproval.js";

const card = { checkinId: "ci-2", matchId: MATCH.id, periodKey: "2026-11-01", recipient: "mentor" as const, you: checkinParty(PEOPLE.maya), other: checkinParty(PEOPLE.tara), programName: PROGRAM.name, answer: null, answeredBySlackId: null, directorTold: false };
const speed: RoundLabel = { runId: "run-2", roundName: "Speed mentoring night", programName: PROGRAM.name, cohortName: COHORT.name, kind: "SPEED", scheduledFor: daysFromNow(3, 8), timezone: TZ, version: 1 };
const m = (title: string, when: string, surface: Entry["surface"]): Entry => ({ reader: "mentor", title, when, surface });

export function mentorEntries(): Entry[] {
  const requestCard = { request: REQUEST, traineeProfile: TARA_PROFILE, traineeGoals: GOALS.filter((g) => g.status === "ACTIVE").map((g) => g.text) };
  return [
    m("Home tab", "Dr. Jun Lee opens Rounds' Home: one mentee, one request waiting.", homeView({
      standing: { member: member(PEOPLE.jun), enrollments: [{ programName: PROGRAM.name, role: "MENTOR", cohortName: null }], isDirector: false },
      hasProfile: true,
      pause: null,
      trainee: null,
      mentor: {
        capacity: 2,
        mentees: [{ matchId: "match-2", programName: PROGRAM.name, role: "coach", since: new Date("2026-10-01T15:00:00Z"), other: PEOPLE.ben }],
        pendingRequests: [{ requestId: REQUEST.id, programName: PROGRAM.name, role: "mentor", createdAt: REQUEST.createdAt, other: PEOPLE.tara }],
      },
      programs: null,
      matchDetails: {
        matches: [{ matchId: "match-2", viewerIsTrainee: false, other: PEOPLE.ben, role: "coach", programName: PROGRAM.name, lastMeeting: null, nextCheckinAt: new Date("2027-01-01T15:00:00Z"), agenda: null, menteeGoals: [{ ...GOALS[1]!, memberId: PEOPLE.ben.id }] }],
        ownGoals: null,
        authors: AUTHORS,
      },
    })),
    m("A request", "A trainee asks Jun to be their mentor (her message is shown as she typed it).", requestMessages.mentorRequest(requestCard)),
    m("A request, reminded", "Three days later, unanswered.", requestMessages.mentorReminder(requestCard)),
    m("Decline form", "Jun presses Decline.", declineModal(REQUEST.id, null)),
    m("Request accepted", "Jun presses Accept, taking his last place; one other request closes.", answeredMessage({ ...REQUEST, status: "ACCEPTED" }, "accepted", 1)),
    m("Request declined", "Jun declines.", answeredMessage({ ...REQUEST, status: "DECLINED" }, "declined")),
    m("Request no longer open", "Jun presses Accept on a request the trainee withdrew.", answeredMessage({ ...REQUEST, status: "WITHDRAWN" }, "gone")),
    m("Places full", "Jun presses Accept after his places filled.", answeredMessage({ ...REQUEST, status: "MENTOR_FULL" }, "full", 2)),
    m("Request DM once settled", "The request expired before Jun answered.", settledForMentor({ ...REQUEST, status: "EXPIRED" })),
    m("End mentorship form", "A mentor presses End mentorship in the introduction.", endModal(MATCH.id)),
    m("Mentorship ended by the trainee", "The trainee ends the mentorship.", requestMessages.matchEndedOther({ ...MATCH, role: "coach" }, PEOPLE.tara.slackUserId)),
    m("Check-in", "A check-in period ends.", checkinMessages.checkin(card)),
    m("Check-in answered by the other person", "The mentee answered Scheduled first.", answeredCheckin({ ...card, answer: "SCHEDULED", answeredBySlackId: PEOPLE.tara.slackUserId })),
    m("A director's nudge (after the trainee asked for help)", "The director presses Nudge both.", checkinMessages.nudge(CHECKIN_MATCH, "mentor", PEOPLE.dana.slackUserId, ["trainee"])),
    m("Mentorship ended by the director", "The director presses End on a coaching pair.", checkinMessages.endedByDirector({ ...CHECKIN_MATCH, role: "coach" }, "mentor", false, PEOPLE.dana.slackUserId)),
    m("The agenda is set", "The mentee sets an agenda for the next meeting.", agendaMessages.agendaSet(MEETING_MATCH, MEETING_MATCH.trainee)),
    m("Meeting log", "Dr. Maya Patel types /mentoring log.", meetingModal({ match: MEETING_MATCH, viewerIsTrainee: false, other: MEETING_MATCH.trainee, today: "2026-12-07", goals: GOALS.filter((g) => g.status === "ACTIVE"), checkinId: "ci-2" })),
    m("Mentees' goals", "Dr. Maya Patel types /mentoring goals.", goalsModal({ memberId: PEOPLE.maya.id, tz: TZ, isTrainee: false, own: [], mentees: [{ mentee: { memberId: PEOPLE.tara.id, slackUserId: PEOPLE.tara.slackUserId, name: PEOPLE.tara.name }, goals: GOALS }], authors: AUTHORS }, TZ)),
    m("Progress note", "Dr. Maya Patel presses Add progress on a mentee's goal.", progressModal(GOALS[0]!, PEOPLE.tara.slackUserId, false)),
    m("Trainees ranked you", "Trainees ranked Dr. Maya Patel in a stable round.", roundNoticeMessages.rankMentor({ runId: "run-1", roundName: "Spring mentor match", programName: PROGRAM.name, kind: "STABLE", scheduledFor: daysFromNow(7), tz: TZ, side: "mentor", rankDeadline: daysFromNow(6), rankedBy: 2 })),
    m("Group introduction (mentor and trainees)", "A group-mentoring round is approved.", roundMessages.groupIntro({ ...speed, kind: "ROTATION", roundName: "Winter groups" }, PEOPLE.maya.slackUserId, [PEOPLE.tara.slackUserId, PEOPLE.ben.slackUserId])),
    m("Peer introduction", "A peer round is approved.", roundMessages.peerIntro({ ...speed, kind: "ROTATION", roundName: "Peer coffee" }, [PEOPLE.tara.slackUserId, PEOPLE.ben.slackUserId])),
    m("Speed-mentoring schedule", "A speed-mentoring round is approved.", roundMessages.speedSchedule(speed, [
      { rotation: 0, startsAt: speed.scheduledFor, endsAt: new Date(speed.scheduledFor.getTime() + 10 * 60_000), withSlackUserIds: [PEOPLE.tara.slackUserId] },
      { rotation: 1, startsAt: new Date(speed.scheduledFor.getTime() + 12 * 60_000), endsAt: new Date(speed.scheduledFor.getTime() + 22 * 60_000), withSlackUserIds: [] },
      { rotation: 2, startsAt: new Date(speed.scheduledFor.getTime() + 24 * 60_000), endsAt: new Date(speed.scheduledFor.getTime() + 34 * 60_000), withSlackUserIds: [PEOPLE.ben.slackUserId] },
    ], TZ)),
    m("Thanked", "A trainee thanks Dr. Maya Patel.", thanksMessages.mentorDm({ id: "th-1", fromSlackId: PEOPLE.tara.slackUserId, toSlackId: PEOPLE.maya.slackUserId, programName: PROGRAM.name, message: "Your read of my aims page changed the whole _framing_. Thank you!" })),
    ...surveyEntries("mentor"), // evaluation surveys (src/docs/messages/surveys.ts)
  ];
}
