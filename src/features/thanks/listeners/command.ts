import { sayThanks } from "../thanks.js";
import { thanksMessages, thanksModal, thanksSentText } from "../views/views.js";
import { message } from "../../../slack/kit/message.js";
import type { Interaction } from "../../../slack/interaction/pipeline.js";
import type { Answer } from "../../profiles/listeners/answer.js";
import { parseThanksText } from "./parse.js";

/**
 * `/mentoring thanks @mentor message`: sent at once when both are there (and said so); otherwise
 * the thanks modal opens with what was given.
 */
export async function thanksCommand(i: Pick<Interaction, "deps" | "ctx" | "userId">, answer: Answer, text: string): Promise<void> {
  const parsed = parseThanksText(text);
  if (!parsed.mentor || !parsed.message) return answer.modal(thanksModal(parsed));
  const sent = await sayThanks({ ...i.ctx, messages: thanksMessages }, i.userId, { toSlackUserId: parsed.mentor, message: parsed.message, shoutOut: false });
  i.deps.kickOutbox();
  const words = thanksSentText(sent);
  await answer.message(message(words, words));
}
