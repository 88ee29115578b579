import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { PROFILE_ACTIONS, PROFILE_CALLBACKS } from "../../../views/profile/ids.js";
import { homeAction } from "./homeAction.js";
import { openExclusions, openPause, openPrivacy, openProfile, resumeNow } from "./open.js";
import { privacyDelete } from "./privacyDelete.js";
import { profileSave } from "../../views/profile/profileSave.js";
import { pauseSave } from "../../views/profile/pauseSave.js";
import { exclusionsSave } from "../../views/profile/exclusionsSave.js";

/** Profile, availability, exclusions and privacy: Home buttons, in-modal buttons and modal submissions. */
export function registerProfileListeners(app: App, deps: ListenerDeps): void {
  app.action(PROFILE_ACTIONS.edit, homeAction(deps, openProfile));
  app.action(PROFILE_ACTIONS.pause, homeAction(deps, openPause));
  app.action(PROFILE_ACTIONS.resume, homeAction(deps, resumeNow));
  app.action(PROFILE_ACTIONS.privacy, homeAction(deps, openPrivacy));
  app.action(PROFILE_ACTIONS.exclusions, homeAction(deps, openExclusions));
  app.action(PROFILE_ACTIONS.privacyDelete, privacyDelete(deps));
  app.view(PROFILE_CALLBACKS.profile, profileSave(deps));
  app.view(PROFILE_CALLBACKS.pause, pauseSave(deps));
  app.view(PROFILE_CALLBACKS.exclusions, exclusionsSave(deps));
}
