/**
 * Cohort announcements, for program directors: compose → preview (exactly as it will be posted) →
 * post now or schedule, to a program's channel (and, if asked, each member's DM); the list, with
 * edit, cancel and try again; and, when Rounds is invited to a channel, the posts waiting for it.
 * The announcements job (jobs/announcements.ts) hands scheduled ones to the outbox when due.
 */
import type { Interactions } from "../../slack/interaction/pipeline.js";
import { announcementButtons } from "./listeners/buttons.js";
import { backToEditButton } from "./listeners/backToEdit.js";
import { botJoinedChannel } from "./listeners/memberJoined.js";
import { composeSubmit } from "./listeners/composeSubmit.js";
import { previewSubmit } from "./listeners/previewSubmit.js";

export function registerAnnouncementListeners(on: Interactions): void {
  announcementButtons(on);
  backToEditButton(on);
  composeSubmit(on);
  previewSubmit(on);
  botJoinedChannel(on);
}
