import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { declineRequest } from "../requests.js";
import { DomainError } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { readMetadata, readNote } from "../views/form.js";
import { REQUEST_BLOCKS } from "../ids.js";
import { answeredMessage, requestMessages } from "../views/messages.js";
import { redrawRequestDms } from "../settledRequestDms.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import { submission } from "../../../slack/kit/submission.js";
import type { ListenerDeps } from "../../../slack/deps.js";

const metadata = z.object({ requestId: z.string().min(1), message: z.object({ channel: z.string(), ts: z.string() }).nullable() });

/** The decline modal's submit: request DECLINED with its private reason, trainee told kindly, the mentor's DM updated. */
export function declineSubmit(deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { teamId, userId, values } = submission(body);
    const meta = readMetadata(metadata, body.view.private_metadata);
    const reason = readNote(values, REQUEST_BLOCKS.reason);
    if (!reason.ok) return ack({ response_action: "errors", errors: reason.errors });
    try {
      const request = await declineRequest(deps.db, teamId, userId, meta?.requestId ?? "", reason.note, deps.now(), requestMessages);
      await ack();
      deps.kickOutbox();
      if (meta?.message) await client.chat.update({ ...meta.message, ...answeredMessage(request, "declined") } as Parameters<typeof client.chat.update>[0]);
      await redrawRequestDms(deps.db, client, deps.logger, [request], meta?.message ?? null);
      await refreshHomeQuietly(deps, client, teamId, userId);
      await refreshHomesSoon(deps, teamId, [request.trainee.slackUserId]);
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "decline failed");
      await ack({ response_action: "errors", errors: { [REQUEST_BLOCKS.reason]: errorText(error) } });
    }
  };
}
