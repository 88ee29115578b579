import { sayThanks } from "../thanks.js";
import { thanksMessages, thanksModal, thanksSentText } from "../views/views.js";
import { message } from "../../../slack/kit/message.js";
import { answering, type Asker } from "../../profiles/listeners/context.js";
import { parseThanksText } from "./parse.js";

/**
 * `/mentoring thanks @mentor message`: sent at once when both are there; otherwise the thanks
 * modal opens with what was given.
 */
export async function thanksCommand(a: Asker, text: string): Promise<void> {
  const parsed = parseThanksText(text);
  await answering(a, async () => {
    if (!parsed.mentor || !parsed.message) {
      await a.client.views.open({ trigger_id: a.triggerId, view: thanksModal(parsed) });
      return;
    }
    const sent = await sayThanks(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, { toSlackUserId: parsed.mentor, message: parsed.message, shoutOut: false }, a.deps.now(), thanksMessages);
    a.deps.kickOutbox();
    const words = thanksSentText(sent);
    await a.reply(message(words, words));
  });
}
