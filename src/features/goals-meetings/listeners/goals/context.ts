import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { goalsBoard } from "../../goals.js";
import { reportFailure } from "../../../../slack/failureReport.js";
import { goalsModal } from "../../views/goals/goalsModal.js";
import { infoModal, message } from "../../../../slack/kit/message.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export const teamOf = (body: BlockAction): string => body.team?.id ?? body.user.team_id ?? "";

/** The clicked button's value, or the chosen overflow option's ("" when none). */
export function buttonValue(body: BlockAction): string {
  const action = body.actions[0] as { value?: unknown; selected_option?: { value?: unknown } } | undefined;
  const value = action?.selected_option?.value ?? action?.value;
  return typeof value === "string" ? value : "";
}

/** Runs a goals action; a failure is shown in a small modal stacked on the goals modal (or opened, from elsewhere). */
export async function inGoals(deps: ListenerDeps, args: ActionArgs, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await reportFailure(deps.logger, error, { team: teamOf(args.body), user: args.body.user.id }, "goals action", async (text) => {
      const view = infoModal("Goals", message(text, text));
      if (args.body.view?.type === "modal") await args.client.views.push({ trigger_id: args.body.trigger_id, view });
      else await args.client.views.open({ trigger_id: args.body.trigger_id, view });
    });
  }
}

/** Re-renders the goals modal `viewId` (when there is one) with the person's current goals. */
export async function refreshGoalsList(deps: ListenerDeps, client: WebClient, teamId: string, userId: string, viewId: string | null | undefined): Promise<void> {
  if (!viewId) return;
  try {
    const board = await goalsBoard(deps.db, deps.directory(client), teamId, userId, deps.now());
    await client.views.update({ view_id: viewId, view: goalsModal(board, board.tz) });
  } catch (error) {
    deps.logger.warn({ err: error, team: teamId, user: userId }, "refreshing the goals modal failed");
  }
}

/** After a change made from the goals modal: the modal re-rendered in place, and the Home tab. */
export async function afterGoalChange(deps: ListenerDeps, args: ActionArgs): Promise<void> {
  const teamId = teamOf(args.body);
  await refreshGoalsList(deps, args.client, teamId, args.body.user.id, args.body.view?.id);
  await refreshHomeQuietly(deps, args.client, teamId, args.body.user.id);
}
