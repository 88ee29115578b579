import type { WebClient } from "@slack/web-api";
import { meetingForm } from "../../meetings.js";
import { DomainError } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { infoModal, message } from "../../../../slack/kit/message.js";
import { matchPickerModal, meetingModal } from "../../views/meetings/meetingModal.js";
import { noMatchToLogMessage } from "../../views/meetings/messages.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

/**
 * Opens the meeting modal for one match, prefilled (today in the person's zone, the match's agenda,
 * a progress field per active goal of the trainee). The entry point for the App Home's "Log a
 * meeting" and the check-in DM's "We met" (which passes its check-in id). A problem (not one of the
 * pair, match ended) is shown in a small modal instead; only a failing views.open itself throws.
 */
export async function openMeetingModal(
  deps: ListenerDeps,
  client: WebClient,
  args: { teamId: string; userId: string; triggerId: string; matchId: string; checkinId?: string },
): Promise<void> {
  await client.views.open({ trigger_id: args.triggerId, view: await meetingModalFor(deps, client, args) });
}

/** The meeting modal (or the small modal saying why there is none) for one match. */
export async function meetingModalFor(
  deps: ListenerDeps,
  client: WebClient,
  args: { teamId: string; userId: string; matchId: string; checkinId?: string },
) {
  let view;
  try {
    const result = await meetingForm(deps.db, deps.directory(client), args.teamId, args.userId, args.matchId, args.checkinId ?? null, deps.now());
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
