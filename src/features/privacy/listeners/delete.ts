import { deleteMyData } from "../privacy.js";
import { deletedHome, deletedModal, erasureMessages } from "../views/privacyViews.js";
import { PRIVACY } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

/** "Delete my data" (confirmed in Slack's dialog): erase, show the confirmation, blank the Home tab. */
export function privacyDelete(on: Interactions): void {
  on.button({ action: PRIVACY.delete, who: "anyone", when: "inline", errors: whereClicked, label: "privacy delete" }, async (i) => {
    const { body } = i.args;
    const counts = await deleteMyData({ ...i.ctx, messages: erasureMessages }, i.userId);
    if (counts?.matchesEnded || counts?.requestsWithdrawn) i.deps.kickOutbox();
    i.logger.info({ erased: counts !== null }, "a member deleted their data");
    if (body.view?.id) await i.client.views.update({ view_id: body.view.id, view: deletedModal() });
    else await i.client.views.open({ trigger_id: body.trigger_id, view: deletedModal() });
    await i.client.views.publish({ user_id: i.userId, view: deletedHome() });
  });
}
