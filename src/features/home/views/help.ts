import { Blocks, Message, Md } from "slack-block-builder";
import type { MemberStanding } from "../../profiles/members.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { SlackMessage } from "../../../slack/kit/message.js";

export type { SlackMessage };

const message = (text: string, ...paragraphs: string[]): SlackMessage => {
  const built = Message()
    .text(text)
    .blocks(paragraphs.map((p) => Blocks.Section({ text: p })))
    .buildToObject();
  return { text, blocks: built.blocks ?? [] };
};

const HOW_TO_JOIN =
  `${Md.bold("You're not in a mentoring program yet.")} Rounds matches trainees with faculty mentors ` +
  "inside programs that your program director runs. Ask your program director to add you " +
  "(they can do it from Rounds in a minute), then try again.";

const DIRECTOR_NOT_IN_A_PROGRAM =
  `${Md.bold("You direct the mentoring programs here, but you aren't a trainee or mentor in one.")} ` +
  `${Md.codeInline("/mentoring")} is for trainees and mentors; to set up programs and people, use ${Md.codeInline("/mentoring-admin")} ` +
  "or the Rounds Home tab. To take part yourself, add yourself to a program as a mentor.";

export function notEnrolledMessage(standing: MemberStanding): SlackMessage {
  return standing.isDirector && standing.enrollments.length === 0
    ? message("You direct programs here, but you aren't a trainee or mentor in one.", DIRECTOR_NOT_IN_A_PROGRAM)
    : message("You're not in a mentoring program yet.", HOW_TO_JOIN);
}

function programsLine(standing: MemberStanding): string {
  const lines = standing.enrollments.map(
    (e) => `• ${escapeMrkdwn(e.programName)} — ${e.role.toLowerCase()}${e.cohortName ? ` (${escapeMrkdwn(e.cohortName)})` : ""}`,
  );
  return `${Md.bold("Your programs")}\n${lines.join("\n")}`;
}

export function mentoringHelp(standing: MemberStanding): SlackMessage {
  if (standing.enrollments.length === 0) return notEnrolledMessage(standing);
  return message(
    "Your mentoring hub: /mentoring",
    `${Md.bold("/mentoring")} is your mentoring hub:\n` +
      `• ${Md.codeInline("/mentoring profile")} — your profile: stage, interests, goals, what you offer\n` +
      `• ${Md.codeInline("/mentoring pause YYYY-MM-DD")} — pause until the end of that day (no suggestions, pairings, check-ins or reminders); ${Md.codeInline("/mentoring pause")} alone opens a form to pick the day or pause until you resume; ${Md.codeInline("/mentoring resume")}\n` +
      `• ${Md.codeInline("/mentoring exclusions")} — people you should never be paired with (confidential)\n` +
      `• ${Md.codeInline("/mentoring privacy")} — what Rounds stores about you, and deleting it\n` +
      `• ${Md.codeInline("/mentoring goals")} — your goals (one or two at a time) and their progress; mentors see their mentees'\n` +
      `• ${Md.codeInline("/mentoring log")} — log a meeting: date, agenda, private notes, next steps, progress on goals\n` +
      `• ${Md.codeInline("/mentoring thanks @mentor message")} — thank a mentor (by DM from Rounds; optionally a shout-out in the program channel)\n` +
      `Open the Rounds app's Home tab for your mentors, mentees and goals.`,
    programsLine(standing),
  );
}
