import { acceptRequest, type Payload } from "../../../../services/requests.js";
import { findRequest } from "../../../../store/requests.js";
import { RequestNoLongerPending } from "../../../../domain/errors.js";
import { answeredMessage, requestMessages } from "../../../views/requests/messages.js";
import { infoModal } from "../../../views/profile/message.js";
import { redrawRequestDms } from "../../../settledRequestDms.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../../refreshHome.js";
import type { ListenerDeps } from "../../deps.js";
import { answering, buttonValue, messageRef, teamOf, type ActionArgs } from "./context.js";

/**
 * The mentor accepts, from the request DM or their App Home: match (capacity-checked), a group DM
 * introduces the pair (queued with the match, sent by the outbox), and every DM about the request
 * shows the outcome instead of the buttons.
 * When their places are full, or this took the last one, the requests still waiting for them close:
 * the trainees are told at once (by the service, through the outbox) and those DMs are redrawn too.
 */
export function acceptAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client, respond } = args;
    const teamId = teamOf(body);
    const requestId = buttonValue(body);
    /** The answer to the click: in place of the clicked DM, or as a small modal over the Home tab. */
    const show = async (payload: Payload) => {
      if (body.response_url) await respond({ replace_original: true, ...payload });
      else await client.views.open({ trigger_id: body.trigger_id, view: infoModal("Request", payload) });
    };
    await answering(deps, args, async () => {
      let result;
      try {
        result = await acceptRequest(deps.db, teamId, body.user.id, requestId, deps.now(), requestMessages);
      } catch (error) {
        const request = await findRequest(deps.db, teamId, requestId);
        if (!request || !(error instanceof RequestNoLongerPending)) throw error;
        // A double click on Accept finds its own earlier answer: keep showing "accepted".
        const outcome = error.status === "ACCEPTED" ? "accepted" : error.status === "MENTOR_FULL" ? "full" : "gone";
        return void (await show(answeredMessage(request, outcome)));
      }
      const others = result.closed.filter((r) => r.id !== requestId);
      await show(answeredMessage(result.request, result.outcome, others.length));
      // The pair's introduction (and any trainees' "mentor full" notes) were queued with the match.
      deps.kickOutbox();
      await redrawRequestDms(deps.db, client, deps.logger, [result.request, ...others], messageRef(body));
      await refreshHomeQuietly(deps, client, teamId, result.request.mentor.slackUserId);
      await refreshHomesSoon(deps, teamId, [result.request, ...others].map((r) => r.trainee.slackUserId));
    });
  };
}
