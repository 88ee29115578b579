import type { App } from "@slack/bolt";
import type { ListenerDeps } from "./deps.js";
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

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(dedupeEvents(deps));
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerAdminListeners(app, deps);
  registerProfileListeners(app, deps);
  registerRequestListeners(app, deps);
  registerFindMentorListeners(app, deps);
  registerCheckinListeners(app, deps);
  registerGoalMeetingListeners(app, deps);
  registerRoundPreviewListeners(app, deps);
  registerRoundListeners(app, deps);
  registerAnnouncementListeners(app, deps);
  registerThanksListeners(app, deps);
  registerDashboardListeners(app, deps);
}
