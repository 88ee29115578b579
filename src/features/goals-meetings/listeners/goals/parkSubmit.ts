import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { addGoal, changeGoal } from "../../goals.js";
import { DomainError } from "../../../../domain/errors.js";
import { errorText } from "../../../../slack/errorText.js";
import { readMetadata } from "../../../requests/views/form.js";
import { pendingActivation, readParkChoice } from "../../views/goals/form.js";
import { GOAL_BLOCKS } from "../../goalIds.js";
import { parkChoiceModal } from "../../views/goals/goalsModal.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import { refreshGoalsList } from "./context.js";
import { submission } from "../../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

/** "Park and continue": the chosen goal parked and the new (or reactivated) one made active, together. */
export function parkSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const pending = readMetadata(pendingActivation, body.view.private_metadata);
    if (!pending) return ack({ response_action: "errors", errors: { [GOAL_BLOCKS.park]: "This form is out of date; close it and open your goals again." } });
    const park = readParkChoice(values);
    if (!park.ok) return ack({ response_action: "errors", errors: park.errors });
    try {
      const outcome =
        pending.action === "add"
          ? await addGoal(deps.db, deps.directory(client), teamId, userId, pending.text, park.value, deps.now())
          : await changeGoal(deps.db, deps.directory(client), teamId, userId, pending.goalId, "activate", park.value, deps.now());
      // The active goals changed meanwhile (another window): ask again with the current ones.
      if (outcome.kind === "choose-park") return ack({ response_action: "update", view: parkChoiceModal(outcome.active, pending) });
      await ack();
      await refreshGoalsList(deps, client, teamId, userId, body.view.previous_view_id);
      await refreshHomeQuietly(deps, client, teamId, userId);
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "parking a goal failed");
      await ack({ response_action: "errors", errors: { [GOAL_BLOCKS.park]: errorText(error) } });
    }
  };
}
