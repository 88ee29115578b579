import type { WebClient } from "@slack/web-api";
import { answerCheckin } from "../checkinsAnswer.js";
import { answeredCheckin, checkinMessages } from "../views/messages.js";
import { ANSWER_OF_ACTION } from "../ids.js";
import { openMeetingModal } from "../../goals-meetings/listeners/meetings/openMeetingModal.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { afterAck, buttonValue, messageRef, teamOf, type ActionArgs } from "./context.js";

type ChatUpdate = Parameters<WebClient["chat"]["update"]>[0];

/**
 * Met · Scheduled · Not yet · Need help on a check-in (or its reminder): record the answer (a
 * second click changes it), redraw the period's messages in place with the answer and the buttons
 * still there, and on Met open the meeting log modal.
 */
export function answerAction(deps: ListenerDeps) {
  return afterAck(deps, "checkin answer", async ({ body, client }: ActionArgs) => {
    const action = body.actions[0]!.action_id as keyof typeof ANSWER_OF_ACTION;
    const answer = ANSWER_OF_ACTION[action];
    const teamId = teamOf(body);
    const checkinId = buttonValue(body);
    const result = await answerCheckin(deps.db, teamId, body.user.id, checkinId, answer, messageRef(body), deps.now(), checkinMessages);
    let logOpened = false;
    if (answer === "MET") {
      // The answer is saved either way: a failed views.open (say, an expired trigger) must not skip the redraws.
      logOpened = await openMeetingModal(deps, client, { teamId, userId: body.user.id, triggerId: body.trigger_id, matchId: result.match.id, checkinId }).then(
        () => true,
        (error: unknown) => {
          deps.logger.warn({ err: error, team: teamId, checkin: checkinId }, "opening the meeting log after Met failed");
          return false;
        },
      );
    }
    if (result.escalated) deps.kickOutbox();
    for (const u of result.updates) {
      const mine = u.card.you.slackUserId === body.user.id;
      await client.chat.update({ channel: u.ref.channel, ts: u.ref.ts, ...answeredCheckin(u.card, { logOpened: logOpened && mine }) } as ChatUpdate).catch((error: unknown) => {
        deps.logger.warn({ err: error, team: teamId, checkin: u.card.checkinId }, "updating a check-in message failed");
      });
    }
  });
}
