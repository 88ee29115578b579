import { Blocks, Message, Md } from "slack-block-builder";
import type { MemberStanding } from "../../services/members.js";
import { escapeMrkdwn } from "./escape.js";

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

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

const DIRECTOR_SETUP =
  `You are a Slack admin here, so you can direct programs: use ${Md.codeInline("/mentoring-admin")} ` +
  "to create a program and add people.";

export function notEnrolledMessage(standing: MemberStanding): SlackMessage {
  return standing.isDirector
    ? message("You're not in a mentoring program yet.", HOW_TO_JOIN, DIRECTOR_SETUP)
    : message("You're not in a mentoring program yet.", HOW_TO_JOIN);
}

function programsLine(standing: MemberStanding): string {
  const lines = standing.enrollments.map(
    (e) => `• ${escapeMrkdwn(e.programName)} — ${e.role.toLowerCase()}${e.cohortName ? ` (${escapeMrkdwn(e.cohortName)})` : ""}`,
  );
  return `${Md.bold("Your programs")}\n${lines.join("\n")}`;
}

export function findMentorHelp(standing: MemberStanding): SlackMessage {
  if (standing.enrollments.length === 0) return notEnrolledMessage(standing);
  return message(
    "Find a mentor with /findmentor",
    `${Md.codeInline("/findmentor [keywords]")} shows mentors in your programs ranked by how well they fit you, ` +
      `with the reasons. Add words to narrow the search, e.g. ${Md.codeInline("/findmentor thrombosis grants")}.`,
    programsLine(standing),
  );
}

export function mentoringHelp(standing: MemberStanding): SlackMessage {
  if (standing.enrollments.length === 0) return notEnrolledMessage(standing);
  return message(
    "Your mentoring hub: /mentoring",
    `${Md.bold("/mentoring")} is your mentoring hub:\n` +
      `• ${Md.codeInline("/mentoring profile")} — your profile and availability\n` +
      `• ${Md.codeInline("/mentoring log")} — log a meeting\n` +
      `• ${Md.codeInline("/mentoring privacy")} — what Rounds stores about you\n` +
      `Open the Rounds app's Home tab for your mentors, mentees and goals.`,
    programsLine(standing),
  );
}

export function adminHelp(standing: MemberStanding): SlackMessage {
  if (!standing.isDirector) {
    return message(
      "Only program directors can use /mentoring-admin.",
      `${Md.bold("Only program directors can use /mentoring-admin.")} Nothing was changed. ` +
        "If you run a mentoring program, ask a Slack admin or an existing director to grant you the director role.",
    );
  }
  return message(
    "Program administration: /mentoring-admin",
    `${Md.bold("/mentoring-admin")} is for program directors:\n` +
      `• set up programs and cohorts, add people, import rosters\n` +
      `• run pairing rounds, post cohort announcements, see who is stuck, export reports`,
  );
}
