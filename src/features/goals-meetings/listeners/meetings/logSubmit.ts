import { logMeeting } from "../../meetings.js";
import { DomainError, InvalidMeetingDate } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { meetingDateError, readMeetingForm } from "../../views/meetings/form.js";
import { MEETING, MEETING_BLOCKS } from "../../ids.js";
import { meetingSavedModal } from "../../views/meetings/meetingModal.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";

/**
 * The meeting modal's Save: inline errors, or the meeting logged once per modal (the view id is the
 * claim key, so a retried submission saves nothing twice) and a "saved" confirmation; both Homes are
 * refreshed after the answer. The notes are never logged.
 */
export function logSubmit(on: Interactions): void {
  on.submit({ view: MEETING.logSubmit, who: "anyone", errors: MEETING_BLOCKS.date, stale: "This form is out of date; close it and run /mentoring log again.", label: "logging a meeting" }, async (i) => {
    const form = readMeetingForm(i.values, i.metadata);
    if (!form.ok) return { errors: form.errors };
    let match;
    try {
      ({ match } = await logMeeting(i.ctx, i.userId, i.args.body.view.id, form.value));
    } catch (error) {
      if (error instanceof InvalidMeetingDate) return { errors: meetingDateError(error.problem) };
      if (error instanceof DomainError) throw error;
      // Not the error itself: a database error's message can quote the row, and the notes must never reach a log.
      i.logger.error({ error: errorKind(error) }, "logging a meeting failed");
      return { errors: { [MEETING_BLOCKS.date]: errorText(error) } };
    }
    const other = match.trainee.slackUserId === i.userId ? match.mentor : match.trainee;
    i.afterwards(async () => {
      await refreshHomeQuietly(i.deps, i.client, i.teamId, match.trainee.slackUserId);
      await refreshHomeQuietly(i.deps, i.client, i.teamId, match.mentor.slackUserId);
    });
    return { update: meetingSavedModal(other.slackUserId, form.value.date) };
  });
}

/** What kind of error it was, without its message. */
function errorKind(error: unknown): { name: string; code?: unknown } {
  return error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code } : { name: typeof error };
}
