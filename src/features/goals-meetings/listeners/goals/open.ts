import type { Interaction, Interactions } from "../../../../slack/interaction/pipeline.js";
import { openedModalOnly } from "../../../../slack/interaction/surfaces.js";
import { buttonAnswer, type Answer } from "../../../profiles/listeners/answer.js";
import { GOAL } from "../../ids.js";
import { goalsView } from "./refresh.js";

/** `/mentoring goals` and the App Home's "Goals": your goals (and your mentees') in a modal. */
export async function openGoals(i: Pick<Interaction, "ctx" | "userId">, answer: Answer): Promise<void> {
  await answer.modal(await goalsView(i));
}

/** The App Home's "Goals": the modal opens at once and fills in with the goals. */
export function goalsButton(on: Interactions): void {
  on.button({ action: GOAL.open, who: "anyone", when: "queued", errors: openedModalOnly, opensModal: { title: "Goals" }, label: "goals" }, (i) => openGoals(i, buttonAnswer(i)));
}
