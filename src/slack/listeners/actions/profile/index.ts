import type { ListenerRouter } from "../../router.js";
import type { ListenerDeps } from "../../deps.js";
import { PROFILE_ACTIONS, PROFILE_CALLBACKS } from "../../../views/profile/ids.js";
import { homeAction } from "./homeAction.js";
import { openExclusions, openPause, openPrivacy, openProfile, resumeNow } from "./open.js";
import { privacyDelete } from "./privacyDelete.js";
import { profileSave } from "../../views/profile/profileSave.js";
import { pauseSave } from "../../views/profile/pauseSave.js";
import { exclusionsSave } from "../../views/profile/exclusionsSave.js";

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
