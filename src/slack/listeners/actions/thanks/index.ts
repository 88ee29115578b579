import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { THANKS } from "../../../views/thanks/ids.js";
import { countsClicked, shortlistClicked } from "./buttons.js";
import { thanksSubmitted } from "../../views/thanks/submit.js";

/** Thank-yous: the thanks modal (from `/mentoring thanks`), the directors' counts and award shortlist. */
export function registerThanksListeners(app: App, deps: ListenerDeps): void {
  app.action(THANKS.actions.counts, countsClicked(deps));
  app.action(THANKS.actions.shortlist, shortlistClicked(deps));
  app.view(THANKS.views.thank, thanksSubmitted(deps));
}
