import { chooseCadence } from "../matches.js";
import { MatchNotFound } from "../../../domain/errors.js";
import { requestMessages } from "../views/messages.js";
import { REQUEST } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { noteOrModal } from "../../../slack/interaction/surfaces.js";

/** A cadence button in the introduction: store the agreed rhythm and show it in the message. */
export function cadenceAction(on: Interactions): void {
  on.button({ action: REQUEST.cadence, who: "anyone", when: "queued", errors: noteOrModal("Rounds"), label: "request action", invalid: (raw) => new MatchNotFound(raw) }, async (i) => {
    const match = await chooseCadence(i.ctx, i.userId, i.value.matchId, i.value.cadence);
    if (i.message) await i.client.chat.update({ ...i.message, ...requestMessages.intro(match) } as Parameters<typeof i.client.chat.update>[0]);
  });
}
