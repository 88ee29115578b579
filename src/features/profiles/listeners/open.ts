import { profileForm } from "../profiles.js";
import { availability, pause, resume } from "../availability.js";
import { myExclusions } from "../exclusions.js";
import { notEnrolledMessage } from "../../home/views/help.js";
import { profileModal } from "../views/profileModal.js";
import { noProfileRoleMessage } from "../views/profileMessages.js";
import { pausedMessage, pauseModal, resumedMessage } from "../views/availabilityViews.js";
import { exclusionsModal } from "../views/exclusionsModal.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { Interaction } from "../../../slack/interaction/pipeline.js";
import type { Answer } from "./answer.js";

/** The entry points shared by `/mentoring <subcommand>` (and /findmentor) and the App Home buttons. */

export async function openProfile(i: Interaction, answer: Answer): Promise<void> {
  const form = await profileForm(i.ctx, i.userId);
  if (form.kind === "not_enrolled") return answer.message(notEnrolledMessage(form.standing));
  if (form.kind === "no_profile_role") return answer.message(noProfileRoleMessage());
  await answer.modal(profileModal(form));
}

export async function openPause(i: Interaction, answer: Answer): Promise<void> {
  const { state, tz } = await availability(i.ctx, i.userId);
  await answer.modal(pauseModal(state, tz));
}

export async function pauseUntilDate(i: Interaction, answer: Answer, date: string): Promise<void> {
  const { state, tz } = await pause(i.ctx, i.userId, date);
  await answer.message(pausedMessage(state, tz));
  await refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId);
}

export async function resumeNow(i: Interaction, answer: Answer): Promise<void> {
  await resume(i.ctx, i.userId);
  await answer.message(resumedMessage());
  await refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId);
}

export async function openExclusions(i: Interaction, answer: Answer): Promise<void> {
  const excluded = await myExclusions(i.ctx, i.userId);
  await answer.modal(exclusionsModal(excluded));
}
