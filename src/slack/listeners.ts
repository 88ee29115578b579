import type { App } from "@slack/bolt";
import type { ListenerDeps } from "./deps.js";
import { ListenerRouter } from "./router.js";
import { Interactions } from "./interaction/pipeline.js";
import { registerHomeListeners } from "../features/home/index.js";
import { registerAdminListeners } from "../features/programs/index.js";
import { registerProfileListeners } from "../features/profiles/index.js";
import { registerPrivacyListeners } from "../features/privacy/index.js";
import { registerFindMentorListeners } from "../features/findmentor/index.js";
import { registerRequestListeners } from "../features/requests/index.js";
import { registerCheckinListeners } from "../features/checkins/index.js";
import { registerGoalMeetingListeners } from "../features/goals-meetings/index.js";
import { registerAnnouncementListeners } from "../features/announcements/index.js";
import { registerThanksListeners } from "../features/thanks/index.js";
import { registerDashboardListeners } from "../features/dashboard-reports/index.js";
import { registerRoundListeners } from "../features/rounds/index.js";
import { registerInstallationListeners } from "../features/installations/index.js";
import { registerSurveyListeners } from "../features/surveys/index.js";
import { registerYearListeners } from "../features/year/index.js";
import { registerRoundTableListeners } from "../features/roundtables/index.js";
import { dedupeEvents } from "./dedupeDeliveries.js";

/** Registers every feature's listeners; returns the router they are on. */
export function registerListeners(app: App, deps: ListenerDeps): ListenerRouter {
  app.use(dedupeEvents(deps));
  const router = new ListenerRouter(app, deps.logger);
  const on = new Interactions(router, deps);
  registerHomeListeners(on);
  registerAdminListeners(on);
  registerProfileListeners(on);
  registerPrivacyListeners(on);
  registerRequestListeners(on);
  registerFindMentorListeners(on);
  registerCheckinListeners(on);
  registerGoalMeetingListeners(on);
  registerRoundListeners(on);
  registerRoundTableListeners(on);
  registerAnnouncementListeners(on);
  registerThanksListeners(on);
  registerDashboardListeners(on);
  registerInstallationListeners(on);
  registerSurveyListeners(on);
  registerYearListeners(on);
  return router;
}
