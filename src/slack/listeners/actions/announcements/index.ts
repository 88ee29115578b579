import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.js";
import { ANNOUNCE } from "../../../views/announcements/ids.js";
import { cancelClicked, composeClicked, editClicked, listClicked, retryClicked } from "./buttons.js";
import { backToEditClicked } from "./backToEdit.js";
import { botJoinedChannel } from "./memberJoined.js";
import { composeSubmitted } from "../../views/announcements/composeSubmit.js";
import { previewSubmitted } from "../../views/announcements/previewSubmit.js";

/** Cohort announcements: compose → preview → post or schedule; list, edit, cancel, try again; Rounds invited to a channel. */
export function registerAnnouncementListeners(app: App, deps: ListenerDeps): void {
  const a = ANNOUNCE.actions;
  app.action(new RegExp(`^${a.compose}(_home)?$`), composeClicked(deps));
  app.action(new RegExp(`^${a.list}(_home)?$`), listClicked(deps));
  app.action(a.backToEdit, backToEditClicked(deps));
  app.action(a.edit, editClicked(deps));
  app.action(a.cancel, cancelClicked(deps));
  app.action(a.retry, retryClicked(deps));
  app.view(ANNOUNCE.views.compose, composeSubmitted(deps));
  app.view(ANNOUNCE.views.preview, previewSubmitted(deps));
  app.event("member_joined_channel", botJoinedChannel(deps));
}
