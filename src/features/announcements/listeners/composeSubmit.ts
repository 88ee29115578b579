import { requireDirector } from "../../programs/directors.js";
import { errorText, logFailure } from "../../../slack/errorText.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { SubmitArgs } from "../../programs/listeners/submit.js";
import { previewFor } from "./previewFor.js";

/**
 * The compose form's "Preview": inline errors (nothing saved), or the preview of the post exactly as
 * it will appear — shown at once, or (when Slack must be asked about the channel) after a
 * "preparing" modal, by views.update once the ack is sent.
 */
export function composeSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, client, view }: SubmitArgs) => {
    const teamId = body.team?.id ?? body.user.team_id!;
    const who = { team: teamId, user: body.user.id };
    try {
      const by = await requireDirector(deps.db, deps.directory(client), teamId, body.user.id, deps.now());
      const outcome = await previewFor(deps, client, by, view.private_metadata, view.state.values);
      if ("errors" in outcome) return void (await ack({ response_action: "errors", errors: outcome.errors }));
      if ("view" in outcome) return void (await ack({ response_action: "update", view: outcome.view }));
      await ack({ response_action: "update", view: outcome.preparing });
      const show = async (next: ReturnType<typeof doneModal>) => void (await client.views.update({ view_id: body.view.id, view: next }));
      deps.work.run(body.view.callback_id, async () => show(await outcome.finish()), { fields: who, tell: (text) => show(doneModal("Nothing changed", text)) });
    } catch (error) {
      logFailure(deps.logger, error, who, "announcement preview");
      await ack({ response_action: "update", view: doneModal("Nothing changed", errorText(error)) });
    }
  };
}
