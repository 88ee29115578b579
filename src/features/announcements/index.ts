import type { ListenerRouter } from "../../slack/router.js";
import type { ListenerDeps } from "../../slack/deps.js";
import { ANNOUNCE } from "./ids.js";
import { cancelClicked, composeClicked, editClicked, listClicked, retryClicked } from "./listeners/buttons.js";
import { backToEditClicked } from "./listeners/backToEdit.js";
import { botJoinedChannel } from "./listeners/memberJoined.js";
import { composeSubmitted } from "./listeners/composeSubmit.js";
import { previewSubmitted } from "./listeners/previewSubmit.js";

/** Cohort announcements: compose → preview → post or schedule; list, edit, cancel, try again; Rounds invited to a channel. */
export function registerAnnouncementListeners(router: ListenerRouter, deps: ListenerDeps): void {
  const a = ANNOUNCE.actions;
  router.action(new RegExp(`^${a.compose}(_home)?$`), composeClicked(deps));
  router.action(new RegExp(`^${a.list}(_home)?$`), listClicked(deps));
  router.action(a.backToEdit, backToEditClicked(deps));
  router.action(a.edit, editClicked(deps));
  router.action(a.cancel, cancelClicked(deps, "list"));
  router.action(a.retry, retryClicked(deps, "list"));
  router.action(a.cancelInvite, cancelClicked(deps, "invite"));
  router.action(a.retryInvite, retryClicked(deps, "invite"));
  router.view(ANNOUNCE.views.compose, composeSubmitted(deps));
  router.view(ANNOUNCE.views.preview, previewSubmitted(deps));
  router.event("member_joined_channel", botJoinedChannel(deps));
}
