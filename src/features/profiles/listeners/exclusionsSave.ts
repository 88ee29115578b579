import { saveMyExclusions } from "../exclusions.js";
import { EXCLUSIONS_BLOCK, PROFILE_VIEWS, VALUE } from "../ids.js";
import { infoModal } from "../../../slack/kit/message.js";
import { exclusionsSavedMessage } from "../views/profileMessages.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** The never-pair list's Save: replaces the list and confirms in the modal. */
export function exclusionsSave(on: Interactions): void {
  on.submit({ view: PROFILE_VIEWS.exclusions, who: "anyone", errors: EXCLUSIONS_BLOCK, label: "exclusions save" }, async (i) => {
    const chosen = i.values[EXCLUSIONS_BLOCK]?.[VALUE]?.selected_users ?? [];
    const kept = await saveMyExclusions(i.ctx, i.userId, chosen);
    i.afterwards(() => refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId));
    return { update: infoModal("Never pair me with", exclusionsSavedMessage(kept)) };
  });
}
