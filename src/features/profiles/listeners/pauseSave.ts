import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { pause } from "../availability.js";
import { DomainError } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { PAUSE_BLOCK, VALUE } from "../ids.js";
import { infoModal } from "../../../slack/kit/message.js";
import { pausedMessage } from "../views/availabilityViews.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { submission } from "../../../slack/kit/submission.js";

/** The pause modal's submit: a past date is an inline error; otherwise paused and confirmed in the modal. */
export function pauseSave(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const date = values[PAUSE_BLOCK]?.[VALUE]?.selected_date ?? null;
    try {
      const { state, tz } = await pause(deps.db, deps.directory(client), teamId, userId, date, deps.now());
      await ack({ response_action: "update", view: infoModal("Paused", pausedMessage(state, tz)) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return ack({ response_action: "errors", errors: { [PAUSE_BLOCK]: errorText(error) } });
    }
    await refreshHomeQuietly(deps, client, teamId, userId);
  };
}
