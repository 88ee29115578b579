import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { endMentorship } from "../matches.js";
import { DomainError } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { readNote } from "../views/form.js";
import { REQUEST_BLOCKS } from "../ids.js";
import { requestMessages } from "../views/messages.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import { submission } from "../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../slack/deps.js";

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
