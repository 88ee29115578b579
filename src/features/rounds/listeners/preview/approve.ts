import { approveRun, labelOf } from "../../roundApproval.js";
import { approvedMessage, previewMessage, STALE_APPROVE } from "../../views/preview.js";
import { roundMessages } from "../../views/previewMessages.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../../home/refreshHome.js";
import type { ListenerDeps } from "../../../../slack/deps.js";
import { PREVIEW } from "../../previewIds.js";
import { previewOf } from "../../roundProposal.js";
import { RoundProposalChanged } from "../../../../domain/errors.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../../slack/interaction/surfaces.js";

/**
 * Approve (idempotent): matches or groups created once, the preview turned into the outcome in place,
 * the introductions (group DMs, queued with the approval) go out through the outbox, and everyone's
 * App Home is refreshed.
 */
export function approveAction(on: Interactions): void {
  on.button({ action: PREVIEW.approve, who: "director", when: "queued", errors: whereClicked, label: "admin action" }, async (i) => {
    const { deps, by, args } = i;
    const { runId, version } = i.value;
    let approval;
    try {
      approval = await approveRun({ ...i.ctx, messages: roundMessages }, by, runId, version);
    } catch (error) {
      if (!(error instanceof RoundProposalChanged)) throw error;
      // The message showed an older proposal: nothing was approved. Show the current one in its place, saying so.
      deps.logger.info({ team: by.workspaceId, user: by.actor, run: runId }, "approve refused: the proposal changed since this preview was shown");
      await args.respond({ replace_original: true, ...(await currentPreview(deps, by.workspaceId, runId)) });
      return;
    }
    const { outcome, run, proposal } = approval;
    await args.respond({ replace_original: true, ...approvedMessage(labelOf(run), proposal, run.approvedById) });
    if (outcome !== "approved") return;
    // The introductions were queued with the approval: the outbox opens the group DMs and posts them.
    deps.kickOutbox();
    const people = new Set([...proposal.pairs.flatMap((p) => [p.trainee, p.mentor]), ...proposal.groups.flatMap((g) => g.members)]);
    await refreshHomesSoon(deps, by.workspaceId, [...people].map((id) => proposal.people[id]?.slackUserId ?? ""));
    await refreshHomeQuietly(deps, args.client, by.workspaceId, by.actor);
  });
}

async function currentPreview(deps: ListenerDeps, workspaceId: string, runId: string) {
  const { run, proposal } = await previewOf(deps.db, workspaceId, runId);
  return previewMessage(labelOf(run), proposal!, STALE_APPROVE);
}
