import { goalsBoard } from "../../goals.js";
import { goalsModal } from "../../views/goals/goalsModal.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import type { Interaction } from "../../../../slack/interaction/pipeline.js";

type Who = Pick<Interaction, "deps" | "client" | "ctx" | "logger" | "teamId" | "userId">;

/** The goals modal, with the person's goals (and their mentees'). */
export async function goalsView(i: Pick<Interaction, "ctx" | "userId">) {
  const board = await goalsBoard(i.ctx, i.userId);
  return goalsModal(board, board.tz);
}

/** Re-renders the goals modal `viewId` (when there is one) with the person's current goals. */
export async function refreshGoalsList(i: Who, viewId: string | null | undefined): Promise<void> {
  if (!viewId) return;
  try {
    await i.client.views.update({ view_id: viewId, view: await goalsView(i) });
  } catch (error) {
    i.logger.warn({ err: error }, "refreshing the goals modal failed");
  }
}

/** After a goal changed: the goals modal `viewId` re-rendered in place, and the person's Home tab. */
export async function afterGoalChange(i: Who, viewId: string | null | undefined): Promise<void> {
  await refreshGoalsList(i, viewId);
  await refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId);
}
