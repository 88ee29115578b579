import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { addGoal } from "../../goals.js";
import { DomainError } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { readGoalText } from "../../views/goals/form.js";
import { GOAL_BLOCKS } from "../../goalIds.js";
import { parkChoiceModal } from "../../views/goals/goalsModal.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import { refreshGoalsList } from "./context.js";
import { submission } from "../../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

/** "Add" in the add-goal modal: added (back to the list), or — two active already — asked which to park. */
export function addGoalSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const text = readGoalText(values);
    if (!text.ok) return ack({ response_action: "errors", errors: text.errors });
    try {
      const outcome = await addGoal(deps.db, deps.directory(client), teamId, userId, text.value, null, deps.now());
      if (outcome.kind === "choose-park") return ack({ response_action: "update", view: parkChoiceModal(outcome.active, { action: "add", text: text.value }) });
      await ack();
      await refreshGoalsList(deps, client, teamId, userId, body.view.previous_view_id);
      await refreshHomeQuietly(deps, client, teamId, userId);
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "adding a goal failed");
      await ack({ response_action: "errors", errors: { [GOAL_BLOCKS.text]: errorText(error) } });
    }
  };
}
