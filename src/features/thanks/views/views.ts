import { Bits, Blocks, Elements, Md, Message, Modal, type BlockBuilder } from "slack-block-builder";
import type { ThanksCount, ThanksMessages, ThanksPayload, ThanksSent } from "../thanks.js";
import { THANKS_MESSAGE_MAX } from "../thanks.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { THANK, THANKS, VALUE } from "../ids.js";
import { day as dayIn } from "../../../slack/kit/dates.js";
import { count } from "../../../slack/kit/plural.js";
import { joinWithin } from "../../../slack/kit/fit.js";

const build = (text: string, blocks: BlockBuilder[]): ThanksPayload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });
const quote = (text: string) => `>${escapeMrkdwn(text).replace(/\n/g, "\n>")}`;

/** The mentor's DM and the public shout-out; the trainee's words are escaped. */
export const thanksMessages: ThanksMessages = {
  mentorDm: (t) =>
    build("Someone thanked you for your mentoring", [
      Blocks.Section({ text: `:sparkling_heart: <@${t.fromSlackId}> thanked you for your mentoring in ${escapeMrkdwn(t.programName)}:` }),
      Blocks.Section({ text: quote(t.message) }),
    ]),
  shoutOut: (t) =>
    build("A thank-you to a mentor", [
      Blocks.Section({ text: `:tada: <@${t.fromSlackId}> wants to thank <@${t.toSlackId}> for their mentoring! Thank a mentor of yours with ${Md.codeInline("/mentoring thanks @name")}.` }),
    ]),
};

/** The thanks modal (when `/mentoring thanks` names no one, or has no message). */
export function thanksModal(initial: { mentor: string | null; message: string }) {
  const mentor = Elements.UserSelect({ actionId: VALUE, placeholder: "Your mentor" });
  if (initial.mentor) mentor.initialUser(initial.mentor);
  const message = Elements.TextInput({ actionId: VALUE, maxLength: THANKS_MESSAGE_MAX, placeholder: "What did their mentoring mean to you?" }).multiline();
  // what was typed after the command, cut to what the field takes (Slack refuses a longer initial value)
  if (initial.message) message.initialValue(initial.message.slice(0, THANKS_MESSAGE_MAX));
  return Modal({ title: "Thank a mentor", submit: "Send thanks", close: "Cancel", callbackId: THANKS.views.thank })
    .blocks(
      Blocks.Input({ label: "Who", blockId: THANKS.blocks.mentor }).element(mentor),
      Blocks.Input({ label: "Your message", blockId: THANKS.blocks.message, hint: "They get it by DM from Rounds. Program directors see thank-you counts (and these notes, for mentorship awards)." }).element(message),
      Blocks.Input({ label: "Shout-out", blockId: THANKS.blocks.shoutOut })
        .optional()
        .element(Elements.Checkboxes({ actionId: VALUE }).options(Bits.Option({ text: "Also thank them publicly in the program's channel (without your message)", value: THANKS.shoutOutValue }))),
    )
    .buildToObject();
}

/** What the thanker is told. */
export function thanksSentText(s: ThanksSent): string {
  const lines = [`:sparkling_heart: Your thanks is on its way to <@${s.toSlackUserId}>.`];
  if (s.shoutOutChannel) lines.push(`A short shout-out goes to <#${s.shoutOutChannel}> too.`);
  else if (s.shoutOutAsked) lines.push(`(No public shout-out: ${escapeMrkdwn(s.programName)} has no announcement channel.)`);
  return lines.join(" ");
}

const day = (d: Date) => dayIn(d, "UTC");

/** Characters the list of counts may take in its section (Slack's limit is 3,000). */
const COUNTS_CHARS = 2900;

/** `/mentoring-admin thanks`: thank-you counts per mentor, and the award shortlist button. */
export function thanksCountsMessage(counts: ThanksCount[]): ThanksPayload {
  const lines = counts.map((c, i) => `${i + 1}. <@${c.mentorSlackId}> — ${count(c.count, "thank-you")} from ${count(c.thankers, "person", "people")} (last ${day(c.lastAt)})`);
  // A section holds at most 3,000 characters: the mentors who fit, then how many more the CSV has.
  const listed = joinWithin(lines, COUNTS_CHARS, "\n", (n) => `…and ${count(n, "more mentor")} in the shortlist CSV.`);
  const blocks: BlockBuilder[] = [
    Blocks.Section({ text: `${Md.bold("Thank-yous per mentor")} — what trainees sent with ${Md.codeInline("/mentoring thanks")}.` }),
    Blocks.Section({ text: lines.length ? listed : "No thank-yous yet." }),
  ];
  blocks.push(
    Blocks.Actions().elements(Elements.Button({ text: "Award shortlist (CSV)", actionId: THANKS.actions.shortlist, value: THANK.shortlist.codec.encode(null) })),
    Blocks.Context().elements(`Or from the command line: ${Md.codeInline("npm run cli -- thanks-shortlist [--program NAME] [--since YYYY-MM-DD]")}`),
  );
  return build("Thank-yous per mentor", blocks);
}
