import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { answerStayPauseLeave, type StayChoice } from "../checkinsAnswer.js";
import { NotYourCheckin } from "../../../domain/errors.js";
import { LEAVE_NOTE, stayAnswered } from "../views/messages.js";
import { CHECKIN_ACTIONS } from "../ids.js";
import { requestMessages } from "../../requests/views/messages.js";
import { readMetadata } from "../../requests/views/form.js";
import { refreshHomeQuietly } from "../../../slack/refreshHome.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { afterAck, buttonValue, messageRef, teamOf, type ActionArgs } from "./context.js";

const target = z.object({ matchId: z.string().min(1), recipient: z.enum(["mentor", "trainee"]) });
const CHOICES: Record<string, StayChoice> = { [CHECKIN_ACTIONS.stay]: "stay", [CHECKIN_ACTIONS.pause]: "pause", [CHECKIN_ACTIONS.leave]: "leave" };

/** Stay · Pause · Leave, asked after several ignored check-ins: do it, and say so in place of the buttons. */
export function stayPauseLeaveAction(deps: ListenerDeps) {
  return afterAck(deps, "checkin stay/pause/leave", async ({ body, client }: ActionArgs) => {
    const choice = CHOICES[body.actions[0]!.action_id]!;
    const parsed = readMetadata(target, buttonValue(body));
    if (!parsed) throw new NotYourCheckin(buttonValue(body));
    const teamId = teamOf(body);
    const match = await answerStayPauseLeave(deps.db, teamId, body.user.id, parsed, choice, deps.now(), requestMessages, LEAVE_NOTE);
    if (choice === "leave") deps.kickOutbox();
    const other = parsed.recipient === "mentor" ? match.trainee : match.mentor;
    const where = messageRef(body);
    if (where) await client.chat.update({ ...where, ...stayAnswered(choice, other.slackUserId) } as Parameters<WebClient["chat"]["update"]>[0]);
    if (choice !== "stay") await refreshHomeQuietly(deps, client, teamId, body.user.id);
  });
}
