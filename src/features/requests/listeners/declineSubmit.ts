import { declineRequest } from "../requests.js";
import { RequestNotFound } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { readNote } from "../views/form.js";
import { REQUEST_BLOCKS, REQUEST_VIEWS } from "../ids.js";
import { answeredMessage, requestMessages } from "../views/messages.js";
import { redrawRequestDms } from "../settledRequestDms.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** The decline modal's submit: request DECLINED with its private reason, trainee told kindly, the mentor's DM updated. */
export function declineSubmit(on: Interactions): void {
  const stale = errorText(new RequestNotFound(""));
  on.submit({ view: REQUEST_VIEWS.decline, who: "anyone", errors: REQUEST_BLOCKS.reason, stale, label: "decline" }, async (i) => {
    const reason = readNote(i.values, REQUEST_BLOCKS.reason);
    if (!reason.ok) return { errors: reason.errors };
    const { requestId, message } = i.metadata;
    const request = await declineRequest({ ...i.ctx, messages: requestMessages }, i.userId, requestId, reason.note);
    i.afterwards(async () => {
      i.deps.kickOutbox();
      if (message) await i.client.chat.update({ ...message, ...answeredMessage(request, "declined") } as Parameters<typeof i.client.chat.update>[0]);
      await redrawRequestDms(i.deps.db, i.client, i.deps.logger, [request], message);
      await refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId);
      await refreshHomesSoon(i.deps, i.teamId, [request.trainee.slackUserId]);
    });
  });
}
