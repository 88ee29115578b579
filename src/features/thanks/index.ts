import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { THANKS } from "./ids.js";
import { countsClicked, shortlistClicked } from "./listeners/buttons.js";
import { thanksSubmitted } from "./listeners/submit.js";

/** Thank-yous: the thanks modal (from `/mentoring thanks`), the directors' counts and award shortlist. */
export function registerThanksListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(THANKS.actions.counts, countsClicked(deps));
  router.action(THANKS.actions.shortlist, shortlistClicked(deps));
  router.view(THANKS.views.thank, thanksSubmitted(deps));
}
