import { Md } from "slack-block-builder";
import type { SlackMessage } from "../../home/views/help.js";
import { message } from "../../../slack/kit/message.js";

export function noProfileRoleMessage(): SlackMessage {
  return message(
    "Profiles are for trainees and mentors.",
    `${Md.bold("Profiles are for trainees and mentors.")} You direct programs but aren't enrolled as a trainee or mentor, ` +
      "so there is no profile to fill in. A director can add you to a program as a mentor or trainee.",
  );
}

export function exclusionsSavedMessage(count: number): SlackMessage {
  const text = count === 0 ? "Your never-pair list is empty." : `Saved: Rounds will never pair you with ${count === 1 ? "that person" : `those ${count} people`}.`;
  return message(text, `${text} The list stays confidential.`);
}
