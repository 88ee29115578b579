/**
 * Thank-yous: a trainee thanks a mentor (`/mentoring thanks`, or its modal) by DM, optionally with a
 * shout-out in the program's channel; directors see the counts per mentor and get an award
 * shortlist as a CSV.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { thanksButtons } from "./listeners/buttons.js";
import { thanksSubmit } from "./listeners/submit.js";

export function registerThanksListeners(on: Interactions): void {
  thanksButtons(on);
  thanksSubmit(on);
}
