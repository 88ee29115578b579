import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { PROFILE_ACTIONS, PROFILE_CALLBACKS } from "./ids.js";
import { homeAction } from "./listeners/homeAction.js";
import { openExclusions, openPause, openPrivacy, openProfile, resumeNow } from "./listeners/open.js";
import { privacyDelete } from "../privacy/listeners/delete.js";
import { profileSave } from "./listeners/profileSave.js";
import { pauseSave } from "./listeners/pauseSave.js";
import { exclusionsSave } from "./listeners/exclusionsSave.js";

/** Profile, availability, exclusions and privacy: Home buttons, in-modal buttons and modal submissions. */
export function registerProfileListeners(router: ListenerRouter, deps: ListenerDeps): void {
  router.action(PROFILE_ACTIONS.edit, homeAction(deps, openProfile));
  router.action(PROFILE_ACTIONS.pause, homeAction(deps, openPause));
  router.action(PROFILE_ACTIONS.resume, homeAction(deps, resumeNow));
  router.action(PROFILE_ACTIONS.privacy, homeAction(deps, openPrivacy));
  router.action(PROFILE_ACTIONS.exclusions, homeAction(deps, openExclusions));
  router.action(PROFILE_ACTIONS.privacyDelete, privacyDelete(deps));
  router.view(PROFILE_CALLBACKS.profile, profileSave(deps));
  router.view(PROFILE_CALLBACKS.pause, pauseSave(deps));
  router.view(PROFILE_CALLBACKS.exclusions, exclusionsSave(deps));
}
