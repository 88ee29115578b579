import type { WebClient } from "@slack/web-api";
import { answerCheckin } from "../checkinsAnswer.js";
import { CheckinNotFound } from "../../../domain/errors.js";
import { answeredCheckin, checkinMessages } from "../views/messages.js";
import { ANSWER_OF_ACTION, CHECKIN } from "../ids.js";
import { meetingModalFor } from "../../goals-meetings/listeners/meetings/openMeetingModal.js";
import type { ButtonInteraction, Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

type ChatUpdate = Parameters<WebClient["chat"]["update"]>[0];

/**
 * Met · Scheduled · Not yet · Need help on a check-in (or its reminder): record the answer (a
 * second click changes it) and redraw the period's messages in place with the answer and the
 * buttons still there. Met also opens the meeting log: at once, before the answer is saved, so
 * the trigger cannot expire; it fills in when the answer is recorded.
 */
export function answerCheckins(on: Interactions): void {
  const spec = { who: "anyone", when: "queued", errors: whereClicked, label: "checkin answer", invalid: (raw: string) => new CheckinNotFound(raw) } as const;
  on.button({ action: CHECKIN.met, ...spec, opensModal: { title: "Log a meeting" } }, answer);
  for (const action of [CHECKIN.scheduled, CHECKIN.notYet, CHECKIN.needHelp]) on.button({ action, ...spec }, answer);
}

async function answer(i: ButtonInteraction<string, "anyone">): Promise<void> {
  const { deps, client, userId, value: checkinId } = i;
  const answer = ANSWER_OF_ACTION[i.actionId as keyof typeof ANSWER_OF_ACTION];
  const result = await answerCheckin({ ...i.ctx, messages: checkinMessages }, userId, checkinId, answer, i.message);
  // The answer is saved either way: a modal that could not be filled (closed, say) must not skip the redraws.
  const logOpened = i.modal
    ? await meetingModalFor(deps, client, { teamId: i.teamId, userId, matchId: result.match.id, checkinId })
        .then((view) => client.views.update({ view_id: i.modal!.id, view }))
        .then(
          () => true,
          (error: unknown) => {
            i.logger.warn({ err: error, checkin: checkinId }, "showing the meeting log after Met failed");
            return false;
          },
        )
    : false;
  if (result.escalated) deps.kickOutbox();
  for (const u of result.updates) {
    const mine = u.card.you.slackUserId === userId;
    await client.chat.update({ channel: u.ref.channel, ts: u.ref.ts, ...answeredCheckin(u.card, { logOpened: logOpened && mine }) } as ChatUpdate).catch((error: unknown) => {
      i.logger.warn({ err: error, checkin: u.card.checkinId }, "updating a check-in message failed");
    });
  }
}
