import { z } from "zod";
import { sayThanks, THANKS_MESSAGE_MAX } from "../thanks.js";
import { DomainError } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { formState } from "../../announcements/views/form.js";
import { THANKS, VALUE } from "../ids.js";
import { thanksMessages, thanksSentText } from "../views/views.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { SubmitArgs } from "../../programs/listeners/submit.js";

const B = THANKS.blocks;
const schema = z.object({
  mentor: z.string({ error: "Pick the mentor you want to thank." }).regex(/^[UW][A-Z0-9]+$/, "Pick the mentor you want to thank."),
  message: z.string().trim().min(1, "Write a few words of thanks.").max(THANKS_MESSAGE_MAX, `Keep it to ${THANKS_MESSAGE_MAX} characters.`),
  shoutOut: z.boolean(),
});
const BLOCK_OF: Record<string, string> = { mentor: B.mentor, message: B.message, shoutOut: B.shoutOut };

/** The thanks modal's Send: inline errors (no one picked, no words, yourself, not your mentor), or sent and said so. */
export function thanksSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, client, view }: SubmitArgs) => {
    const teamId = body.team?.id ?? body.user.team_id!;
    const values = formState.safeParse(view.state.values);
    const el = (block: string) => (values.success ? values.data[block]?.[VALUE] : undefined);
    const parsed = schema.safeParse({
      mentor: el(B.mentor)?.selected_user ?? undefined,
      message: el(B.message)?.value ?? "",
      shoutOut: (el(B.shoutOut)?.selected_options ?? []).some((o) => o.value === THANKS.shoutOutValue),
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[BLOCK_OF[String(issue.path[0])]!] ??= issue.message;
      return void (await ack({ response_action: "errors", errors }));
    }
    try {
      const sent = await sayThanks(deps.db, deps.directory(client), teamId, body.user.id, { toSlackUserId: parsed.data.mentor, message: parsed.data.message, shoutOut: parsed.data.shoutOut }, deps.now(), thanksMessages);
      await ack({ response_action: "update", view: doneModal("Thanks sent", thanksSentText(sent)) });
      deps.kickOutbox();
    } catch (error) {
      if (!(error instanceof DomainError)) deps.logger.error({ err: error, team: teamId }, "thanks failed");
      await ack({ response_action: "errors", errors: { [B.mentor]: errorText(error) } });
    }
  };
}
