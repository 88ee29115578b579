import { z } from "zod";
import { sayThanks, THANKS_MESSAGE_MAX } from "../thanks.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { THANK, THANKS, VALUE } from "../ids.js";
import { thanksMessages, thanksSentText } from "../views/views.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

const B = THANKS.blocks;
const schema = z.object({
  mentor: z.string({ error: "Pick the mentor you want to thank." }).regex(/^[UW][A-Z0-9]+$/, "Pick the mentor you want to thank."),
  message: z.string().trim().min(1, "Write a few words of thanks.").max(THANKS_MESSAGE_MAX, `Keep it to ${THANKS_MESSAGE_MAX} characters.`),
  shoutOut: z.boolean(),
});
const BLOCK_OF: Record<string, string> = { mentor: B.mentor, message: B.message, shoutOut: B.shoutOut };

/** The thanks modal's Send: inline errors (no one picked, no words, yourself, not your mentor), or sent and said so. */
export function thanksSubmit(on: Interactions): void {
  on.submit({ view: THANK.submit, who: "anyone", errors: B.mentor, label: "thanks" }, async (i) => {
    const el = (block: string) => i.values[block]?.[VALUE];
    const parsed = schema.safeParse({
      mentor: el(B.mentor)?.selected_user ?? undefined,
      message: el(B.message)?.value ?? "",
      shoutOut: (el(B.shoutOut)?.selected_options ?? []).some((o) => o.value === THANKS.shoutOutValue),
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[BLOCK_OF[String(issue.path[0])]!] ??= issue.message;
      return { errors };
    }
    const sent = await sayThanks({ ...i.ctx, messages: thanksMessages }, i.userId, { toSlackUserId: parsed.data.mentor, message: parsed.data.message, shoutOut: parsed.data.shoutOut });
    i.deps.kickOutbox();
    return { update: doneModal("Thanks sent", thanksSentText(sent)) };
  });
}
