import type { WebClient } from "@slack/web-api";
import { meetingForm } from "../../meetings.js";
import { DomainError, MatchNotFound } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { infoModal, message } from "../../../../slack/kit/message.js";
import { matchPickerModal, meetingModal } from "../../views/meetings/meetingModal.js";
import { noMatchToLogMessage } from "../../views/meetings/messages.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { openedModalOnly } from "../../../../slack/interaction/surfaces.js";
import { MEETING } from "../../ids.js";

/**
 * "Log a meeting" on an App Home match card, or under a check-in answered Met (value = match id):
 * the modal opens at once and fills in with the meeting form for that match.
 */
export function logMeetingButton(on: Interactions): void {
  on.button(
    { action: MEETING.log, who: "anyone", when: "queued", errors: openedModalOnly, opensModal: { title: "Log a meeting" }, label: "meeting log", invalid: (raw) => new MatchNotFound(raw) },
    async (i) => {
      const view = await meetingModalFor(i.deps, i.client, { teamId: i.teamId, userId: i.userId, matchId: i.value });
      if (i.modal) await i.client.views.update({ view_id: i.modal.id, view });
    },
  );
}

/**
 * The meeting modal for one match, prefilled (today in the person's zone, the match's agenda, a
 * progress field per active goal of the trainee), or the small modal saying why there is none (not
 * one of the pair, match ended). The check-in DM's Met passes its check-in id.
 */
export async function meetingModalFor(
  deps: ListenerDeps,
  client: WebClient,
  args: { teamId: string; userId: string; matchId: string; checkinId?: string },
) {
  let view;
  try {
    const ctx = { db: deps.db, now: deps.now(), directory: deps.directory(client, args.teamId), workspaceId: args.teamId };
    const result = await meetingForm(ctx, args.userId, args.matchId, args.checkinId ?? null);
    view =
      result.kind === "form"
        ? meetingModal(result.form)
        : result.kind === "pick"
          ? matchPickerModal(result.choices, args.checkinId ?? null)
          : infoModal("Log a meeting", noMatchToLogMessage());
  } catch (error) {
    if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: args.teamId, user: args.userId }, "opening the meeting modal failed");
    const text = errorText(error);
    view = infoModal("Log a meeting", message(text, text));
  }
  return view;
}
