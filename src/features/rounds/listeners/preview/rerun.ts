import { proposeRun, previewOf } from "../../roundProposal.js";
import { labelOf } from "../../roundApproval.js";
import { previewMessage } from "../../views/preview.js";
import { directorButton } from "../../../programs/listeners/guard.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { runIdOf } from "./context.js";

/** Re-run: computes the proposal again from the current data (forgetting swaps and drops) and shows it in place. */
export function rerunAction(deps: ListenerDeps) {
  return directorButton(deps, async (by, args) => {
    const runId = runIdOf(args);
    const proposal = await proposeRun(deps.db, by.workspaceId, runId, deps.now());
    const { run } = await previewOf(deps.db, by.workspaceId, runId);
    await args.respond({ replace_original: true, ...previewMessage(labelOf(run), proposal, "Re-run: computed again from the current people, without earlier swaps and drops.") });
  });
}
