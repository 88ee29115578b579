import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import { findMentors } from "../findMentor.js";
import { reportFailure } from "../../../slack/failureReport.js";
import { findMentorReply } from "../views/cards.js";
import type { ListenerDeps } from "../../../slack/deps.js";

const moreValue = z.object({ page: z.number().int().min(1).max(1000), q: z.string().max(2000) });

/** "More" under the cards: the next page, in place of the message it was pressed in. */
export function findMentorMore(deps: ListenerDeps) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    try {
      const { page, q } = moreValue.parse(JSON.parse((action as ButtonAction).value ?? ""));
      const result = await findMentors(deps.db, deps.directory(client), teamId, body.user.id, { keywords: q, page }, deps.now(), deps.searchMentors);
      if (result.kind === "no_profile") throw new Error("profile disappeared between pages");
      await respond({ response_type: "ephemeral", replace_original: true, ...findMentorReply(result) });
    } catch (error) {
      await reportFailure(deps.logger, error, { team: teamId, user: body.user.id }, "findmentor_more", (text) => respond({ response_type: "ephemeral", replace_original: false, text }));
    }
  };
}
