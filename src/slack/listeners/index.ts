import type { App } from "@slack/bolt";
import type { ListenerDeps } from "./deps.js";
import { ListenerRouter } from "./router.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerAdminListeners } from "./actions/admin/index.js";
import { registerProfileListeners } from "./actions/profile/index.js";
import { registerFindMentorListeners } from "./actions/findmentor/index.js";
import { registerRequestListeners } from "./actions/requests/index.js";
import { registerCheckinListeners } from "./actions/checkins/index.js";
import { registerGoalMeetingListeners } from "./actions/meetings/index.js";
import { registerRoundPreviewListeners } from "./actions/roundPreview/index.js";
import { registerAnnouncementListeners } from "./actions/announcements/index.js";
import { registerThanksListeners } from "./actions/thanks/index.js";
import { registerDashboardListeners } from "./actions/dashboard/index.js";
import { registerRoundListeners } from "./actions/rounds/index.js";
import { dedupeEvents } from "./middleware/dedupeDeliveries.js";

/** Registers every feature's listeners; returns the router they are on. */
export function registerListeners(app: App, deps: ListenerDeps): ListenerRouter {
  app.use(dedupeEvents(deps));
  const router = new ListenerRouter(app, deps.logger);
  registerCommands(router, deps);
  registerEvents(router, deps);
  registerAdminListeners(router, deps);
  registerProfileListeners(router, deps);
  registerRequestListeners(router, deps);
  registerFindMentorListeners(router, deps);
  registerCheckinListeners(router, deps);
  registerGoalMeetingListeners(router, deps);
  registerRoundPreviewListeners(router, deps);
  registerRoundListeners(router, deps);
  registerAnnouncementListeners(router, deps);
  registerThanksListeners(router, deps);
  registerDashboardListeners(router, deps);
  return router;
}
