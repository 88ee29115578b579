import { z } from "zod";
import { action, idValue, idsOf, jsonValue } from "../../slack/interaction/ids.js";

/** A director's escalation buttons act on one match's period. */
const escalation = jsonValue(z.object({ matchId: z.string().min(1), periodKey: z.string().min(1) }));
/** "Stay, pause or leave?" is asked of one side of a match. */
const stayAsked = jsonValue(z.object({ matchId: z.string().min(1), recipient: z.enum(["mentor", "trainee"]) }));

/** The check-in surfaces' buttons, each with the codec of its value. */
export const CHECKIN = {
  /** The answer buttons on a check-in (or reminder) DM; value = check-in id. */
  met: action("checkin_met", idValue),
  scheduled: action("checkin_scheduled", idValue),
  notYet: action("checkin_not_yet", idValue),
  needHelp: action("checkin_need_help", idValue),
  /** "Stay, pause or leave?" after several ignored check-ins. */
  stay: action("checkin_stay", stayAsked),
  pause: action("checkin_pause", stayAsked),
  leave: action("checkin_leave", stayAsked),
  /** A director's buttons on an escalation. */
  nudge: action("checkin_nudge", escalation),
  reassign: action("checkin_reassign", escalation),
  end: action("checkin_end", escalation),
} as const;

/** Block Kit action ids of the check-in surfaces. */
export const CHECKIN_ACTIONS = idsOf(CHECKIN);

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
