import { acceptRequest, introduce } from "../../../../services/requests.js";
import { findRequest } from "../../../../store/requests.js";
import { MentorAtCapacity, RequestNoLongerPending } from "../../../../domain/errors.js";
import { answeredMessage, requestMessages } from "../../../views/requests/messages.js";
import { refreshHomeQuietly } from "../../../refreshHome.js";
import type { ListenerDeps } from "../../deps.js";
import { answering, buttonValue, teamOf, type ActionArgs } from "./context.js";

/** The mentor accepts: match (capacity-checked), their DM updated, a group DM introduces the pair. */
export function acceptAction(deps: ListenerDeps) {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client, respond } = args;
    const teamId = teamOf(body);
    const requestId = buttonValue(body);
    await answering(deps, args, async () => {
      let match;
      try {
        match = await acceptRequest(deps.db, teamId, body.user.id, requestId, deps.now());
      } catch (error) {
        const request = await findRequest(deps.db, teamId, requestId);
        if (!request || !(error instanceof RequestNoLongerPending || error instanceof MentorAtCapacity)) throw error;
        // A double click on Accept finds its own earlier answer: keep showing "accepted".
        const outcome = error instanceof MentorAtCapacity ? "full" : error.status === "ACCEPTED" ? "accepted" : "gone";
        return void (await respond({ replace_original: true, ...answeredMessage(request, outcome, error instanceof RequestNoLongerPending ? error.status : undefined) }));
      }
      const request = (await findRequest(deps.db, teamId, requestId))!;
      await respond({ replace_original: true, ...answeredMessage(request, "accepted") });
      try {
        const opened = await client.conversations.open({ users: `${match.trainee.slackUserId},${match.mentor.slackUserId}` });
        await introduce(deps.db, match, opened.channel!.id!, deps.now(), requestMessages);
        deps.kickOutbox();
      } catch (error) {
        // The match stands; the match-intros job introduces the pair within minutes.
        deps.logger.warn({ err: error, team: teamId, match: match.id }, "introduction failed; left to the match-intros job");
      }
      await refreshHomeQuietly(deps, client, teamId, match.mentor.slackUserId);
      await refreshHomeQuietly(deps, client, teamId, match.trainee.slackUserId);
    });
  };
}
