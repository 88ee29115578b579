import { privacyReport } from "../privacy.js";
import { privacyModal } from "../views/privacyViews.js";
import { PRIVACY } from "../ids.js";
import type { Interaction, Interactions } from "../../../slack/interaction/pipeline.js";
import { openedModalOnly } from "../../../slack/interaction/surfaces.js";
import { buttonAnswer, type Answer } from "../../profiles/listeners/answer.js";

/** "Your data in Rounds": everything Rounds keeps about the person asking (`/mentoring privacy`, or My data on the Home). */
export async function openPrivacy(i: Interaction, answer: Answer): Promise<void> {
  const report = await privacyReport(i.ctx, i.userId);
  await answer.modal(privacyModal(report));
}

/** My data on the App Home: the modal opens at once and fills in with the report. */
export function privacyButton(on: Interactions): void {
  on.button({ action: PRIVACY.open, who: "anyone", when: "queued", errors: openedModalOnly, label: "profile action", opensModal: { title: "Rounds" } }, (i) => openPrivacy(i, buttonAnswer(i)));
}
