import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { logMeeting } from "../../meetings.js";
import { DomainError, InvalidMeetingDate } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { readMetadata } from "../../../requests/views/form.js";
import { meetingDateError, meetingMetadata, readMeetingForm } from "../../views/meetings/form.js";
import { MEETING_BLOCKS } from "../../meetingIds.js";
import { meetingSavedModal } from "../../views/meetings/meetingModal.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import { submission } from "../../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

/**
 * The meeting modal's Save: inline errors, or the meeting logged once per modal (the view id is the
 * claim key, so a retried submission saves nothing twice) and a "saved" confirmation. The notes are
 * never logged.
 */
export function logSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const meta = readMetadata(meetingMetadata, body.view.private_metadata);
    if (!meta) return ack({ response_action: "errors", errors: { [MEETING_BLOCKS.date]: "This form is out of date; close it and run /mentoring log again." } });
    const form = readMeetingForm(values, meta);
    if (!form.ok) return ack({ response_action: "errors", errors: form.errors });
    try {
      const { match } = await logMeeting(deps.db, deps.directory(client), teamId, userId, body.view.id, form.value, deps.now());
      const other = match.trainee.slackUserId === userId ? match.mentor : match.trainee;
      await ack({ response_action: "update", view: meetingSavedModal(other.slackUserId, form.value.date) });
      await refreshHomeQuietly(deps, client, teamId, match.trainee.slackUserId);
      await refreshHomeQuietly(deps, client, teamId, match.mentor.slackUserId);
    } catch (error) {
      if (error instanceof InvalidMeetingDate) return ack({ response_action: "errors", errors: meetingDateError(error.problem) });
      // Not the error itself: a database error's message can quote the row, and the notes must never reach a log.
      if (!(error instanceof DomainError)) deps.logger.error({ error: errorKind(error), team: teamId }, "logging a meeting failed");
      await ack({ response_action: "errors", errors: { [MEETING_BLOCKS.date]: errorText(error) } });
    }
  };
}

/** What kind of error it was, without its message. */
function errorKind(error: unknown): { name: string; code?: unknown } {
  return error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code } : { name: typeof error };
}
