import { Bits, Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { Payload } from "../../requests/requests.js";
import type { NoticeCard, NoticeOutcome, RoundNoticeMessages } from "../roundNotices.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { dayTime } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";
import { ROUND_ACTIONS } from "../ids.js";

const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const para = (text: string) => Blocks.Section({ text });

const roundOf = (c: NoticeCard) => `${Md.bold(escapeMrkdwn(c.roundName))} (${escapeMrkdwn(c.programName)})`;

const WHAT: Record<NoticeCard["kind"], string> = {
  MENTOR_MATCH: "Rounds proposes mentor pairings to your program director, who approves them",
  STABLE: "you'll rank the people you'd most like to work with, then Rounds finds a stable match",
  ROTATION: "you'll be paired with someone new",
  SPEED: "you'll meet several people in short timed rotations",
};

/** What pausing stops, said the same way on the button's confirmation and once paused. */
const PAUSE_STOPS = "no round pairs you, /findmentor doesn't suggest you, and check-ins and reminders stop (your mentorships carry on)";

/**
 * "Pause everything…": the person's pause, which is more than missing this round, so it asks first
 * and says how it differs from skipping.
 */
const pauseButton = (runId: string) =>
  Elements.Button({ text: "Pause everything…", actionId: ROUND_ACTIONS.pause, value: runId }).confirm(
    Bits.ConfirmationDialog({
      title: "Pause everything?",
      text: `Until you resume, ${PAUSE_STOPS}. To miss only this round, choose Skip this round instead.`,
      confirm: "Pause everything",
      deny: "Go back",
    }),
  );

function noticeBlocks(c: NoticeCard, skipped: boolean, lead = ""): BlockBuilder[] {
  const when = Md.bold(dayTime(c.scheduledFor, c.tz));
  const text = skipped
    ? `:white_check_mark: You're skipping ${roundOf(c)} on ${when}. You stay in the program and in later rounds.`
    : `:calendar: You're in the next round of ${roundOf(c)} on ${when}: ${WHAT[c.kind]}.\n` +
      `Can't take part this time? ${Md.bold("Skip this round")} leaves you out of this one only. ${Md.bold("Pause everything")} stops all of Rounds for you until you resume.`;
  return [
    para(`${lead}${text}`),
    Blocks.Actions().elements(
      skipped
        ? Elements.Button({ text: "Count me in after all", actionId: ROUND_ACTIONS.unskip, value: c.runId })
        : Elements.Button({ text: "Skip this round", actionId: ROUND_ACTIONS.skip, value: c.runId }),
      pauseButton(c.runId),
    ),
  ];
}

/** The notice, the stable rounds' rank invitations, for the services (which know no Block Kit). */
export const roundNoticeMessages: RoundNoticeMessages = {
  notice: (c) => build(`You're in the next round of ${escapeMrkdwn(c.roundName)} on ${dayTime(c.scheduledFor, c.tz)}. Skip this round?`, noticeBlocks(c, false)),
  rankTrainee: (c) =>
    build(`Rank your mentors for ${escapeMrkdwn(c.roundName)}`, [
      para(
        `:ballot_box_with_ballot: ${roundOf(c)} has started. Rank the mentors suggested for you, best first, ` +
          `by ${Md.bold(dayTime(c.rankDeadline ?? c.scheduledFor, c.tz))}. Mentors then rank those who chose them, and Rounds finds a stable match.`,
      ),
      Blocks.Actions().elements(Elements.Button({ text: "Rank mentors", actionId: ROUND_ACTIONS.rank, value: c.runId }).primary()),
    ]),
  rankMentor: (c) =>
    build(`Trainees ranked you in ${escapeMrkdwn(c.roundName)}`, [
      para(
        `:ballot_box_with_ballot: ${c.rankedBy === 1 ? "A trainee" : count(c.rankedBy, "trainee")} ranked you in ${roundOf(c)}. ` +
          `Rank them, best first, by ${Md.bold(dayTime(c.rankDeadline ?? c.scheduledFor, c.tz))}. If you don't, Rounds ranks them by fit.`,
      ),
      Blocks.Actions().elements(Elements.Button({ text: "Rank trainees", actionId: ROUND_ACTIONS.rank, value: c.runId }).primary()),
    ]),
};

/** The notice after one of its buttons was pressed (replaces the original in place). */
export function answeredNotice(o: NoticeOutcome): Payload {
  if (o.answer === "paused") {
    const text =
      `:double_vertical_bar: You're paused everywhere in Rounds until you resume: ${PAUSE_STOPS}. ` +
      `Only meant to miss ${roundOf(o.card)}? Resume, then skip this round.`;
    return build("You're paused", [para(text), Blocks.Actions().elements(Elements.Button({ text: "Resume", actionId: ROUND_ACTIONS.resume, value: o.card.runId }).primary())]);
  }
  if (o.answer === "resumed") {
    if (!o.runOpen) return build("You're back", [para(`:arrow_forward: You're back: Rounds pairs and suggests you again. ${roundOf(o.card)} has already been put together, so it can't be skipped now.`)]);
    return build("You're back", noticeBlocks(o.card, Boolean(o.skipping), ":arrow_forward: You're back: Rounds pairs and suggests you again.\n"));
  }
  const skipped = o.answer === "skipped";
  return build(skipped ? `You're skipping ${escapeMrkdwn(o.card.roundName)}` : `You're in ${escapeMrkdwn(o.card.roundName)}`, noticeBlocks(o.card, skipped));
}
