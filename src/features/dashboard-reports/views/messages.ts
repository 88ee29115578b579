import { Blocks, Md, Message } from "slack-block-builder";
import type { DashboardMessages } from "../dashboard.js";
import type { Payload } from "../../requests/requests.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { nudgeMessage } from "../../checkins/views/messages.js";
import { yourOther } from "../../../slack/kit/relation.js";


function build(text: string, ...paragraphs: string[]): Payload {
  const built = Message().text(text).blocks(paragraphs.map((p) => Blocks.Section({ text: p }))).buildToObject();
  return { text, blocks: built.blocks ?? [] };
}

/** What the trainee and the mentor read when a director nudges them or ends their mentorship. */
export const dashboardMessages: DashboardMessages = {
  nudge: (pair, to, director, askedBy) => {
    const other = to === "trainee" ? pair.mentor : pair.trainee;
    return nudgeMessage({ to, other: other.erased ? escapeMrkdwn(other.name) : `<@${other.slackUserId}>`, director, programName: pair.programName, askedBy });
  },
  endedByDirector: (pair, to, director) => {
    const other = to === "trainee" ? pair.mentor : pair.trainee;
    const otherName = other.erased ? escapeMrkdwn(other.name) : `<@${other.slackUserId}>`;
    return build(
      "Your mentorship has ended",
      `<@${director}>, your program director, has ended your mentorship with ${yourOther(pair.role, to, otherName)} in ${escapeMrkdwn(pair.programName)}. ` +
        "Thank you for the time you gave it.",
      to === "trainee"
        ? `If you'd like another mentor, type ${Md.codeInline("/findmentor")}; questions go to <@${director}>.`
        : `Your place is free again. Questions go to <@${director}>.`,
    );
  },
};
