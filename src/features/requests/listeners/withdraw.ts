import { withdrawRequest } from "../requests.js";
import { withdrawnMessage } from "../views/messages.js";
import { redrawRequestDms } from "../settledRequestDms.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { answering, buttonValue, teamOf, type ActionArgs } from "./context.js";

/** The trainee withdraws a pending request from their confirmation DM (or the App Home). */
export function withdrawAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client, respond } = args;
    await answering(deps, args, async () => {
      const request = await withdrawRequest(deps.db, teamOf(body), body.user.id, buttonValue(body), deps.now());
      if (body.response_url) await respond({ replace_original: true, ...withdrawnMessage(request) });
      await redrawRequestDms(deps.db, client, deps.logger, [request]);
      await refreshHomeQuietly(deps, client, teamOf(body), body.user.id);
      await refreshHomesSoon(deps, teamOf(body), [request.mentor.slackUserId]);
    });
  };
}
