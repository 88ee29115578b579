import { Bits, Blocks, Elements, Md, Modal, type BlockBuilder } from "slack-block-builder";
import type { GoalsBoard } from "../../goals.js";
import { GOAL_TEXT_MAX, MAX_ACTIVE_GOALS, PROGRESS_NOTE_MAX, type GoalChange, type GoalStatus, type GoalView, type ProgressNote } from "../../../../domain/goals.js";
import { escapeMrkdwn } from "../../../../slack/kit/escape.js";
import { GOAL, GOAL_ACTIONS, GOAL_BLOCKS, GOAL_CALLBACKS, VALUE, type PendingActivation } from "../../ids.js";
import { day as dayIn } from "../../../../slack/kit/dates.js";
import { count } from "../../../../slack/kit/plural.js";

const STATUS_WORD: Record<GoalStatus, string> = { ACTIVE: "active", PARKED: "parked", DONE: "done" };
const STATUS_ICON: Record<GoalStatus, string> = { ACTIVE: ":dart:", PARKED: ":parking:", DONE: ":white_check_mark:" };
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const day = (iso: string, tz: string) => dayIn(new Date(iso), tz);

/** The latest `last` progress notes, oldest first, as mrkdwn lines (text escaped). */
export function progressLines(progress: readonly ProgressNote[], authors: Record<string, string>, tz: string, last = 3): string[] {
  const shown = progress.slice(-last);
  const lines = shown.map((p) => `• ${day(p.at, tz)} — ${escapeMrkdwn(authors[p.by] ?? "someone")}: ${escapeMrkdwn(p.note)}`);
  if (progress.length > shown.length) lines.unshift(`_${count(progress.length - shown.length, "earlier note")}_`);
  return lines;
}

/** One goal as a mrkdwn paragraph: status, text, latest progress. */
export function goalText(g: GoalView, authors: Record<string, string>, tz: string): string {
  const head = `${STATUS_ICON[g.status]} ${Md.bold(escapeMrkdwn(g.text))} _(${STATUS_WORD[g.status]})_`;
  const progress = progressLines(g.progress, authors, tz);
  return clip([head, ...(progress.length ? progress : ["_No progress notes yet._"])].join("\n"), 3000);
}

const menuOption = (text: string, change: GoalChange | "note", goalId: string) => Bits.Option({ text, value: GOAL.menu.codec.encode({ change, goalId }) });

/** A goal's menu; a done goal has one choice, so a button (an overflow menu needs two or more options). */
function ownGoalMenu(g: GoalView) {
  if (g.status === "DONE") return Elements.Button({ text: "Make active again", actionId: GOAL_ACTIONS.menu, value: GOAL.menu.codec.encode({ change: "activate", goalId: g.id }) });
  const options =
    g.status === "ACTIVE"
      ? [menuOption("Add progress note", "note", g.id), menuOption("Mark done", "done", g.id), menuOption("Park for later", "park", g.id)]
      : [menuOption("Make active", "activate", g.id), menuOption("Add progress note", "note", g.id), menuOption("Mark done", "done", g.id)];
  return Elements.OverflowMenu({ actionId: GOAL_ACTIONS.menu }).options(options);
}

function ownBlocks(board: GoalsBoard, tz: string): BlockBuilder[] {
  const blocks: BlockBuilder[] = [
    Blocks.Header({ text: "Your goals" }),
    Blocks.Context().elements(
      `Focus on one or two goals at a time: up to ${MAX_ACTIVE_GOALS} are active, the rest are parked for later or done. Your mentors see your goals and can add progress notes.`,
    ),
  ];
  if (!board.own.length) blocks.push(Blocks.Section({ text: "No goals yet. Add one: something you want to reach in the next months, e.g. “Submit a K08 by June”." }));
  for (const g of board.own) blocks.push(Blocks.Section({ text: goalText(g, board.authors, tz) }).accessory(ownGoalMenu(g)));
  blocks.push(Blocks.Actions().elements(Elements.Button({ text: "Add a goal", actionId: GOAL_ACTIONS.add }).primary()));
  return blocks;
}

function menteeBlocks(board: GoalsBoard, tz: string): BlockBuilder[] {
  const blocks: BlockBuilder[] = [];
  for (const { mentee, goals } of board.mentees) {
    blocks.push(Blocks.Divider(), Blocks.Section({ text: `${Md.bold("Goals of")} <@${mentee.slackUserId}>` }));
    if (!goals.length) blocks.push(Blocks.Context().elements("No goals yet. You could suggest setting one or two at your next meeting."));
    for (const g of goals) {
      const section = Blocks.Section({ text: goalText(g, board.authors, tz) });
      blocks.push(g.status === "DONE" ? section : section.accessory(Elements.Button({ text: "Add progress note", actionId: GOAL_ACTIONS.note, value: GOAL.note.codec.encode(g.id) })));
    }
  }
  return blocks;
}

/** `/mentoring goals`: your goals with their menus (trainees), and your mentees' goals (mentors). */
export function goalsModal(board: GoalsBoard, tz: string) {
  const blocks = [...(board.isTrainee ? ownBlocks(board, tz) : []), ...menteeBlocks(board, tz)];
  if (!blocks.length) {
    blocks.push(Blocks.Section({ text: "Goals belong to trainees: when you are someone's trainee, or mentor someone, their goals show here." }));
  }
  return Modal({ title: "Goals", close: "Close", callbackId: GOAL_CALLBACKS.list }).blocks(blocks.slice(0, 100)).buildToObject();
}

/** Adding a goal. */
export function addGoalModal() {
  return Modal({ title: "Add a goal", submit: "Add", close: "Back", callbackId: GOAL_CALLBACKS.add })
    .blocks(
      Blocks.Input({ blockId: GOAL_BLOCKS.text, label: "Your goal", hint: "Concrete and time-bound works best, e.g. “Present at ASH in December”." }).element(
        Elements.TextInput({ actionId: VALUE, maxLength: GOAL_TEXT_MAX }),
      ),
    )
    .buildToObject();
}

/** A radio option's text (mrkdwn, at most 75 characters once escaped). */
function optionText(text: string): string {
  for (let max = 75; ; max -= 1) {
    const escaped = escapeMrkdwn(clip(text, max));
    if (escaped.length <= 75) return escaped;
  }
}

/** What to do once the person has chosen which goal to park. */
export type { PendingActivation } from "../../ids.js";

/** Two goals are active already: which one to park so the new one can be active. */
export function parkChoiceModal(active: GoalView[], pending: PendingActivation) {
  const what = pending.action === "add" ? `“${escapeMrkdwn(clip(pending.text, 150))}”` : "this goal";
  return Modal({ title: "Park a goal?", submit: "Park and continue", close: "Back", callbackId: GOAL_CALLBACKS.park, privateMetaData: GOAL.parkSubmit.metadata.encode(pending) })
    .blocks(
      Blocks.Section({
        text: `You already have ${MAX_ACTIVE_GOALS} active goals. To make ${what} active, park one of them for later: it stays in your list, with its notes, and you can make it active again any time.`,
      }),
      Blocks.Input({ blockId: GOAL_BLOCKS.park, label: "Park which goal?" }).element(
        Elements.RadioButtons({ actionId: VALUE }).options(active.map((g) => Bits.Option({ text: optionText(g.text), value: g.id }))),
      ),
    )
    .buildToObject();
}

/** A progress note on a goal (the trainee's own, or a mentee's). */
export function progressModal(goal: GoalView, ownerSlackUserId: string | null, own: boolean) {
  const whose = own || !ownerSlackUserId ? "your goal" : `<@${ownerSlackUserId}>'s goal`;
  return Modal({ title: "Progress note", submit: "Add note", close: "Back", callbackId: GOAL_CALLBACKS.note, privateMetaData: GOAL.noteSubmit.metadata.encode(goal.id) })
    .blocks(
      Blocks.Section({ text: `A progress note on ${whose}: ${Md.bold(escapeMrkdwn(goal.text))}` }),
      Blocks.Input({ blockId: GOAL_BLOCKS.note, label: "What moved forward?", hint: "Seen by the trainee and their mentors." }).element(
        Elements.TextInput({ actionId: VALUE, multiline: true, maxLength: PROGRESS_NOTE_MAX }),
      ),
    )
    .buildToObject();
}
