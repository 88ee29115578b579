import { Blocks, HomeTab, Md, type BlockBuilder } from "slack-block-builder";
import type { MemberStanding } from "../../services/members.js";
import { escapeMrkdwn } from "./escape.js";

const ABOUT =
  `${Md.bold("Rounds")} runs your institution's mentoring program in Slack: trainees find mentors ranked by fit, ` +
  "mentors answer a one-click check-in, and program directors run pairing rounds and see which pairs need help.";

/** The App Home tab: what Rounds is, and where this person stands in it. */
export function homeView(standing: MemberStanding) {
  const name = escapeMrkdwn(standing.member.name);
  const blocks: BlockBuilder[] = [Blocks.Header({ text: "Rounds — mentoring" }), Blocks.Section({ text: ABOUT })];
  if (standing.enrollments.length === 0) {
    blocks.push(
      Blocks.Section({
        text:
          `${Md.bold(`Welcome, ${name}.`)} You're not in a mentoring program yet. ` +
          "Ask your program director to add you; this page then shows your mentors, mentees and next steps.",
      }),
    );
  } else {
    const lines = standing.enrollments.map(
      (e) => `• ${escapeMrkdwn(e.programName)} — ${e.role.toLowerCase()}${e.cohortName ? ` (${escapeMrkdwn(e.cohortName)})` : ""}`,
    );
    blocks.push(Blocks.Section({ text: `${Md.bold(`Welcome, ${name}.`)} Your programs:\n${lines.join("\n")}` }));
  }
  if (standing.isDirector) {
    blocks.push(
      Blocks.Divider(),
      Blocks.Section({ text: `${Md.bold("Director")}: use ${Md.codeInline("/mentoring-admin")} to set up programs and add people.` }),
    );
  }
  return HomeTab().blocks(blocks).buildToObject();
}
