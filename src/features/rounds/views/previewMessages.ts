/**
 * The messages an approved round sends (pure): peer and group introductions, the speed-mentoring
 * schedule each person gets, and the director's results summary. Mentor matches are introduced with
 * the very message /findmentor's accept sends (requests/messages.ts intro: the expectations agreement
 * with cadence buttons).
 */
import { Blocks, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { Payload } from "../../requests/requests.js";
import type { RoundMessages } from "../roundApproval.js";
import { isPairKind } from "../../../domain/roundProposal.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { requestMessages } from "../../requests/views/messages.js";
import { madeWords, metricLines, movedWords, packLines, previewMessage, roundTitle, unmatchedWords } from "./preview.js";
import { dayTime, timeOfDay } from "../../../slack/kit/dates.js";

const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const para = (text: string) => Blocks.Section({ text });
const mentions = (ids: readonly string[]) => ids.map((u) => `<@${u}>`).join(", ");

export const roundMessages: RoundMessages = {
  preview: (round, proposal) => previewMessage(round, proposal),

  peerIntro: (round, people) =>
    build(`You're paired for ${escapeMrkdwn(round.roundName)}`, [
      para(`:wave: ${mentions(people)} — you're together this round of ${Md.bold(escapeMrkdwn(round.roundName))} (${escapeMrkdwn(round.programName)}).`),
      para(`${Md.bold("Suggested")}: find 30 minutes in the next two weeks. Share what you're working on, one thing you're stuck on, and one thing you've learned lately.`),
      para("Can't make it this time? Tell each other here — no hard feelings."),
    ]),

  groupIntro: (round, mentor, trainees) =>
    build(`Meet your mentor for ${escapeMrkdwn(round.roundName)}`, [
      para(`:wave: ${mentions(trainees)}, meet <@${mentor}> — your mentor for this round of ${Md.bold(escapeMrkdwn(round.roundName))} (${escapeMrkdwn(round.programName)}).`),
      para(`${Md.bold("Before you meet")}: each of you sends one goal and one question here. <@${mentor}>, suggest a time that suits you.`),
    ]),

  speedSchedule: (round, seats, tz) => {
    const lines = seats.map(
      (s) => `${Md.bold(`${timeOfDay(s.startsAt, tz)}–${timeOfDay(s.endsAt, tz)}`)} rotation ${s.rotation + 1}: ${s.withSlackUserIds.length ? mentions(s.withSlackUserIds) : "a break"}`,
    );
    const start = seats[0] ? ` Your first rotation starts ${Md.bold(dayTime(seats[0].startsAt, tz))}; the times below are in the same time zone.` : "";
    return build(`Your speed-mentoring schedule for ${escapeMrkdwn(round.roundName)}`, [
      para(`:stopwatch: Your schedule for ${Md.bold(escapeMrkdwn(round.roundName))} (${escapeMrkdwn(round.programName)}).${start}`),
      para(lines.join("\n")),
      para("Each rotation is short: say who you are, what you're aiming for, and ask one question. Follow up afterwards with anyone you'd like to talk to again."),
    ]);
  },

  summary: (round, proposal, approvedBy) => {
    const next = proposal.kind === "SPEED" ? "everyone's schedule is on its way" : "introductions are on their way";
    const lines = [
      `:white_check_mark: ${roundTitle(round)} was approved by <@${approvedBy}>: ${madeWords(proposal)} created; ${next}.`,
      ...metricLines(proposal),
    ];
    const moved = movedWords(proposal, round.timezone);
    if (moved) lines.push(moved);
    if (proposal.unmatched.length) {
      lines.push(`${Md.bold("Not matched")}:`);
      for (const u of proposal.unmatched.slice(0, 40)) lines.push(`• <@${proposal.people[u.memberId]?.slackUserId ?? ""}> — ${unmatchedWords(u)}`);
      if (proposal.unmatched.length > 40) lines.push(`…and ${proposal.unmatched.length - 40} more.`);
    }
    // Up to 40 "not matched" lines can pass a section's 3,000 characters: packed into several sections.
    const packed = packLines(lines, 8);
    if (packed.left) packed.texts.push(`…and ${packed.left} more.`);
    return build(`Round approved: ${escapeMrkdwn(round.roundName)}`, packed.texts.map(para));
  },

  matchIntro: requestMessages.intro,
};
