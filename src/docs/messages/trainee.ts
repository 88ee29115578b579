import { homeView } from "../../features/home/views/home.js";
import { surveyEntries } from "./surveys.js";
import { mentorCardsMessage, noFitMessage, noMentorsMessage, profileFirstMessage } from "../../features/findmentor/views/cards.js";
import { requestModal } from "../../features/requests/views/modals.js";
import { requestMessages, settledForTrainee, withdrawnMessage } from "../../features/requests/views/messages.js";
import { answeredCheckin, checkinMessages, stayAnswered } from "../../features/checkins/views/messages.js";
import { agendaModal, agendaPromptMessage } from "../../features/goals-meetings/views/meetings/agendaPrompt.js";
import { meetingModal, meetingSavedModal } from "../../features/goals-meetings/views/meetings/meetingModal.js";
import { addGoalModal, goalsModal, parkChoiceModal } from "../../features/goals-meetings/views/goals/goalsModal.js";
import { answeredNotice, roundNoticeMessages } from "../../features/rounds/views/notices.js";
import { rankModal, rankSavedText } from "../../features/rounds/views/rankModal.js";
import { thanksModal, thanksSentText } from "../../features/thanks/views/views.js";
import { announcementMessages } from "../../features/announcements/views/messages.js";
import { dashboardMessages } from "../../features/dashboard-reports/views/messages.js";
import { MENTOR_ROLES } from "../../domain/vocabulary.js";
import { AUTHORS, ANNOUNCEMENT, CHANNELS, CHECKIN_MATCH, COHORT, GOALS, MATCH, MEETING_MATCH, NOW, PEOPLE, PROGRAM, REQUEST, TZ, checkinParty, daysFromNow, member, mentorCard } from "./cast.js";
import type { Entry } from "./entry.js";
import type { NoticeCard } from "../../features/rounds/roundNotices.js";

const card = { checkinId: "ci-1", matchId: MATCH.id, periodKey: "2026-11-01", recipient: "trainee" as const, you: checkinParty(PEOPLE.tara), other: checkinParty(PEOPLE.maya), programName: PROGRAM.name, answer: null, answeredBySlackId: null, directorTold: false };
const notice: NoticeCard = { runId: "run-1", roundName: "Spring mentor match", programName: PROGRAM.name, kind: "STABLE", scheduledFor: daysFromNow(7), tz: TZ, side: "trainee", rankDeadline: daysFromNow(5) };
const pair = { matchId: MATCH.id, programId: PROGRAM.id, programName: PROGRAM.name, role: "mentor", status: "ACTIVE" as const, startedAt: CHECKIN_MATCH.startedAt, cadence: "MONTHLY" as const, trainee: { ...PEOPLE.tara, memberId: PEOPLE.tara.id, erased: false }, mentor: { ...PEOPLE.maya, memberId: PEOPLE.maya.id, erased: false } };
const rankForm = { runId: "run-1", side: "trainee" as const, roundName: notice.roundName, deadline: notice.rankDeadline!, tz: TZ, current: [PEOPLE.maya.id, PEOPLE.sam.id], choices: [
  { memberId: PEOPLE.maya.id, slackUserId: PEOPLE.maya.slackUserId, name: PEOPLE.maya.name, reasons: ["same subspecialty: thrombosis and hemostasis"] },
  { memberId: PEOPLE.sam.id, slackUserId: PEOPLE.sam.slackUserId, name: PEOPLE.sam.name, reasons: ["shares your interests: grant writing"] },
] };
const t = (title: string, when: string, surface: Entry["surface"]): Entry => ({ reader: "trainee", title, when, surface });

export function traineeEntries(): Entry[] {
  return [
    t("Home tab", "Tara opens Rounds' Home: a mentor, a request waiting, her goals.", homeView({
      standing: { member: member(PEOPLE.tara), enrollments: [{ programName: PROGRAM.name, role: "TRAINEE", cohortName: COHORT.name }], isDirector: false },
      hasProfile: true,
      pause: null,
      trainee: {
        mentors: [{ matchId: MATCH.id, programName: PROGRAM.name, role: "mentor", since: CHECKIN_MATCH.startedAt, other: PEOPLE.maya }],
        openRequests: [{ requestId: REQUEST.id, programName: PROGRAM.name, role: "sponsor", createdAt: REQUEST.createdAt, other: PEOPLE.sam }],
      },
      mentor: null,
      programs: null,
      matchDetails: {
        matches: [{ matchId: MATCH.id, viewerIsTrainee: true, other: PEOPLE.maya, role: "mentor", programName: PROGRAM.name, lastMeeting: { date: new Date("2026-11-20T00:00:00Z"), nextSteps: "Send the aims page to Sam" }, nextCheckinAt: new Date("2027-01-04T15:00:00Z"), agenda: MEETING_MATCH.agenda, menteeGoals: [] }],
        ownGoals: GOALS,
        authors: AUTHORS,
      },
    })),
    t("/findmentor: mentors who fit", "Tara types /findmentor thrombosis.", mentorCardsMessage({ kind: "mentors", query: "thrombosis", page: 0, shownBefore: 0, hasMore: true, cards: [mentorCard(PEOPLE.maya), mentorCard(PEOPLE.jun, { stage: "Junior faculty", juniorFaculty: true, activeMentees: 0, capacity: 1, handsOn: null, supervisorNote: null, helpedGrants: null, pastFellows: null })] })),
    t("/findmentor: nobody fits", "Tara searches for words no mentor uses, with one mentor full.", noFitMessage({ kind: "no_fit", query: "grant writing", terms: ["grant writing"], excluded: { alreadyMentoring: 0, declinedRecently: 0, paused: 0, full: 1, noKeywordMatch: 1 } })),
    t("/findmentor: no mentors yet", "Tara searches before the program has mentors.", noMentorsMessage()),
    t("/findmentor: profile first", "Tara searches before filling in her profile (the profile form opens too).", profileFirstMessage()),
    t("Request form", "Tara presses Request on a mentor's card.", requestModal({ mentorId: PEOPLE.jun.id, programId: PROGRAM.id, mentorSlackId: PEOPLE.jun.slackUserId, mentorName: PEOPLE.jun.name, roles: MENTOR_ROLES.slice(0, 2), goals: GOALS.filter((g) => g.status === "ACTIVE").map((g) => g.text) })),
    t("Request sent", "Tara sends the request to a junior-faculty mentor.", requestMessages.traineeSent(REQUEST, true)),
    t("Senior co-mentors offered", "Right after, since Jun is junior faculty.", requestMessages.coMentorOffer(REQUEST, [mentorCard(PEOPLE.sam, { stage: "Mid-career faculty", reasons: ["same subspecialty as the junior mentor: thrombosis and hemostasis", "shares with the junior mentor: thrombosis"] })])),
    t("No senior co-mentor has room", "The same, when no senior mentor has room.", requestMessages.coMentorOffer(REQUEST, [])),
    t("Request declined", "The mentor declines.", requestMessages.traineeDeclined(REQUEST)),
    t("Request expired", "A week passes without an answer.", requestMessages.traineeExpired(REQUEST)),
    t("Mentor's places filled", "The mentor's last place went to someone else first.", requestMessages.traineeMentorFull(REQUEST)),
    t("Request DM once settled", "The \"Request sent\" DM after the mentor accepted.", settledForTrainee({ ...REQUEST, status: "ACCEPTED" })),
    t("Request withdrawn", "Tara presses Withdraw.", withdrawnMessage(REQUEST)),
    t("Introduction (group DM, trainee and mentor)", "The mentor accepts: Rounds opens a group DM with both.", requestMessages.intro(MATCH)),
    t("Check-in", "A check-in period ends (the program asks trainees too).", checkinMessages.checkin(card)),
    t("Check-in reminder", "Two days later, unanswered.", checkinMessages.reminder(card)),
    t("Check-in answered: Met", "Tara presses Met (the meeting log opens too).", answeredCheckin({ ...card, answer: "MET", answeredBySlackId: PEOPLE.tara.slackUserId }, { logOpened: true })),
    t("Check-in answered: Need help", "Tara presses Need help.", answeredCheckin({ ...card, answer: "NEED_HELP", answeredBySlackId: PEOPLE.tara.slackUserId, directorTold: true })),
    t("Stay, pause or leave?", "Three check-ins in a row went unanswered.", checkinMessages.stayAsk({ matchId: MATCH.id, periodKey: "2026-11-01", recipient: "trainee", you: checkinParty(PEOPLE.tara), other: checkinParty(PEOPLE.maya), programName: PROGRAM.name, ignored: 3 })),
    t("Stay answered", "Tara presses Stay.", stayAnswered("stay", PEOPLE.maya.slackUserId)),
    t("Pause answered", "Tara presses Pause.", stayAnswered("pause", PEOPLE.maya.slackUserId)),
    t("Leave answered", "Tara presses Leave (after its confirmation).", stayAnswered("leave", PEOPLE.maya.slackUserId)),
    t("A director's nudge (after the mentor asked for help)", "The director presses Nudge both on a Need help alert.", checkinMessages.nudge(CHECKIN_MATCH, "trainee", PEOPLE.dana.slackUserId, ["mentor"])),
    t("A director's nudge (no meeting lately)", "The director presses Nudge both on the dashboard.", dashboardMessages.nudge(pair, "trainee", PEOPLE.dana.slackUserId, [])),
    t("Mentorship ended by the director, to find a better fit", "The director presses End and reassign.", checkinMessages.endedByDirector(CHECKIN_MATCH, "trainee", true, PEOPLE.dana.slackUserId)),
    t("Agenda prompt", "Two days before the next meeting is due.", agendaPromptMessage({ matchId: MATCH.id, mentorSlackUserId: PEOPLE.maya.slackUserId, dueBy: daysFromNow(4), traineeTz: TZ, agenda: null })),
    t("Agenda form", "Tara presses Set agenda.", agendaModal(MEETING_MATCH, true)),
    t("Meeting log", "Tara types /mentoring log.", meetingModal({ match: MEETING_MATCH, viewerIsTrainee: true, other: MEETING_MATCH.mentor, today: "2026-12-07", goals: GOALS.filter((g) => g.status === "ACTIVE"), checkinId: null })),
    t("Meeting logged", "Tara saves the meeting log.", meetingSavedModal(PEOPLE.maya.slackUserId, "2026-12-07")),
    t("Goals", "Tara types /mentoring goals.", goalsModal({ memberId: PEOPLE.tara.id, tz: TZ, isTrainee: true, own: GOALS, mentees: [], authors: AUTHORS }, TZ)),
    t("New goal", "Tara presses Add a goal.", addGoalModal()),
    t("Which goal to park?", "Tara adds a third goal while two are active.", parkChoiceModal(GOALS.filter((g) => g.status === "ACTIVE"), { action: "add", text: "Learn R" })),
    t("Round notice", "A week before a pairing round.", roundNoticeMessages.notice({ ...notice, kind: "MENTOR_MATCH", rankDeadline: null })),
    t("Round notice, skipped", "Tara presses Skip this round.", answeredNotice({ card: { ...notice, kind: "MENTOR_MATCH", rankDeadline: null }, answer: "skipped" })),
    t("Round notice, paused everything", "Tara presses Pause everything… and confirms.", answeredNotice({ card: { ...notice, kind: "MENTOR_MATCH", rankDeadline: null }, answer: "paused", pause: { state: { kind: "paused", until: null }, tz: TZ } })),
    t("Round notice, back", "Tara presses Resume on that message.", answeredNotice({ card: { ...notice, kind: "MENTOR_MATCH", rankDeadline: null }, answer: "resumed", skipping: false, runOpen: true })),
    t("Rank your mentors", "A stable round opens.", roundNoticeMessages.rankTrainee(notice)),
    t("Ranking form", "Tara presses Rank mentors.", rankModal({ ...rankForm, current: [] })),
    t("Ranking saved", "Tara saves her ranking (the form turns into this).", { text: rankSavedText(rankForm) }),
    t("Thank a mentor", "Tara types /mentoring thanks.", thanksModal({ mentor: PEOPLE.maya.slackUserId, message: "" })),
    t("Thanks sent", "Tara sends her thanks with a shout-out.", { text: thanksSentText({ id: "th-1", toSlackUserId: PEOPLE.maya.slackUserId, programName: PROGRAM.name, shoutOutChannel: CHANNELS.announce, shoutOutAsked: true }) }),
    t("Announcement by DM", "A director posts an announcement with \"also DM\" ticked.", announcementMessages.memberDm({ ...ANNOUNCEMENT, status: "POSTED", postedAt: NOW, postedChannel: CHANNELS.announce, postedTs: "1765119600.000100" }, { channel: CHANNELS.announce, ts: "1765119600.000100" })),
    ...surveyEntries("trainee"), // evaluation surveys (src/docs/messages/surveys.ts)
  ];
}
