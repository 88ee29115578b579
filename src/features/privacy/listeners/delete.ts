import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { deleteMyData } from "../privacy.js";
import { deletedHome, deletedModal, erasureMessages } from "../views/privacyViews.js";
import type { ListenerDeps } from "../../../slack/deps.js";

/** "Delete my profile" (confirmed in Slack's dialog): erase, show the confirmation, blank the Home tab. */
export function privacyDelete(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const counts = await deleteMyData(deps.db, teamId, body.user.id, deps.now(), erasureMessages);
    if (counts?.matchesEnded || counts?.requestsWithdrawn) deps.kickOutbox();
    deps.logger.info({ team: teamId, erased: counts !== null }, "a member deleted their data");
    if (body.view?.id) await client.views.update({ view_id: body.view.id, view: deletedModal() });
    else await client.views.open({ trigger_id: body.trigger_id, view: deletedModal() });
    await client.views.publish({ user_id: body.user.id, view: deletedHome() });
  };
}
