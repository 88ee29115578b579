import { goalsBoard } from "../../goals.js";
import { goalsModal } from "../../views/goals/goalsModal.js";
import { answering, type Asker } from "../../../profiles/listeners/context.js";

/** `/mentoring goals` and the App Home's "Goals": your goals (and your mentees') in a modal. */
export const openGoals = (a: Asker) =>
  answering(a, async () => {
    const board = await goalsBoard(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, a.deps.now());
    await a.client.views.open({ trigger_id: a.triggerId, view: goalsModal(board, board.tz) });
  });
