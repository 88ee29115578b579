import { sayThanks } from "../thanks.js";
import { thanksMessages, thanksModal, thanksSentText } from "../views/views.js";
import { message, type SlackMessage } from "../../../slack/kit/message.js";
import type { Interaction } from "../../../slack/interaction/pipeline.js";
import { parseThanksText } from "./parse.js";

/**
 * `/mentoring thanks @mentor message`: sent at once when both are there (and said so through
 * `reply`); otherwise the thanks modal opens on the command's trigger with what was given.
 */
export async function thanksCommand(i: Pick<Interaction, "deps" | "ctx" | "client" | "userId">, triggerId: string, reply: (m: SlackMessage) => Promise<void>, text: string): Promise<void> {
  const parsed = parseThanksText(text);
  if (!parsed.mentor || !parsed.message) {
    await i.client.views.open({ trigger_id: triggerId, view: thanksModal(parsed) });
    return;
  }
  const sent = await sayThanks({ ...i.ctx, messages: thanksMessages }, i.userId, { toSlackUserId: parsed.mentor, message: parsed.message, shoutOut: false });
  i.deps.kickOutbox();
  const words = thanksSentText(sent);
  await reply(message(words, words));
}
