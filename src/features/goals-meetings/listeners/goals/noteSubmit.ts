import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { addProgressNote } from "../../goals.js";
import { DomainError } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { readProgressNote } from "../../views/goals/form.js";
import { GOAL_BLOCKS } from "../../goalIds.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import { refreshGoalsList } from "./context.js";
import { submission } from "../../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

/** "Add note": a progress note on the goal, by its trainee or one of their mentors. */
export function noteSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const note = readProgressNote(values);
    if (!note.ok) return ack({ response_action: "errors", errors: note.errors });
    try {
      const { traineeSlackUserId } = await addProgressNote(deps.db, deps.directory(client), teamId, userId, body.view.private_metadata, note.value, deps.now());
      await ack();
      await refreshGoalsList(deps, client, teamId, userId, body.view.previous_view_id);
      await refreshHomeQuietly(deps, client, teamId, userId);
      if (traineeSlackUserId && traineeSlackUserId !== userId) await refreshHomeQuietly(deps, client, teamId, traineeSlackUserId);
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "adding a progress note failed");
      await ack({ response_action: "errors", errors: { [GOAL_BLOCKS.note]: errorText(error) } });
    }
  };
}
