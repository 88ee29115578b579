import { Bits, Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import { DateTime } from "luxon";
import type { CheckinCard, CheckinMessages, EscalationCard, HistoryPeriod, StayCard } from "../../../services/checkins.js";
import type { Payload } from "../../../services/requests.js";
import type { MatchOfCheckin } from "../../../store/checkins.js";
import type { CheckinAnswer, Role } from "../../../domain/checkinPlan.js";
import { MENTOR_ROLES, labelOf } from "../../../domain/vocabulary.js";
import { escapeMrkdwn } from "../escape.js";
import { CHECKIN_ACTIONS, CHECKIN_BLOCKS } from "./ids.js";

const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const para = (text: string) => Blocks.Section({ text });
const roleWord = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();

/** A period key (UTC start date, YYYY-MM-DD) as people read it: "3 March 2026". */
export function periodDate(periodKey: string): string {
  return DateTime.fromISO(periodKey, { zone: "UTC" }).toFormat("d LLLL yyyy");
}

export const ANSWER_LABELS: Record<CheckinAnswer, string> = { MET: "Met", SCHEDULED: "Scheduled", NOT_YET: "Not yet", NEED_HELP: "Need help" };
const ANSWER_WORDS: Record<CheckinAnswer, string> = {
  MET: ":white_check_mark: *Met*",
  SCHEDULED: ":calendar: *Scheduled*",
  NOT_YET: ":hourglass_flowing_sand: *Not yet*",
  NEED_HELP: ":sos: *Need help*",
};
const BUTTONS: [CheckinAnswer, string][] = [
  ["MET", CHECKIN_ACTIONS.met],
  ["SCHEDULED", CHECKIN_ACTIONS.scheduled],
  ["NOT_YET", CHECKIN_ACTIONS.notYet],
  ["NEED_HELP", CHECKIN_ACTIONS.needHelp],
];

/** The four answer buttons; the chosen one (if any) is highlighted, and all stay so the answer can change. */
function answerButtons(checkinId: string, chosen: CheckinAnswer | null) {
  return Blocks.Actions({ blockId: CHECKIN_BLOCKS.answers }).elements(
    BUTTONS.map(([answer, actionId]) => {
      const b = Elements.Button({ text: ANSWER_LABELS[answer], actionId, value: checkinId });
      return answer === chosen ? b.primary() : b;
    }),
  );
}

const question = (c: CheckinCard) => `Did you and ${escapeMrkdwn(c.other.name)} meet since ${periodDate(c.periodKey)}?`;
const who = (c: CheckinCard) =>
  c.recipient === "mentor"
    ? `your mentee <@${c.other.slackUserId}> in ${escapeMrkdwn(c.programName)}`
    : `your mentor <@${c.other.slackUserId}> in ${escapeMrkdwn(c.programName)}`;

function checkinBlocks(c: CheckinCard, lead: string): BlockBuilder[] {
  return [
    para(`${lead}Did you and ${who(c)} meet since ${Md.bold(periodDate(c.periodKey))}?`),
    answerButtons(c.checkinId, c.answer),
    Blocks.Context().elements(`One click is enough. ${Md.bold("Need help")} tells your program director, who will reach out.`),
  ];
}

/** The check-in DM once answered: the answer shown, the buttons kept to change it. */
export function answeredCheckin(c: CheckinCard): Payload {
  const by = c.answeredBySlackId === c.you.slackUserId ? "You answered" : `<@${c.answeredBySlackId}> answered`;
  const after =
    c.answer === "NEED_HELP"
      ? c.directorTold
        ? "Your program director has been told and will reach out."
        : "Your program director will be told and will reach out."
      : c.answer === "MET"
        ? "Thank you! Log what you discussed with `/mentoring log` if you haven't."
        : "Thanks, noted. You can change the answer below.";
  return build(`${question(c)} ${c.answer ? `Answered: ${ANSWER_LABELS[c.answer]}` : ""}`.trim(), [
    para(`Did you and ${who(c)} meet since ${Md.bold(periodDate(c.periodKey))}?`),
    Blocks.Section({ blockId: CHECKIN_BLOCKS.outcome, text: c.answer ? `${by} ${ANSWER_WORDS[c.answer]}. ${after}` : "No answer yet." }),
    answerButtons(c.checkinId, c.answer),
  ]);
}

function historyLines(e: EscalationCard): string {
  const line = (p: HistoryPeriod) => {
    const answers = p.answers.map((a) => `<@${a.slackUserId}> ${a.answer ? ANSWER_LABELS[a.answer] : a.sent ? "no answer" : "not asked"}`);
    return `• since ${periodDate(p.periodKey)}: ${answers.join(" · ")}`;
  };
  return e.history.length ? e.history.map(line).join("\n") : "No check-ins yet.";
}

const targetValue = (matchId: string, periodKey: string) => JSON.stringify({ matchId, periodKey });

function directorButtons(matchId: string, periodKey: string, trainee: string, withNudge: boolean) {
  const value = targetValue(matchId, periodKey);
  const buttons = [
    ...(withNudge ? [Elements.Button({ text: "Nudge both", actionId: CHECKIN_ACTIONS.nudge, value }).primary()] : []),
    Elements.Button({ text: "Reassign", actionId: CHECKIN_ACTIONS.reassign, value }).confirm(
      Bits.ConfirmationDialog({
        title: "Reassign?",
        text: `This ends the pairing and invites <@${trainee}> to choose a new mentor with /findmentor. Both are told.`,
        confirm: "End and reassign",
        deny: "Cancel",
      }),
    ),
    Elements.Button({ text: "End match", actionId: CHECKIN_ACTIONS.end, value }).danger().confirm(
      Bits.ConfirmationDialog({ title: "End this match?", text: "The mentorship ends now and both people are told.", confirm: "End match", deny: "Cancel" }).danger(),
    ),
  ];
  return Blocks.Actions({ blockId: CHECKIN_BLOCKS.escalationActions }).elements(buttons);
}

function escalationPayload(e: EscalationCard): Payload {
  const pair = `<@${e.trainee.slackUserId}> and their ${roleWord(e.role)} <@${e.mentor.slackUserId}> (${escapeMrkdwn(e.programName)})`;
  const headline =
    e.cause === "need-help"
      ? `:sos: ${Md.bold("Need help")}: ${pair} asked for help in their check-in.`
      : `:warning: ${Md.bold("No meeting for 2 periods in a row")}: ${pair}.`;
  const text =
    e.cause === "need-help"
      ? `Check-in: ${escapeMrkdwn(e.trainee.name)} and ${escapeMrkdwn(e.mentor.name)} asked for help`
      : `Check-in: ${escapeMrkdwn(e.trainee.name)} and ${escapeMrkdwn(e.mentor.name)} haven't met for 2 periods`;
  return build(text, [
    para(headline),
    para(`Paired since ${DateTime.fromJSDate(e.startedAt, { zone: "UTC" }).toFormat("d LLLL yyyy")}.\n${Md.bold("Check-in answers")}\n${historyLines(e)}`),
    directorButtons(e.matchId, e.periodKey, e.trainee.slackUserId, true),
    Blocks.Context().elements(
      `${Md.bold("Nudge both")} sends each of them one friendly DM. ${Md.bold("Reassign")} ends this pairing and invites <@${e.trainee.slackUserId}> to choose a new mentor with /findmentor. ${Md.bold("End match")} ends it. Both people are told either way.`,
    ),
  ]);
}

function stayBlocks(s: StayCard): BlockBuilder[] {
  const value = JSON.stringify({ matchId: s.matchId, recipient: s.recipient });
  return [
    para(
      `The last ${s.ignored} check-ins about your mentorship with <@${s.other.slackUserId}> (${escapeMrkdwn(s.programName)}) went unanswered. That's fine, and it's good to know where you stand. ${Md.bold("What would you like to do?")}`,
    ),
    Blocks.Actions().elements(
      Elements.Button({ text: "Stay", actionId: CHECKIN_ACTIONS.stay, value }).primary(),
      Elements.Button({ text: "Pause", actionId: CHECKIN_ACTIONS.pause, value }),
      Elements.Button({ text: "Leave", actionId: CHECKIN_ACTIONS.leave, value }).confirm(
        Bits.ConfirmationDialog({ title: "Leave this mentorship?", text: `Your mentorship with <@${s.other.slackUserId}> ends and they are told.`, confirm: "Leave", deny: "Cancel" }),
      ),
    ),
    Blocks.Context().elements(
      `${Md.bold("Stay")}: keep going, check-ins continue. ${Md.bold("Pause")}: no check-ins or requests until you resume (\`/mentoring resume\`). ${Md.bold("Leave")}: end this mentorship; <@${s.other.slackUserId}> and your program director are told.`,
    ),
  ];
}

const other = (m: MatchOfCheckin, role: Role) => (role === "mentor" ? m.trainee : m.mentor);

/** The messages of check-ins, for the services (which know no Block Kit). */
export const checkinMessages: CheckinMessages = {
  checkin: (c) => build(question(c), checkinBlocks(c, ":wave: ")),
  reminder: (c) => build(`Reminder: ${question(c)}`, checkinBlocks(c, ":alarm_clock: A quick reminder. ")),
  escalation: escalationPayload,
  stayAsk: (s) => build(`Your mentorship with ${escapeMrkdwn(s.other.name)}: stay, pause or leave?`, stayBlocks(s)),
  nudge: (m, role, director) =>
    build(`A nudge from your program director about meeting ${escapeMrkdwn(other(m, role).name)}`, [
      para(
        `:wave: <@${director}>, your program director, is checking in: it's been a while since you and <@${other(m, role).slackUserId}> met (${escapeMrkdwn(m.programName)}). ` +
          `Could you find 30 minutes in the next two weeks? A short video call counts. If something is in the way, tell <@${director}>; they're glad to help.`,
      ),
    ]),
  endedByDirector: (m, role, reassign, director) => {
    const them = other(m, role);
    const base = `<@${director}>, your program director, has ended your ${roleWord(m.role)} mentorship with <@${them.slackUserId}> in ${escapeMrkdwn(m.programName)}.`;
    const rest =
      role === "trainee" && reassign
        ? ` It's so you can be paired with a mentor who fits better now. Run ${Md.codeInline("/findmentor")} to see suggestions and request one; <@${director}> can help you choose.`
        : " Thank you for the time you gave it.";
    return build(`Your mentorship with ${escapeMrkdwn(them.name)} has ended`, [para(`${base}${rest}`)]);
  },
};

/** The "stay, pause or leave?" DM once answered (the buttons replaced by the outcome). */
export function stayAnswered(choice: "stay" | "pause" | "leave", otherSlackId: string): Payload {
  const text = {
    stay: `:+1: Thanks: you're staying in your mentorship with <@${otherSlackId}>. Check-ins continue as before.`,
    pause: ":pause_button: You're paused: no check-ins, reminders or mentor requests until you resume with `/mentoring resume` (or from your Home tab).",
    leave: `You've left your mentorship with <@${otherSlackId}>. They and your program director have been told. Thank you for the time you gave it.`,
  }[choice];
  return build(text, [para(text)]);
}

/** The private feedback directors see when someone leaves from the "stay, pause or leave?" question. */
export const LEAVE_NOTE = "Chose \"leave\" when asked after several unanswered check-ins.";

/**
 * A director's escalation DM after they acted: the original blocks (pair and history) kept, the
 * buttons replaced by what was done and, after a nudge, the two buttons still open.
 */
export function escalationAfter(original: unknown[], outcome: string, next: { matchId: string; periodKey: string; traineeSlackId: string } | null): Payload {
  const kept = original.filter((b) => {
    const id = (b as { block_id?: string }).block_id;
    return id !== CHECKIN_BLOCKS.escalationActions && id !== CHECKIN_BLOCKS.outcome;
  });
  const extra: BlockBuilder[] = [Blocks.Section({ blockId: CHECKIN_BLOCKS.outcome, text: outcome })];
  if (next) extra.push(directorButtons(next.matchId, next.periodKey, next.traineeSlackId, false));
  const built = Message().text(outcome).blocks(extra).buildToObject().blocks ?? [];
  return { text: outcome, blocks: [...kept, ...built] };
}

/** What a director's click did, in words for their escalation DM. */
export function directorOutcome(kind: "nudged" | "already-nudged" | "ended" | "reassigned", director: string, m: MatchOfCheckin): string {
  return {
    nudged: `:white_check_mark: <@${director}> nudged <@${m.mentor.slackUserId}> and <@${m.trainee.slackUserId}>.`,
    "already-nudged": `Both were already nudged about this; nothing more was sent.`,
    ended: `:white_check_mark: <@${director}> ended this match. Both were told.`,
    reassigned: `:white_check_mark: <@${director}> ended this match so <@${m.trainee.slackUserId}> can be reassigned; they were invited to choose a new mentor with /findmentor.`,
  }[kind];
}
