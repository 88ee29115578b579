import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { meetingForm } from "../../meetings.js";
import { DomainError } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { readMetadata } from "../../../requests/views/form.js";
import { pickMetadata, readPickedMatch } from "../../views/meetings/form.js";
import { MEETING_BLOCKS } from "../../meetingIds.js";
import { meetingModal } from "../../views/meetings/meetingModal.js";
import { submission } from "../../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

/** Step 1 "which mentorship?": the same modal becomes the meeting form for the chosen match. */
export function pickSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const picked = readPickedMatch(values);
    if (!picked.ok) return ack({ response_action: "errors", errors: picked.errors });
    const checkinId = readMetadata(pickMetadata, body.view.private_metadata)?.checkinId ?? null;
    try {
      const result = await meetingForm(deps.db, deps.directory(client), teamId, userId, picked.value, checkinId, deps.now());
      if (result.kind !== "form") throw new Error("a chosen match always gives a form");
      await ack({ response_action: "update", view: meetingModal(result.form) });
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "meeting match choice failed");
      await ack({ response_action: "errors", errors: { [MEETING_BLOCKS.match]: errorText(error) } });
    }
  };
}
