import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { editProposal } from "../../roundProposal.js";
import { labelOf } from "../../roundApproval.js";
import { requireDirector } from "../../../programs/directors.js";
import { findRun } from "../../../../store/roundRuns.js";
import { DomainError } from "../../../../domain/errors.js";
import type { RoundProposal } from "../../../../domain/roundProposal.js";
import { errorText } from "../../../../slack/errorText.js";
import { previewMessage } from "../../views/preview.js";
import { editProblemText, readDrop, readPreviewMetadata, readSwap } from "../../views/previewModals.js";
import { PREVIEW_BLOCKS } from "../../previewIds.js";
import { submission } from "../../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../../slack/deps.js";

/**
 * The swap and drop modals' submit: re-checked by the service against the current data; a broken
 * rule is answered inline in the modal; otherwise the modal closes at once and the preview updates
 * in place when the proposal has been re-measured (which may take a few seconds for a large round).
 */
export function editSubmit(deps: ListenerDeps, which: "swap" | "drop") {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const field = which === "swap" ? PREVIEW_BLOCKS.pair : PREVIEW_BLOCKS.target;
    const meta = readPreviewMetadata(body.view.private_metadata);
    if (!meta) return ack({ response_action: "errors", errors: { [field]: "This form is out of date; close it and use the preview's buttons again." } });
    const form = which === "swap" ? readSwap(values) : readDrop(values);
    if (!form.ok) return ack({ response_action: "errors", errors: form.errors });
    let acked = false;
    const answer = async (response?: Parameters<typeof ack>[0]) => {
      if (acked) return;
      acked = true;
      await ack(response);
    };
    const refuse = async (text: string) => {
      if (!acked) return answer({ response_action: "errors", errors: { [field]: text } });
      await client.chat.postEphemeral({ channel: meta.channel, user: userId, text });
    };
    try {
      const by = await requireDirector(deps.db, deps.directory(client), teamId, userId, deps.now());
      // The rules are checked before the modal closes; re-measuring a large round happens after.
      const result = await editProposal(deps.db, by.workspaceId, meta.runId, form.edit, deps.now(), () => answer());
      const run = (await findRun(deps.db, teamId, meta.runId))!;
      if (!result.ok) return refuse(editProblemText(result.problem, run.proposal as RoundProposal, result.trainee, result.mentor));
      const notice = form.edit.kind === "drop" ? "Dropped." : form.edit.kind === "swap" ? "Mentors exchanged." : "Trainee moved.";
      await client.chat.update({ channel: meta.channel, ts: meta.ts, ...previewMessage(labelOf(run), result.proposal, notice) });
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "round preview edit failed");
      await refuse(errorText(error));
    }
  };
}
