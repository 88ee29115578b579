/** Block Kit ids of the check-in surfaces. */
export const CHECKIN_ACTIONS = {
  /** The answer buttons on a check-in (or reminder) DM; value = check-in id. */
  met: "checkin_met",
  scheduled: "checkin_scheduled",
  notYet: "checkin_not_yet",
  needHelp: "checkin_need_help",
  /** "Stay, pause or leave?"; value `{"matchId","recipient"}`. */
  stay: "checkin_stay",
  pause: "checkin_pause",
  leave: "checkin_leave",
  /** A director's buttons on an escalation; value `{"matchId","periodKey"}`. */
  nudge: "checkin_nudge",
  reassign: "checkin_reassign",
  end: "checkin_end",
} as const;

export const CHECKIN_BLOCKS = {
  answers: "checkin_answers",
  escalationActions: "checkin_escalation_actions",
  outcome: "checkin_outcome",
} as const;

/** Which answer each answer button records. */
export const ANSWER_OF_ACTION = {
  [CHECKIN_ACTIONS.met]: "MET",
  [CHECKIN_ACTIONS.scheduled]: "SCHEDULED",
  [CHECKIN_ACTIONS.notYet]: "NOT_YET",
  [CHECKIN_ACTIONS.needHelp]: "NEED_HELP",
} as const;
