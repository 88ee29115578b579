import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { saveProfileForm } from "../profiles.js";
import { profileErrors, profileMetadata, readProfileForm, readProfileGoals } from "../views/profileForm.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { submission } from "../../../slack/kit/submission.js";

/** The profile modal's Save: inline errors and nothing saved, or saved and closed. */
export function profileSave(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const { sections } = profileMetadata(body.view.private_metadata);
    const input = readProfileForm(values, sections);
    const result = await saveProfileForm(deps.db, deps.directory(client), teamId, userId, sections, input, readProfileGoals(values, sections), deps.now());
    if (!result.ok) return ack({ response_action: "errors", errors: profileErrors(result.issues) });
    await ack();
    await refreshHomeQuietly(deps, client, teamId, userId);
  };
}
