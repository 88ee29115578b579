import type { CheckinCard, EscalationCard, StayCard } from "../../src/features/checkins/checkins.js";

/**
 * Cards of every message the check-in job queues, with the people as the job has them (member id,
 * time zone and DM channel included), for test/unit/queuedCheckinMessages.test.ts. Names and the
 * program carry mrkdwn's special characters, so escaping is covered.
 */
const maya = { memberId: "m1", slackUserId: "U0MAYA", name: "Dr. *Maya* _Ito_", tz: "America/New_York", dmChannel: "D0MAYA" };
const ana = { memberId: "m2", slackUserId: "U0ANA", name: "Ana <Fellow> & co", tz: "Asia/Kolkata", dmChannel: "U0ANA" };
const PROGRAM = "Heme & Onc <Fellowship>";

const checkin: CheckinCard = {
  checkinId: "0c5a3c1e-8a7b-4f7e-9d7c-1f2e3d4c5b6a",
  matchId: "cmatch0001",
  periodKey: "2026-03-03",
  recipient: "mentor",
  you: maya,
  other: ana,
  programName: PROGRAM,
  answer: null,
  answeredBySlackId: null,
  directorTold: false,
};

const escalation: EscalationCard = {
  matchId: "cmatch0002",
  periodKey: "2026-02-01",
  cause: "no-meeting",
  programName: PROGRAM,
  role: "mentor",
  startedAt: new Date("2025-10-14T13:37:21.123Z"),
  mentor: maya,
  trainee: ana,
  askedBy: [],
  history: [
    { periodKey: "2025-12-01", answers: [{ recipient: "mentor", slackUserId: "U0MAYA", sent: true, answer: "NOT_YET" }, { recipient: "trainee", slackUserId: "U0ANA", sent: true, answer: null }] },
    { periodKey: "2026-01-01", answers: [{ recipient: "mentor", slackUserId: "U0MAYA", sent: false, answer: null }] },
    { periodKey: "2026-02-01", answers: [{ recipient: "trainee", slackUserId: "U0ANA", sent: true, answer: "NEED_HELP" }] },
  ],
};

const stay: StayCard = { matchId: "cmatch0003", periodKey: "2026-02-01", recipient: "trainee", you: ana, other: maya, programName: PROGRAM, ignored: 3 };

export const CHECKIN_CARDS = {
  checkin: { kind: "checkin", card: checkin },
  checkinTrainee: { kind: "checkin", card: { ...checkin, recipient: "trainee", you: ana, other: maya } },
  reminder: { kind: "reminder", card: { ...checkin, recipient: "trainee", you: ana, other: maya } },
  escalationNoMeeting: { kind: "escalation", card: escalation },
  escalationNoHistory: { kind: "escalation", card: { ...escalation, role: "coach", history: [] } },
  escalationMentorAsked: { kind: "escalation", card: { ...escalation, cause: "need-help", askedBy: ["mentor"] } },
  escalationCoachAsked: { kind: "escalation", card: { ...escalation, role: "coach", cause: "need-help", askedBy: ["mentor"] } },
  escalationTraineeAsked: { kind: "escalation", card: { ...escalation, cause: "need-help", askedBy: ["trainee"] } },
  escalationBothAsked: { kind: "escalation", card: { ...escalation, cause: "need-help", askedBy: ["trainee", "mentor"] } },
  stay: { kind: "stayAsk", card: stay },
  stayMentor: { kind: "stayAsk", card: { ...stay, recipient: "mentor", you: maya, other: ana, ignored: 1 } },
} as const satisfies Record<string, { kind: "checkin" | "reminder" | "escalation" | "stayAsk"; card: CheckinCard | EscalationCard | StayCard }>;
