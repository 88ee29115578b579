/**
 * Profiles, for trainees and mentors: the profile a mentor is found by and a trainee is matched on,
 * pausing and resuming (mentors on leave are not suggested), and the confidential never-pair list.
 * Reached from the App Home's buttons and `/mentoring profile | pause | resume | exclusions`.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { profileButtons } from "./listeners/buttons.js";
import { profileSave } from "./listeners/profileSave.js";
import { pauseSave } from "./listeners/pauseSave.js";
import { exclusionsSave } from "./listeners/exclusionsSave.js";

export function registerProfileListeners(on: Interactions): void {
  profileButtons(on);
  profileSave(on);
  pauseSave(on);
  exclusionsSave(on);
}
