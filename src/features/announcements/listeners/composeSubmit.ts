import { doneModal } from "../../../slack/kit/doneModal.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { ANN } from "../ids.js";
import { previewFor } from "./previewFor.js";

/**
 * The compose form's "Preview": inline errors (nothing saved), or the preview of the post exactly as
 * it will appear — shown at once, or (when Slack must be asked about the channel) after a
 * "preparing" modal, by views.update once the answer is sent. A refusal turns the modal into
 * "Nothing changed".
 */
export function composeSubmit(on: Interactions): void {
  const nothingChanged = (text: string) => ({ update: doneModal("Nothing changed", text) });
  on.submit({ view: ANN.composeSubmit, who: "director", errors: nothingChanged, label: "announcement preview" }, async (i) => {
    const outcome = await previewFor(i, i.by, i.metadata, i.args.view.state.values);
    if ("errors" in outcome) return { errors: outcome.errors };
    if ("view" in outcome) return { update: outcome.view };
    const viewId = i.args.body.view.id;
    const show = async (next: ReturnType<typeof doneModal>) => void (await i.client.views.update({ view_id: viewId, view: next }));
    i.afterwards(async () => show(await outcome.finish()), (text) => show(doneModal("Nothing changed", text)));
    return { update: outcome.preparing };
  });
}
