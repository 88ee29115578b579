import { acceptRequest, requestById, type Payload } from "../requests.js";
import { RequestNoLongerPending, RequestNotFound } from "../../../domain/errors.js";
import { answeredMessage, requestMessages } from "../views/messages.js";
import { infoModal } from "../../../slack/kit/message.js";
import { redrawRequestDms } from "../settledRequestDms.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import { REQUEST } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { noteOrModal } from "../../../slack/interaction/surfaces.js";

/**
 * The mentor accepts, from the request DM or their App Home: match (capacity-checked), a group DM
 * introduces the pair (queued with the match, sent by the outbox), and every DM about the request
 * shows the outcome instead of the buttons.
 * When their places are full, or this took the last one, the requests still waiting for them close:
 * the trainees are told at once (by the service, through the outbox) and those DMs are redrawn too.
 * Inline: from the Home tab the answer is a small modal on the click's fresh trigger.
 */
export function acceptAction(on: Interactions): void {
  on.button({ action: REQUEST.accept, who: "anyone", when: "inline", errors: noteOrModal("Rounds"), label: "request action", invalid: (raw) => new RequestNotFound(raw) }, async (i) => {
    const { deps, client, teamId, args } = i;
    const { body, respond } = args;
    const requestId = i.value;
    const ctx = { ...i.ctx, messages: requestMessages };
    /** The answer to the click: in place of the clicked DM, or as a small modal over the Home tab. */
    const show = async (payload: Payload) => {
      if (body.response_url) await respond({ replace_original: true, ...payload });
      else await client.views.open({ trigger_id: body.trigger_id, view: infoModal("Request", payload) });
    };
    let result;
    try {
      result = await acceptRequest(ctx, i.userId, requestId);
    } catch (error) {
      const request = await requestById(ctx, requestId);
      if (!request || !(error instanceof RequestNoLongerPending)) throw error;
      // A double click on Accept finds its own earlier answer: keep showing "accepted".
      const outcome = error.status === "ACCEPTED" ? "accepted" : error.status === "MENTOR_FULL" ? "full" : "gone";
      return void (await show(answeredMessage(request, outcome)));
    }
    const others = result.closed.filter((r) => r.id !== requestId);
    await show(answeredMessage(result.request, result.outcome, others.length));
    // The pair's introduction (and any trainees' "mentor full" notes) were queued with the match.
    deps.kickOutbox();
    await redrawRequestDms(deps.db, client, deps.logger, [result.request, ...others], i.message);
    await refreshHomeQuietly(deps, client, teamId, result.request.mentor.slackUserId);
    await refreshHomesSoon(deps, teamId, [result.request, ...others].map((r) => r.trainee.slackUserId));
  });
}
