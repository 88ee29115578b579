import type { WebClient } from "@slack/web-api";
import { answerStayPauseLeave, type StayChoice } from "../checkinsAnswer.js";
import { NotYourCheckin } from "../../../domain/errors.js";
import { LEAVE_NOTE, stayAnswered } from "../views/messages.js";
import { CHECKIN } from "../ids.js";
import { requestMessages } from "../../requests/views/messages.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

/** Stay · Pause · Leave, asked after several ignored check-ins: do it, and say so in place of the buttons. */
export function stayPauseLeave(on: Interactions): void {
  const choices: [typeof CHECKIN.stay | typeof CHECKIN.pause | typeof CHECKIN.leave, StayChoice][] = [
    [CHECKIN.stay, "stay"],
    [CHECKIN.pause, "pause"],
    [CHECKIN.leave, "leave"],
  ];
  for (const [action, choice] of choices) {
    on.button({ action, who: "anyone", when: "queued", errors: whereClicked, label: "checkin stay/pause/leave", invalid: (raw) => new NotYourCheckin(raw) }, async (i) => {
      const target = i.value;
      const match = await answerStayPauseLeave({ ...i.ctx, messages: requestMessages }, i.userId, target, choice, LEAVE_NOTE);
      if (choice === "leave") i.deps.kickOutbox();
      const other = target.recipient === "mentor" ? match.trainee : match.mentor;
      if (i.message) await i.client.chat.update({ ...i.message, ...stayAnswered(choice, other.slackUserId) } as Parameters<WebClient["chat"]["update"]>[0]);
      if (choice !== "stay") await refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId);
    });
  }
}
