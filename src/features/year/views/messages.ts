import { Blocks, Elements, Md, Message, type BlockBuilder } from "slack-block-builder";
import type { AnswerSaved, Payload, YearMessages } from "../year.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { calendarDay } from "../../../slack/kit/dates.js";
import { yourOther } from "../../../slack/kit/relation.js";
import { YEAR } from "../ids.js";

/** The DMs of the year's close: "continue next year?", the director's prompt, thanks to pairs that end, the alumni's invitation. */

export const build = (text: string, blocks: BlockBuilder[]): Payload => ({ text, blocks: Message().text(text).blocks(blocks).buildToObject().blocks ?? [] });

const answerButtons = (matchId: string, startYear: number, current: "CONTINUE" | "END" | null) => {
  const value = YEAR.keep.codec.encode({ matchId, startYear });
  const keep = Elements.Button({ text: current === "END" ? "Continue after all" : "Continue next year", actionId: YEAR.keep.id, value });
  const end = Elements.Button({ text: current === "CONTINUE" ? "End it after all" : "End with the year", actionId: YEAR.end.id, value });
  if (current === null) keep.primary();
  return Blocks.Actions().elements(...(current === "CONTINUE" ? [end] : current === "END" ? [keep] : [keep, end]));
};

export const yearMessages: YearMessages = {
  ask: (a) =>
    build(`Continue your mentorship with ${a.other.name} next year?`, [
      Blocks.Section({
        text:
          `:calendar: The ${a.yearLabel} year of ${Md.bold(escapeMrkdwn(a.programName))} ends on ${calendarDay(a.lastDay)}. ` +
          `Would you like to continue with ${yourOther(a.role, a.side, `<@${a.other.slackUserId}>`)} into next year?`,
      }),
      answerButtons(a.matchId, a.startYear, null),
      Blocks.Context().elements(
        "If either of you chooses to end it, the mentorship ends with the year, with thanks to you both. No answer means it continues. " +
          "You can change your answer until your program director closes the year. Your answer is not shown to the other person.",
      ),
    ]),

  directorPrompt: (p) =>
    build(`Time to close the ${p.yearLabel} year of ${p.programName}`, [
      Blocks.Section({
        text:
          `:mortar_board: The ${p.yearLabel} year of ${Md.bold(escapeMrkdwn(p.programName))} ends on ${calendarDay(p.lastDay)}. ` +
          "Closing it graduates a cohort (its trainees become alumni, invited to mentor), moves everyone else's training year up by one, " +
          "and ends the mentorships either side declined to continue — everyone in a mentorship has been asked.",
      }),
      Blocks.Section({ text: "You'll see a preview first: nothing changes until you approve." }),
      Blocks.Actions().elements(Elements.Button({ text: "Close the year…", actionId: YEAR.open.id, value: YEAR.open.codec.encode(p.programId) }).primary()),
    ]),

  thanks: (t) => {
    const other = `<@${t.other.slackUserId}>`;
    const program = Md.bold(escapeMrkdwn(t.programName));
    const why =
      t.reason === "graduating"
        ? t.side === "trainee"
          ? `:mortar_board: Congratulations on completing your training! Your mentorship with ${yourOther(t.role, "trainee", other)} in ${program} ends with the ${t.yearLabel} year.`
          : `:mortar_board: ${other} graduates this year, so your mentorship in ${program} ends with the ${t.yearLabel} year.`
        : `:wave: Your mentorship with ${yourOther(t.role, t.side, other)} in ${program} ends with the ${t.yearLabel} year, as was decided when the year closed.`;
    const thanks = t.side === "mentor" ? "Thank you for the time and care you gave as a mentor." : "Thank you for the work you put into it.";
    return build("Your mentorship ends with the year — thank you", [
      Blocks.Section({ text: `${why} ${thanks}` }),
      Blocks.Context().elements(
        t.side === "mentor"
          ? "The meeting log stays in Rounds."
          : `Your goals and meeting log stay in Rounds.${t.reason !== "graduating" ? " Type `/findmentor` whenever you'd like a new mentor." : ""}`,
      ),
    ]);
  },

  invite: (i) =>
    build(`Pay it forward: mentor in ${i.programName}?`, [
      Blocks.Section({
        text:
          `:seedling: Congratulations on finishing your training in ${Md.bold(escapeMrkdwn(i.programName))} (${i.yearLabel})! ` +
          "Would you like to pay it forward and mentor the trainees who come after you?",
      }),
      Blocks.Section({
        text: "Rounds has drafted a mentor profile from your trainee profile — your career stage moved on a step, your interests as your expertise. Check it, change anything, and you're a mentor trainees can find with `/findmentor`.",
      }),
      Blocks.Actions().elements(
        Elements.Button({ text: "Become a mentor…", actionId: YEAR.mentor.id, value: YEAR.mentor.codec.encode(i.inviteId) }).primary(),
        Elements.Button({ text: "Not now", actionId: YEAR.decline.id, value: YEAR.decline.codec.encode(i.inviteId) }),
      ),
      Blocks.Context().elements("Your mentorships, goals and meeting log from your training stay as they are."),
    ]),
};

/** The "continue next year?" message after an answer: what was chosen, and the button to change it. */
export function answeredMessage(a: AnswerSaved): Payload {
  const other = `<@${a.other.slackUserId}>`;
  const said =
    a.answer === "CONTINUE"
      ? `:white_check_mark: You'd like to continue with ${other} next year. Unless one of you chooses otherwise, the mentorship carries on into the new year.`
      : `:wave: You'd like your mentorship with ${other} to end with the ${a.yearLabel} year. It ends on ${calendarDay(a.lastDay)}, when your program director closes the year, with thanks to you both.`;
  return build(a.answer === "CONTINUE" ? "You'd like to continue next year" : "You'd like to end with the year", [
    Blocks.Section({ text: `${said}` }),
    answerButtons(a.matchId, a.startYear, a.answer),
    Blocks.Context().elements(`${escapeMrkdwn(a.programName)} · you can change your answer until the year is closed.`),
  ]);
}

/** The invitation after "Not now". */
export function declinedMessage(programName: string): Payload {
  return build("No problem — thank you", [
    Blocks.Section({ text: `No problem. Thank you for your years in ${Md.bold(escapeMrkdwn(programName))}. If you'd like to mentor later, tell your program director.` }),
  ]);
}

/** The invitation after the mentor profile was confirmed. */
export function acceptedText(programName: string): string {
  return `:tada: You're a mentor in ${escapeMrkdwn(programName)} now. Trainees can find you with /findmentor; edit your profile any time with \`/mentoring profile\`.`;
}

