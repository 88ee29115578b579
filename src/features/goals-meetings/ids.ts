import { z } from "zod";
import { action, idValue, idsOf, jsonValue, view, type ValueCodec } from "../../slack/interaction/ids.js";
import { GOAL_TEXT_MAX, type GoalChange } from "../../domain/goals.js";

const menuValue = /^(done|park|activate|note):.+$/;

/** A goal's menu choice (or a done goal's button), written `<change>:<goalId>` (done, park, activate, note). */
export const goalChoice: ValueCodec<{ change: GoalChange | "note"; goalId: string }> = {
  encode: ({ change, goalId }) => `${change}:${goalId}`,
  decode: (raw) => {
    if (!menuValue.test(raw)) return null;
    const at = raw.indexOf(":");
    return { value: { change: raw.slice(0, at) as GoalChange | "note", goalId: raw.slice(at + 1) } };
  },
};

/** What the park-a-goal modal carries: the goal to add, or the one to make active, once one is parked. */
/** A goal waiting to become active while the person picks which active goal to park. */
export type PendingActivation = { action: "add"; text: string } | { action: "activate"; goalId: string };

export const pendingActivation: z.ZodType<PendingActivation> = z.union([
  z.object({ action: z.literal("add"), text: z.string().min(1).max(GOAL_TEXT_MAX) }),
  z.object({ action: z.literal("activate"), goalId: z.string().min(1) }),
]);

/** What the meeting modal carries from open to submit. */
export const meetingMetadata = z.object({ matchId: z.string().min(1), checkinId: z.string().nullable().default(null), goalIds: z.array(z.string()).default([]) });
/** What the match picker carries: the check-in answered Met, if any. */
export const pickMetadata = z.object({ checkinId: z.string().nullable().default(null) });

/** The picker's metadata; one that does not read carries no check-in, as it always did. */
const pickCodec: ValueCodec<z.infer<typeof pickMetadata>> = {
  encode: (m) => JSON.stringify(m),
  decode: (raw) => ({ value: jsonValue(pickMetadata).decode(raw)?.value ?? { checkinId: null } }),
};

/** The goals surfaces' buttons and modals, each with the codec of its value or metadata. */
export const GOAL = {
  /** Opens the goals modal (App Home). */
  open: action("goals_open"),
  /** "Add a goal" inside the goals modal: pushes the add modal. */
  add: action("goal_add"),
  /** A goal's overflow menu (a done goal: a button). */
  menu: action("goal_menu", goalChoice),
  /** A mentor's "Add progress note" on a mentee's goal; value = goal id. */
  note: action("goal_note", idValue),
  /** The goals list (Close only: nothing listens for it). */
  list: view("goals_list"),
  addSubmit: view("goal_add_submit"),
  /** Which goal to park, carrying what to do once one is parked. */
  parkSubmit: view("goal_park_submit", jsonValue(pendingActivation)),
  /** A progress note; metadata = goal id. */
  noteSubmit: view("goal_note_submit", idValue),
} as const;

/** Block Kit ids of the goals surfaces. */
export const GOAL_ACTIONS = idsOf({ open: GOAL.open, add: GOAL.add, menu: GOAL.menu, note: GOAL.note });
export const GOAL_CALLBACKS = idsOf({ list: GOAL.list, add: GOAL.addSubmit, park: GOAL.parkSubmit, note: GOAL.noteSubmit });

export const GOAL_BLOCKS = { text: "goal_text", park: "park", note: "note" } as const;

/** The meeting log's and agenda's buttons and modals. */
export const MEETING = {
  /** "Log a meeting" on an App Home match card (and a check-in answered Met); value = match id. */
  log: action("meeting_log_open", idValue),
  /** "Set agenda" on the agenda-prompt DM and the App Home; value = match id. */
  setAgenda: action("agenda_set_open", idValue),
  /** Step 1 when the person has several active matches: which one (carrying the check-in answered, if any). */
  pickSubmit: view("meeting_pick_submit", pickCodec),
  logSubmit: view("meeting_log_submit", jsonValue(meetingMetadata)),
  /** The agenda of one match; metadata = match id. */
  agendaSubmit: view("agenda_submit", idValue),
  /** The "saved" confirmation (Close only). */
  done: view("meeting_done"),
} as const;

/** Block Kit ids of the meeting log and agenda surfaces. */
export const MEETING_ACTIONS = idsOf({ log: MEETING.log, setAgenda: MEETING.setAgenda });
export const MEETING_CALLBACKS = idsOf({ pick: MEETING.pickSubmit, log: MEETING.logSubmit, agenda: MEETING.agendaSubmit, done: MEETING.done });

/** Block ids of the meeting modal fields; every input uses action id VALUE. */
export const MEETING_BLOCKS = {
  match: "match",
  date: "date",
  agenda: "agenda",
  notes: "notes",
  nextSteps: "next_steps",
} as const;

/** One optional progress-note input per active goal of the trainee. */
export const PROGRESS_BLOCK_PREFIX = "progress_";
export const progressBlock = (goalId: string) => `${PROGRESS_BLOCK_PREFIX}${goalId}`;

export const VALUE = "value";
