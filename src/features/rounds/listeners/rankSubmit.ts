import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { submitRanking } from "../roundRankings.js";
import { DomainError } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { readMetadata } from "../../requests/views/form.js";
import { rankBlock } from "../ids.js";
import { readRanking } from "../views/roundForm.js";
import { rankSavedText } from "../views/rankModal.js";
import type { ListenerDeps } from "../../../slack/deps.js";

const metadata = z.object({ runId: z.string().min(1), places: z.number().int().min(0).max(100) });

/** The rank modal saved: a person chosen twice or nothing chosen is an inline error; else the list is stored. */
export function rankSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const meta = readMetadata(metadata, body.view.private_metadata);
    if (!meta) return ack({ response_action: "errors", errors: { [rankBlock(0)]: "This form is out of date; open the ranking again." } });
    const read = readRanking(body.view.state.values, meta.places);
    if (!read.ok) return ack({ response_action: "errors", errors: read.errors });
    try {
      const form = await submitRanking(deps.db, deps.directory(client), body.team?.id ?? body.user.team_id ?? "", body.user.id, meta.runId, read.ranks, deps.now());
      await ack({ response_action: "update", view: doneModal("Ranking saved", rankSavedText(form)) });
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error }, "saving a ranking failed");
      await ack({ response_action: "errors", errors: { [rankBlock(0)]: errorText(error) } });
    }
  };
}
