/**
 * Privacy, for everyone Rounds knows: "Your data in Rounds" shows all it keeps about the person
 * asking, and "Delete my data" erases it (the other side of a mentorship, and trainees waiting on a
 * request, are told). Reached from My data on the App Home and `/mentoring privacy`.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { privacyButton } from "./listeners/open.js";
import { privacyDelete } from "./listeners/delete.js";

export function registerPrivacyListeners(on: Interactions): void {
  privacyButton(on);
  privacyDelete(on);
}
