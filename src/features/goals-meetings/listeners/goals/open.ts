import type { Interaction, Interactions } from "../../../../slack/interaction/pipeline.js";
import { openedModalOnly } from "../../../../slack/interaction/surfaces.js";
import { GOAL } from "../../ids.js";
import { goalsView } from "./refresh.js";

/** `/mentoring goals`: your goals (and your mentees') in a modal, opened on the command's trigger. */
export async function openGoals(i: Pick<Interaction, "ctx" | "client" | "userId">, triggerId: string): Promise<void> {
  await i.client.views.open({ trigger_id: triggerId, view: await goalsView(i) });
}

/** The App Home's "Goals": the modal opens at once and fills in with the goals. */
export function goalsButton(on: Interactions): void {
  on.button({ action: GOAL.open, who: "anyone", when: "queued", errors: openedModalOnly, opensModal: { title: "Goals" }, label: "goals" }, async (i) => {
    const view = await goalsView(i);
    if (i.modal) await i.client.views.update({ view_id: i.modal.id, view });
  });
}
