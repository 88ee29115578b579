import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { saveMyExclusions } from "../exclusions.js";
import { EXCLUSIONS_BLOCK, VALUE } from "../ids.js";
import { infoModal } from "../../../slack/kit/message.js";
import { exclusionsSavedMessage } from "../views/profileMessages.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { submission } from "../../../slack/kit/submission.js";

/** The never-pair list's Save: replaces the list and confirms in the modal. */
export function exclusionsSave(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const chosen = values[EXCLUSIONS_BLOCK]?.[VALUE]?.selected_users ?? [];
    const kept = await saveMyExclusions(deps.db, deps.directory(client), teamId, userId, chosen, deps.now());
    await ack({ response_action: "update", view: infoModal("Never pair me with", exclusionsSavedMessage(kept)) });
    await refreshHomeQuietly(deps, client, teamId, userId);
  };
}
