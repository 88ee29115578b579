import { Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import { DateTime, IANAZone } from "luxon";
import type { Payload } from "../../../services/requests.js";
import type { NoticeCard, NoticeOutcome, RoundNoticeMessages } from "../../../services/roundNotices.js";
import { escapeMrkdwn } from "../escape.js";
import { ROUND_ACTIONS } from "./ids.js";

const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const para = (text: string) => Blocks.Section({ text });

/** "Monday 2 March at 09:00 (America/New_York)", in the reader's own zone. */
export function localWhen(at: Date, tz: string): string {
  const zone = IANAZone.isValidZone(tz) ? tz : "UTC";
  return `${DateTime.fromJSDate(at, { zone }).toFormat("cccc d LLLL 'at' HH:mm")} (${zone})`;
}

const roundOf = (c: NoticeCard) => `${Md.bold(escapeMrkdwn(c.roundName))} (${escapeMrkdwn(c.programName)})`;

const WHAT: Record<NoticeCard["kind"], string> = {
  MENTOR_MATCH: "Rounds will suggest a mentor pairing to your program director",
  STABLE: "you'll rank the people you'd most like to work with, then Rounds finds a stable match",
  ROTATION: "you'll be paired with someone new",
  SPEED: "you'll meet several people in short timed rotations",
};

function noticeBlocks(c: NoticeCard, skipped: boolean): BlockBuilder[] {
  const when = localWhen(c.scheduledFor, c.tz);
  return [
    para(
      skipped
        ? `:white_check_mark: You're skipping ${roundOf(c)} on ${when}. You stay in the program and in later rounds.`
        : `:calendar: You're in the next round of ${roundOf(c)} on ${when}: ${WHAT[c.kind]}.\nCan't take part this time? Skip this one, or pause until you're back.`,
    ),
    Blocks.Actions().elements(
      skipped
        ? Elements.Button({ text: "Count me in after all", actionId: ROUND_ACTIONS.unskip, value: c.runId })
        : Elements.Button({ text: "Skip this one", actionId: ROUND_ACTIONS.skip, value: c.runId }),
      Elements.Button({ text: "Pause me", actionId: ROUND_ACTIONS.pause, value: c.runId }),
    ),
  ];
}

/** The notice, the stable rounds' rank invitations, for the services (which know no Block Kit). */
export const roundNoticeMessages: RoundNoticeMessages = {
  notice: (c) => build(`You're in the next round of ${escapeMrkdwn(c.roundName)} on ${localWhen(c.scheduledFor, c.tz)} — skip this one?`, noticeBlocks(c, false)),
  rankTrainee: (c) =>
    build(`Rank your mentors for ${escapeMrkdwn(c.roundName)}`, [
      para(
        `:ballot_box_with_ballot: ${roundOf(c)} has started. Rank the mentors suggested for you, best first, ` +
          `by ${Md.bold(localWhen(c.rankDeadline ?? c.scheduledFor, c.tz))}. Mentors then rank those who chose them, and Rounds finds a stable match.`,
      ),
      Blocks.Actions().elements(Elements.Button({ text: "Rank mentors", actionId: ROUND_ACTIONS.rank, value: c.runId }).primary()),
    ]),
  rankMentor: (c) =>
    build(`Trainees ranked you in ${escapeMrkdwn(c.roundName)}`, [
      para(
        `:ballot_box_with_ballot: ${c.rankedBy === 1 ? "A trainee" : `${c.rankedBy} trainees`} ranked you in ${roundOf(c)}. ` +
          `Rank them, best first, by ${Md.bold(localWhen(c.rankDeadline ?? c.scheduledFor, c.tz))}. If you don't, Rounds ranks them by fit.`,
      ),
      Blocks.Actions().elements(Elements.Button({ text: "Rank trainees", actionId: ROUND_ACTIONS.rank, value: c.runId }).primary()),
    ]),
};

/** The notice after its button was pressed (replaces the original in place). */
export function answeredNotice(o: NoticeOutcome): Payload {
  if (o.answer === "paused") {
    const text = `:double_vertical_bar: You're paused until you resume: Rounds won't pair you or suggest you. Use ${Md.codeInline("/mentoring resume")} when you're back.`;
    return build("You're paused", [para(text)]);
  }
  const skipped = o.answer === "skipped";
  return build(skipped ? `You're skipping ${escapeMrkdwn(o.card.roundName)}` : `You're in ${escapeMrkdwn(o.card.roundName)}`, noticeBlocks(o.card, skipped));
}
