import { pause } from "../availability.js";
import { PAUSE_BLOCK, PROFILE_VIEWS, VALUE } from "../ids.js";
import { infoModal } from "../../../slack/kit/message.js";
import { pausedMessage } from "../views/availabilityViews.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** The pause modal's submit: a past date is an inline error; otherwise paused and confirmed in the modal. */
export function pauseSave(on: Interactions): void {
  on.submit({ view: PROFILE_VIEWS.pause, who: "anyone", errors: PAUSE_BLOCK, label: "pause save" }, async (i) => {
    const date = i.values[PAUSE_BLOCK]?.[VALUE]?.selected_date ?? null;
    const { state, tz } = await pause(i.ctx, i.userId, date);
    i.afterwards(() => refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId));
    return { update: infoModal("Paused", pausedMessage(state, tz)) };
  });
}
