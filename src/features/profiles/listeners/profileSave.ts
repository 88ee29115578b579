import { saveProfileForm } from "../profiles.js";
import { profileErrors, readProfileForm, readProfileGoals } from "../views/profileForm.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import { PROFILE_VIEWS } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** The profile modal's Save: inline errors and nothing saved, or saved and closed. */
export function profileSave(on: Interactions): void {
  on.submit({ view: PROFILE_VIEWS.profile, who: "anyone", errors: () => undefined, label: "profile save" }, async (i) => {
    const { sections } = i.metadata;
    const input = readProfileForm(i.values, sections);
    const result = await saveProfileForm(i.ctx, i.userId, sections, input, readProfileGoals(i.values, sections));
    if (!result.ok) return { errors: profileErrors(result.issues) };
    i.afterwards(() => refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId));
  });
}
