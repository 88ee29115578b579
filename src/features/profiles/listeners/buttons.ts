import { PROFILE } from "../ids.js";
import type { ButtonInteraction, Interaction, Interactions } from "../../../slack/interaction/pipeline.js";
import { openedModalOnly } from "../../../slack/interaction/surfaces.js";
import { buttonAnswer, type Answer } from "./answer.js";
import { openExclusions, openPause, openProfile, resumeNow } from "./open.js";

/**
 * The profile buttons (App Home, and "Edit profile" in a few DMs): a modal opens at once, before
 * any query, and becomes the form (or the short note: not enrolled, resumed, or why not).
 */
export function profileButtons(on: Interactions): void {
  const entries: [typeof PROFILE[keyof typeof PROFILE], (i: Interaction, a: Answer) => Promise<void>][] = [
    [PROFILE.edit, openProfile],
    [PROFILE.pause, openPause],
    [PROFILE.resume, resumeNow],
    [PROFILE.exclusions, openExclusions],
  ];
  for (const [action, run] of entries) {
    on.button({ action, who: "anyone", when: "queued", errors: openedModalOnly, label: "profile action", opensModal: { title: "Rounds" } }, (i: ButtonInteraction<void, "anyone">) =>
      run(i, buttonAnswer(i)),
    );
  }
}
