import { Md } from "slack-block-builder";
import type { SlackMessage } from "../../../home/views/help.js";
import { message } from "../../../../slack/kit/message.js";

/** `/mentoring log` from someone with no active mentorship. */
export function noMatchToLogMessage(): SlackMessage {
  return message(
    "You have no active mentorship to log a meeting for.",
    `${Md.bold("You have no active mentorship to log a meeting for.")} Meetings are logged for a mentor and mentee who work together. ` +
      `Trainees: type ${Md.codeInline("/findmentor")} to find a mentor. Mentors: your mentees appear here once you accept a request.`,
  );
}
