import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { endMentorship } from "../../../../services/matches.js";
import { DomainError } from "../../../../domain/errors.js";
import { errorText } from "../../../errorText.js";
import { readNote } from "../../../views/requests/form.js";
import { REQUEST_BLOCKS } from "../../../views/requests/ids.js";
import { requestMessages } from "../../../views/requests/messages.js";
import { refreshHomeQuietly } from "../../../refreshHome.js";
import { submission } from "../profile/submission.js";
import type { ListenerDeps } from "../../deps.js";

/** The end-mentorship modal's submit: match ENDED, feedback to the directors, the other side told kindly. */
export function endSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const note = readNote(values, REQUEST_BLOCKS.note);
    if (!note.ok) return ack({ response_action: "errors", errors: note.errors });
    try {
      const match = await endMentorship(deps.db, teamId, userId, body.view.private_metadata, note.note, deps.now(), requestMessages);
      await ack();
      deps.kickOutbox();
      await refreshHomeQuietly(deps, client, teamId, match.trainee.slackUserId);
      await refreshHomeQuietly(deps, client, teamId, match.mentor.slackUserId);
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "ending a mentorship failed");
      await ack({ response_action: "errors", errors: { [REQUEST_BLOCKS.note]: errorText(error) } });
    }
  };
}
