import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { saveMyExclusions } from "../../../../services/exclusions.js";
import { EXCLUSIONS_BLOCK, VALUE } from "../../../views/profile/ids.js";
import { infoModal } from "../../../views/profile/message.js";
import { exclusionsSavedMessage } from "../../../views/profile/profileMessages.js";
import { refreshHomeQuietly } from "../../../refreshHome.js";
import type { ListenerDeps } from "../../deps.js";
import { submission } from "./submission.js";

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
