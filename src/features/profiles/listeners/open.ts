import { profileForm } from "../profiles.js";
import { availability, pause, resume } from "../availability.js";
import { myExclusions } from "../exclusions.js";
import { privacyReport } from "../../privacy/privacy.js";
import { notEnrolledMessage } from "../../home/views/help.js";
import { profileModal } from "../views/profileModal.js";
import { noProfileRoleMessage } from "../views/profileMessages.js";
import { pausedMessage, pauseModal, resumedMessage } from "../views/availabilityViews.js";
import { exclusionsModal } from "../views/exclusionsModal.js";
import { privacyModal } from "../../privacy/views/privacyViews.js";
import { answering, type Asker } from "./context.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";

/** The entry points shared by `/mentoring <subcommand>` and the App Home buttons. */

export const openProfile = (a: Asker) =>
  answering(a, async () => {
    const form = await profileForm(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, a.deps.now());
    if (form.kind === "not_enrolled") return a.reply(notEnrolledMessage(form.standing));
    if (form.kind === "no_profile_role") return a.reply(noProfileRoleMessage());
    await a.client.views.open({ trigger_id: a.triggerId, view: profileModal(form) });
  });

export const openPause = (a: Asker) =>
  answering(a, async () => {
    const { state, tz } = await availability(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, a.deps.now());
    await a.client.views.open({ trigger_id: a.triggerId, view: pauseModal(state, tz) });
  });

export const pauseUntilDate = (a: Asker, date: string) =>
  answering(a, async () => {
    const { state, tz } = await pause(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, date, a.deps.now());
    await a.reply(pausedMessage(state, tz));
    await refreshHomeQuietly(a.deps, a.client, a.teamId, a.userId);
  });

export const resumeNow = (a: Asker) =>
  answering(a, async () => {
    await resume(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, a.deps.now());
    await a.reply(resumedMessage());
    await refreshHomeQuietly(a.deps, a.client, a.teamId, a.userId);
  });

export const openExclusions = (a: Asker) =>
  answering(a, async () => {
    const excluded = await myExclusions(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, a.deps.now());
    await a.client.views.open({ trigger_id: a.triggerId, view: exclusionsModal(excluded) });
  });

export const openPrivacy = (a: Asker) =>
  answering(a, async () => {
    const report = await privacyReport(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, a.deps.now());
    await a.client.views.open({ trigger_id: a.triggerId, view: privacyModal(report) });
  });
