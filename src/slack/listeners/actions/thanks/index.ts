import type { ListenerRouter } from "../../router.js";
import type { ListenerDeps } from "../../deps.js";
import { THANKS } from "../../../views/thanks/ids.js";
import { countsClicked, shortlistClicked } from "./buttons.js";
import { thanksSubmitted } from "../../views/thanks/submit.js";

/** Thank-yous: the thanks modal (from `/mentoring thanks`), the directors' counts and award shortlist. */
export function registerThanksListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(THANKS.actions.counts, countsClicked(deps));
  router.action(THANKS.actions.shortlist, shortlistClicked(deps));
  router.view(THANKS.views.thank, thanksSubmitted(deps));
}
