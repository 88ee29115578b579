import { withdrawRequest } from "../requests.js";
import { withdrawnMessage } from "../views/messages.js";
import { redrawRequestDms } from "../settledRequestDms.js";
import { refreshHomeQuietly, refreshHomesSoon } from "../../home/refreshHome.js";
import { RequestNotFound } from "../../../domain/errors.js";
import { REQUEST } from "../ids.js";
import type { ButtonInteraction, Interactions } from "../../../slack/interaction/pipeline.js";
import { noteOrModal } from "../../../slack/interaction/surfaces.js";

/** The trainee withdraws a pending request from their confirmation DM (or the App Home). */
export function withdrawAction(on: Interactions): void {
  for (const action of [REQUEST.withdraw, REQUEST.withdrawHome]) {
    on.button({ action, who: "anyone", when: "queued", errors: noteOrModal("Rounds"), label: "request action", invalid: (raw) => new RequestNotFound(raw) }, withdraw);
  }
}

async function withdraw(i: ButtonInteraction<string, "anyone">): Promise<void> {
  const request = await withdrawRequest(i.ctx, i.userId, i.value);
  if (i.args.body.response_url) await i.args.respond({ replace_original: true, ...withdrawnMessage(request) });
  await redrawRequestDms(i.deps.db, i.client, i.deps.logger, [request]);
  await refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId);
  await refreshHomesSoon(i.deps, i.teamId, [request.mentor.slackUserId]);
}
