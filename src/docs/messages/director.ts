import { homeView } from "../../features/home/views/home.js";
import { surveyEntries } from "./surveys.js";
import { adminMenu, noProgramYet } from "../../features/programs/views/menu.js";
import { programModal } from "../../features/programs/views/programModal.js";
import { cohortModal } from "../../features/programs/views/cohortModal.js";
import { doneModal } from "../../slack/kit/doneModal.js";
import { cohortDone, programDone, type Done } from "../../features/programs/views/doneWords.js";
import { peopleModal } from "../../features/programs/views/peopleModal.js";
import { directorsModal } from "../../features/programs/views/directorsModal.js";
import { checkinMessages, directorOutcome } from "../../features/checkins/views/messages.js";
import { requestMessages } from "../../features/requests/views/messages.js";
import { blankCompose, composeModal } from "../../features/announcements/views/composeModal.js";
import { previewModal } from "../../features/announcements/views/previewModal.js";
import { announcementList } from "../../features/announcements/views/list.js";
import { announcementDone } from "../../features/announcements/views/doneWords.js";
import { announcementMessages, cancelledInviteNote } from "../../features/announcements/views/messages.js";
import { roundModal } from "../../features/rounds/views/roundModal.js";
import { roundCreatedText, roundList } from "../../features/rounds/views/roundList.js";
import { approvedMessage, discardedMessage, previewMessage } from "../../features/rounds/views/preview.js";
import { dropModal, swapModal } from "../../features/rounds/views/previewModals.js";
import { roundMessages } from "../../features/rounds/views/previewMessages.js";
import { thanksCountsMessage } from "../../features/thanks/views/views.js";
import { buildProposal } from "../../domain/roundProposalBuild.js";
import { readStoredOptions } from "../../domain/roundOptions.js";
import { EMPTY_PROFILE } from "../../domain/profile.js";
import { BASE_VOCABULARY } from "../../domain/vocabulary.js";
import type { RoundInputs, RoundMentor, RoundPerson } from "../../domain/roundInputs.js";
import type { RoundLabel } from "../../features/rounds/roundApproval.js";
import type { ProgramDashboard } from "../../features/dashboard-reports/dashboard.js";
import type { RoundRecord } from "../../store/rounds.js";
import { ANNOUNCEMENT, CHANNELS, CHECKIN_MATCH, COHORT, MATCH, NOW, PEOPLE, PROGRAM, TZ, checkinParty, daysFromNow, member, type Someone } from "./cast.js";
import type { Entry } from "./entry.js";

const done = (x: Done) => doneModal(x.title, x.text, x.next);
const d = (title: string, when: string, surface: Entry["surface"]): Entry => ({ reader: "director", title, when, surface });
const overview = { ...PROGRAM, cohorts: [COHORT], people: 14 };
const party = (p: Someone) => ({ slackUserId: p.slackUserId, name: p.name, erased: false });

const dashboard: ProgramDashboard = {
  program: { id: PROGRAM.id, name: PROGRAM.name, cadence: "MONTHLY", timezone: TZ },
  period: { key: "2026-11-01", endKey: "2026-12-01", label: "Nov 2026", start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") },
  totals: { trainees: 9, mentors: 5, matchedTrainees: 8 },
  cohorts: [
    { cohortId: COHORT.id, cohortName: COHORT.name, trainees: 6, mentors: 3, matchedTrainees: 6 },
    { cohortId: null, cohortName: null, trainees: 3, mentors: 2, matchedTrainees: 2 },
  ],
  pending: { total: 1, oldest: [{ id: "r-1", role: "mentor", createdAt: daysFromNow(-3), ageDays: 3, trainee: party(PEOPLE.tara), mentor: party(PEOPLE.jun) }] },
  meetingsLastPeriod: 6,
  checkinsLastPeriod: { sent: 8, answered: 7 },
  atRisk: [
    { matchId: MATCH.id, role: "mentor", startedAt: CHECKIN_MATCH.startedAt, trainee: party(PEOPLE.tara), mentor: party(PEOPLE.maya), reason: { kind: "need_help", since: daysFromNow(-2) } },
    { matchId: "match-2", role: "coach", startedAt: new Date("2026-10-01T15:00:00Z"), trainee: party(PEOPLE.ben), mentor: party(PEOPLE.jun), reason: { kind: "no_meeting", missedPeriods: 2, lastMeetingAt: null } },
  ],
  load: { full: [{ mentor: party(PEOPLE.maya), active: 3, capacity: 3 }], room: [{ mentor: party(PEOPLE.jun), active: 1, capacity: 2 }, { mentor: party(PEOPLE.sam), active: 0, capacity: 1 }], openPlaces: 2 },
  thanks: [{ mentor: party(PEOPLE.maya), count: 3 }, { mentor: party(PEOPLE.jun), count: 1 }],
};

const person = (p: Someone, profile: Partial<RoundPerson["profile"]>): RoundPerson => ({ memberId: p.id, slackUserId: p.slackUserId, name: p.name, profile: { ...EMPTY_PROFILE, careerStage: "fellow", ...profile }, paused: false, group: null });
const mentor = (p: Someone, capacity: number, profile: Partial<RoundPerson["profile"]>): RoundMentor => ({ ...person(p, { careerStage: "senior_faculty", rolesOffered: ["mentor"], ...profile }), capacity, activeMentees: 0, responsiveness: null });
const roundInputs: RoundInputs = {
  kind: "MENTOR_MATCH",
  options: readStoredOptions({}),
  scheduledFor: daysFromNow(7),
  timezone: TZ,
  trainees: [
    person(PEOPLE.tara, { specialty: "hematology", subspecialty: "thrombosis_hemostasis", interests: ["thrombosis"] }),
    person(PEOPLE.ben, { specialty: "hematology", subspecialty: "malignant_hematology", interests: ["leukemia"] }),
    { ...person(PEOPLE.dana, {}), paused: true },
  ],
  mentors: [
    mentor(PEOPLE.maya, 1, { specialty: "hematology", subspecialty: "thrombosis_hemostasis", expertise: ["thrombosis"] }),
    mentor(PEOPLE.sam, 2, { specialty: "hematology", subspecialty: "malignant_hematology", expertise: ["leukemia"] }),
  ],
  exclusions: [],
  activePairs: [],
  pastPairs: [],
  pastGroups: [],
  rankings: {},
  roundIndex: 0,
  vocabulary: BASE_VOCABULARY,
  alreadyMatched: [],
};
const label: RoundLabel = { runId: "run-1", roundName: "Spring mentor match", programName: PROGRAM.name, cohortName: COHORT.name, kind: "MENTOR_MATCH", scheduledFor: daysFromNow(7), timezone: TZ, version: 1 };
const round: RoundRecord = { id: "round-1", workspaceId: PROGRAM.workspaceId, programId: PROGRAM.id, programName: PROGRAM.name, timezone: TZ, cohortId: COHORT.id, cohortName: COHORT.name, name: "Spring mentor match", kind: "MENTOR_MATCH", options: {}, schedule: null, nextRunAt: daysFromNow(7), status: "ACTIVE", createdById: PEOPLE.dana.slackUserId, createdAt: NOW };
const weekly: RoundRecord = { ...round, id: "round-2", name: "Peer coffee", kind: "ROTATION", schedule: "0 12 * * 3", options: { everyWeeks: 2 }, nextRunAt: daysFromNow(2, 3) };
const previewAt = { runId: "run-1", channel: "D-U0DANA", ts: "1765119600.000200" };

export function directorEntries(): Entry[] {
  const proposal = buildProposal(roundInputs, NOW);
  return [
    d("Home tab", "Dana, who directs the program but is not in it, opens Rounds' Home.", homeView({
      standing: { member: member(PEOPLE.dana, { directorGrantedAt: new Date("2026-06-01T15:00:00Z") }), enrollments: [], isDirector: true },
      hasProfile: false,
      pause: null,
      trainee: null,
      mentor: null,
      programs: [{ programId: PROGRAM.id, name: PROGRAM.name, cohorts: 1 }],
      dashboard: { asOf: NOW, programs: [dashboard] },
    })),
    d("Program administration", "Dana types /mentoring-admin.", adminMenu([overview])),
    d("No program yet", "A director tries to announce before any program exists.", noProgramYet("announce to")),
    d("New program", "Dana presses New program.", programModal(null, { timezone: TZ })),
    d("Edit program", "Dana presses Edit program.", programModal(PROGRAM, { timezone: TZ })),
    d("Program created", "Dana saves the new program form (it turns into this).", done(programDone(PROGRAM, true))),
    d("Program saved", "Dana saves the program form after editing.", done(programDone(PROGRAM, false))),
    d("New cohort", "Dana presses New cohort.", cohortModal(PROGRAM)),
    d("Cohort created", "Dana saves the cohort form.", done(cohortDone(COHORT))),
    d("Add people", "Dana presses Add people.", peopleModal(PROGRAM, [COHORT], COHORT.id)),
    d("Directors", "Dana presses Directors.", directorsModal([{ id: PEOPLE.sam.id, slackUserId: PEOPLE.sam.slackUserId, name: PEOPLE.sam.name, directorGrantedAt: new Date("2026-09-01T15:00:00Z"), directorGrantedBy: PEOPLE.dana.slackUserId }])),
    d("Need help alert", "A mentor pressed Need help on a check-in.", checkinMessages.escalation({ matchId: MATCH.id, periodKey: "2026-11-01", cause: "need-help", programName: PROGRAM.name, role: "mentor", startedAt: CHECKIN_MATCH.startedAt, mentor: checkinParty(PEOPLE.maya), trainee: checkinParty(PEOPLE.tara), askedBy: ["mentor"], history: [
      { periodKey: "2026-10-01", answers: [{ recipient: "mentor", slackUserId: PEOPLE.maya.slackUserId, sent: true, answer: "MET" }, { recipient: "trainee", slackUserId: PEOPLE.tara.slackUserId, sent: true, answer: null }] },
      { periodKey: "2026-11-01", answers: [{ recipient: "mentor", slackUserId: PEOPLE.maya.slackUserId, sent: true, answer: "NEED_HELP" }, { recipient: "trainee", slackUserId: PEOPLE.tara.slackUserId, sent: true, answer: "NOT_YET" }] },
    ] })),
    d("No meeting alert", "A pair reported no meeting for two periods.", checkinMessages.escalation({ matchId: "match-2", periodKey: "2026-11-01", cause: "no-meeting", programName: PROGRAM.name, role: "coach", startedAt: new Date("2026-10-01T15:00:00Z"), mentor: checkinParty(PEOPLE.jun), trainee: checkinParty(PEOPLE.ben), askedBy: [], history: [] })),
    d("Alert after Nudge both", "Dana presses Nudge both on the alert (this line replaces its buttons).", { text: directorOutcome("nudged", PEOPLE.dana.slackUserId, CHECKIN_MATCH) }),
    d("A mentorship ended", "A mentor ends a mentorship and leaves private feedback.", requestMessages.matchEndedDirector(MATCH, PEOPLE.maya.slackUserId, "Our schedules never lined up.")),
    d("New announcement", "Dana presses Announce.", composeModal([{ id: PROGRAM.id, name: PROGRAM.name, timezone: TZ, announcementChannel: CHANNELS.announce, cohorts: [{ id: COHORT.id, name: COHORT.name }] }], blankCompose({ id: PROGRAM.id, name: PROGRAM.name, timezone: TZ, announcementChannel: CHANNELS.announce, cohorts: [] }), { id: null, posted: false }, null)),
    d("Announcement preview (private channel)", "Dana presses Preview for a private channel Rounds is not in.", previewModal(
      { id: null, posted: false, draft: { programId: PROGRAM.id, cohortIds: [COHORT.id], channelId: CHANNELS.private, text: ANNOUNCEMENT.text, notifyEveryone: false, alsoDm: true, postAt: null } },
      { programName: PROGRAM.name, timezone: TZ, cohortNames: [COHORT.name], audience: 6, createdById: PEOPLE.dana.slackUserId, inviteNeeded: true, botName: "rounds" },
    )),
    d("Announcement posted", "Dana presses Post for the program's channel.", done(announcementDone.postedNow(CHANNELS.announce, true))),
    d("Announcement waiting for an invite", "Dana presses Post for a private channel Rounds is not in.", done(announcementDone.waitingForInvite(CHANNELS.private, "rounds"))),
    d("Announcement scheduled", "Dana presses Post for a date and time.", done(announcementDone.scheduled(ANNOUNCEMENT))),
    d("Posted announcement edited", "Dana edits a posted announcement that also went by DM.", done(announcementDone.editApplied(CHANNELS.announce, true))),
    d("Announcements list", "Dana types /mentoring-admin announcements.", announcementList([
      { announcement: ANNOUNCEMENT, state: "scheduled" },
      { announcement: { ...ANNOUNCEMENT, id: "a-2", channelId: CHANNELS.private }, state: "waiting_for_invite" },
      { announcement: { ...ANNOUNCEMENT, id: "a-3", text: "Welcome to the 2026–27 fellows!", status: "POSTED", postedAt: daysFromNow(-30), editedAt: daysFromNow(-29) }, state: "posted" },
    ])),
    d("Invite Rounds", "An announcement's time came, and Rounds is not in the private channel.", announcementMessages.inviteNeeded({ ...ANNOUNCEMENT, channelId: CHANNELS.private }, "rounds")),
    d("Invite DM once cancelled", "Dana presses Cancel it in that DM.", cancelledInviteNote({ ...ANNOUNCEMENT, channelId: CHANNELS.private })),
    d("The channel post", "The announcement goes out (members see it in the channel).", announcementMessages.channelPost(ANNOUNCEMENT)),
    d("New round", "Dana presses New round.", roundModal([overview], `c:${PROGRAM.id}:${COHORT.id}`)),
    d("Round created", "Dana creates a one-off mentor match (the form turns into this).", { text: roundCreatedText(round) }),
    d("Rounds list", "Dana presses Rounds.", roundList([{ ...round, latestRun: null }, { ...weekly, latestRun: { id: "run-9", workspaceId: PROGRAM.workspaceId, roundId: weekly.id, scheduledFor: daysFromNow(-12), status: "APPROVED", rankDeadline: null } }])),
    d("Round preview", "The round runs: Dana gets its proposal to review.", previewMessage(label, proposal)),
    d("Swap form", "Dana presses Swap on the preview.", swapModal(previewAt, proposal)),
    d("Drop form", "Dana presses Drop on the preview.", dropModal(previewAt, proposal)),
    d("Round approved (the preview)", "Dana presses Approve.", approvedMessage(label, proposal, PEOPLE.dana.slackUserId)),
    d("Round approved (to the other directors)", "Another director approved it.", roundMessages.summary(label, proposal, PEOPLE.sam.slackUserId)),
    d("Round discarded", "Dana presses Discard.", discardedMessage(label, PEOPLE.dana.slackUserId)),
    d("Thank-you counts", "Dana presses Thank-yous.", thanksCountsMessage([
      { mentorMemberId: PEOPLE.maya.id, mentorSlackId: PEOPLE.maya.slackUserId, mentorName: PEOPLE.maya.name, email: null, count: 3, thankers: 2, programs: [PROGRAM.name], firstAt: daysFromNow(-40), lastAt: daysFromNow(-1), messages: [] },
      { mentorMemberId: PEOPLE.jun.id, mentorSlackId: PEOPLE.jun.slackUserId, mentorName: PEOPLE.jun.name, email: null, count: 1, thankers: 1, programs: [PROGRAM.name], firstAt: daysFromNow(-9), lastAt: daysFromNow(-9), messages: [] },
    ])),
    ...surveyEntries("director"), // evaluation surveys (src/docs/messages/surveys.ts)
  ];
}
