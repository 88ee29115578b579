import { Bits, Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { CheckinCard, CheckinMessages, EscalationCard, HistoryPeriod, StayCard } from "../checkins.js";
import type { Payload } from "../../requests/requests.js";
import type { MatchOfCheckin } from "../../../store/checkins.js";
import type { CheckinAnswer, Role } from "../../../domain/checkinPlan.js";
import { MENTOR_ROLES, labelOf } from "../../../domain/vocabulary.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { calendarDay, day } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";
import { yourOther } from "../../../slack/kit/relation.js";
import { CHECKIN, CHECKIN_ACTIONS, CHECKIN_BLOCKS } from "../ids.js";
import { MEETING_ACTIONS } from "../../goals-meetings/ids.js";
import { WHILE_PAUSED } from "../../profiles/views/availabilityViews.js";

const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const para = (text: string) => Blocks.Section({ text });
const roleWord = (key: string) => labelOf(MENTOR_ROLES, key).toLowerCase();

/** A period key (its start date, YYYY-MM-DD) as people read it: "Tue 3 Mar 2026". */
export const periodDate = (periodKey: string): string => calendarDay(periodKey);

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

/**
 * The check-in DM once answered: the answer shown, the buttons kept to change it. After Met, a "Log
 * the meeting" button; `logOpened` says the meeting log has just opened for this reader (their click).
 */
export function answeredCheckin(c: CheckinCard, { logOpened = false }: { logOpened?: boolean } = {}): Payload {
  const by = c.answeredBySlackId === c.you.slackUserId ? "You answered" : `<@${c.answeredBySlackId}> answered`;
  const after =
    c.answer === "NEED_HELP"
      ? c.directorTold
        ? "Your program director has been told and will reach out."
        : "Your program director will be told and will reach out."
      : c.answer === "MET"
        ? logOpened
          ? `Thank you! Note what you discussed and the next steps in the meeting log that just opened; if you close it, ${Md.bold("Log the meeting")} brings it back.`
          : `Thank you! ${Md.bold("Log the meeting")} to note what you discussed and the next steps.`
        : "Thanks, noted. You can change the answer below.";
  const outcome = Blocks.Section({ blockId: CHECKIN_BLOCKS.outcome, text: c.answer ? `${by} ${ANSWER_WORDS[c.answer]}. ${after}` : "No answer yet." });
  if (c.answer === "MET") outcome.accessory(Elements.Button({ text: "Log the meeting", actionId: MEETING_ACTIONS.log, value: c.matchId }));
  return build(`${question(c)} ${c.answer ? `Answered: ${ANSWER_LABELS[c.answer]}` : ""}`.trim(), [
    para(`Did you and ${who(c)} meet since ${Md.bold(periodDate(c.periodKey))}?`),
    outcome,
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

function directorButtons(matchId: string, periodKey: string, trainee: string, withNudge: boolean) {
  const value = CHECKIN.nudge.codec.encode({ matchId, periodKey });
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

/** Who asked for help, as a director reads it: the asker named first, the other by their part in the pair. */
function helpHeadline(e: EscalationCard): { headline: string; text: string } {
  const program = escapeMrkdwn(e.programName);
  const role = roleWord(e.role);
  const [asker, ...rest] = e.askedBy;
  if (!asker || rest.length) {
    return {
      headline: `:sos: ${Md.bold("Need help")}: <@${e.trainee.slackUserId}> and their ${role} <@${e.mentor.slackUserId}> both asked for help in their check-ins (${program}).`,
      text: `Check-in: ${escapeMrkdwn(e.trainee.name)} and ${escapeMrkdwn(e.mentor.name)} asked for help`,
    };
  }
  const who = asker === "mentor" ? e.mentor : e.trainee;
  // The mentor's part is said only when it is not plain mentoring: "their mentee <@T> (as their coach, Heme)".
  const part = role === "mentor" ? "" : `as their ${role}, `;
  const about = asker === "mentor" ? `their mentee <@${e.trainee.slackUserId}> (${part}${program})` : `their ${role} <@${e.mentor.slackUserId}> (${program})`;
  return {
    headline: `:sos: ${Md.bold("Need help")}: <@${who.slackUserId}> asked for help in their check-in about ${about}.`,
    text: `Check-in: ${escapeMrkdwn(who.name)} asked for help`,
  };
}

function escalationPayload(e: EscalationCard): Payload {
  const help = e.cause === "need-help" ? helpHeadline(e) : null;
  const headline = help?.headline ?? `:warning: ${Md.bold("No meeting for 2 periods in a row")}: <@${e.trainee.slackUserId}> and their ${roleWord(e.role)} <@${e.mentor.slackUserId}> (${escapeMrkdwn(e.programName)}).`;
  const text = help?.text ?? `Check-in: ${escapeMrkdwn(e.trainee.name)} and ${escapeMrkdwn(e.mentor.name)} haven't met for 2 periods`;
  return build(text, [
    para(headline),
    para(`Paired since ${day(e.startedAt, "UTC")}.\n${Md.bold("Check-in answers")}\n${historyLines(e)}`),
    directorButtons(e.matchId, e.periodKey, e.trainee.slackUserId, true),
    Blocks.Context().elements(
      `${Md.bold("Nudge both")} ${
        help ? "sends each of them one DM: whoever asked hears that you saw it, the other gets a neutral check-in (Need help stays between the asker and you)" : "sends each of them one friendly DM to meet"
      }. ${Md.bold("Reassign")} ends this pairing and invites <@${e.trainee.slackUserId}> to choose a new mentor with /findmentor. ${Md.bold("End match")} ends it. Both people are told either way.`,
    ),
  ]);
}

function stayBlocks(s: StayCard): BlockBuilder[] {
  const value = CHECKIN.stay.codec.encode({ matchId: s.matchId, recipient: s.recipient });
  return [
    para(
      `The last ${count(s.ignored, "check-in")} about your mentorship with <@${s.other.slackUserId}> (${escapeMrkdwn(s.programName)}) went unanswered. That's fine, and it's good to know where you stand. ${Md.bold("What would you like to do?")}`,
    ),
    Blocks.Actions().elements(
      Elements.Button({ text: "Stay", actionId: CHECKIN_ACTIONS.stay, value }).primary(),
      Elements.Button({ text: "Pause", actionId: CHECKIN_ACTIONS.pause, value }),
      Elements.Button({ text: "Leave", actionId: CHECKIN_ACTIONS.leave, value }).confirm(
        Bits.ConfirmationDialog({ title: "Leave this mentorship?", text: `Your mentorship with <@${s.other.slackUserId}> ends and they are told.`, confirm: "Leave", deny: "Cancel" }),
      ),
    ),
    Blocks.Context().elements(
      `${Md.bold("Stay")}: keep going, check-ins continue. ${Md.bold("Pause")}: no check-ins, reminders or new pairings until you resume (${Md.codeInline("/mentoring resume")}). ${Md.bold("Leave")}: end this mentorship; <@${s.other.slackUserId}> and your program director are told.`,
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
  nudge: (m, role, director, askedBy) =>
    nudgeMessage({ to: role, other: `<@${other(m, role).slackUserId}>`, director, programName: m.programName, askedBy }),
  endedByDirector: (m, role, reassign, director) => {
    const them = other(m, role);
    const base = `<@${director}>, your program director, has ended your mentorship with ${yourOther(m.role, role, `<@${them.slackUserId}>`)} in ${escapeMrkdwn(m.programName)}.`;
    const rest =
      role === "trainee" && reassign
        ? ` It's so you can be paired with a mentor who fits better now. Type ${Md.codeInline("/findmentor")} to see suggestions and request one; <@${director}> can help you choose.`
        : role === "trainee"
          ? ` Thank you for the time you gave it. If you'd like another mentor, type ${Md.codeInline("/findmentor")}; questions go to <@${director}>.`
          : ` Thank you for the time you gave it; your place is free again. Questions go to <@${director}>.`;
    return build(`Your mentorship with ${escapeMrkdwn(them.name)} has ended`, [para(`${base}${rest}`)]);
  },
};

/** What a director's "Nudge both" says to one of the pair, from an escalation DM or the dashboard alike. */
export interface NudgeWords {
  to: Role;
  /** The other person, as mrkdwn (a mention, or the name of someone who deleted their data). */
  other: string;
  director: string;
  programName: string;
  /** Who of the pair asked for help (domain/nudges.ts); empty when the nudge is about meeting. */
  askedBy: readonly Role[];
}

/**
 * "Nudge both", in the words that fit why the director sent it. About meeting: a friendly push to
 * meet. After "Need help": the person who asked is told their director saw it; the other person
 * gets a neutral check-in, since "Need help" stays between the asker and the directors.
 */
export function nudgeMessage(n: NudgeWords): Payload {
  const where = `<@${n.director}>, your program director in ${escapeMrkdwn(n.programName)}`;
  if (n.askedBy.includes(n.to)) {
    return build("Your program director saw you asked for help", [
      para(
        `:wave: ${where}, saw that you asked for help in your check-in about your mentorship with ${n.other}. ` +
          `Reply to <@${n.director}> with what would help — time, fit, or anything else — and they'll work it out with you.`,
      ),
    ]);
  }
  if (n.askedBy.length) {
    return build("Your program director is checking in", [
      para(`:wave: ${where}, is checking in on your mentorship with ${n.other}: how is it going? If anything is in the way — time, fit, or anything else — reply to <@${n.director}>; they're glad to help.`),
    ]);
  }
  return build("A nudge from your program director", [
    para(`:wave: ${Md.bold("A friendly nudge")} from ${where}: it's been a while since you and ${n.other} reported a meeting.`),
    para(`Could you find half an hour to meet in the next couple of weeks? A short video call counts. If something is in the way — time, fit, or anything else — reply to <@${n.director}>; they're glad to help.`),
  ]);
}

/** The "stay, pause or leave?" DM once answered (the buttons replaced by the outcome). */
export function stayAnswered(choice: "stay" | "pause" | "leave", otherSlackId: string): Payload {
  const text = {
    stay: `:+1: Thanks: you're staying in your mentorship with <@${otherSlackId}>. Check-ins continue as before.`,
    pause: `:pause_button: You're paused until you resume. ${WHILE_PAUSED} Type ${Md.codeInline("/mentoring resume")} (or press ${Md.bold("Resume")} on your Home tab) when you're back.`,
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
