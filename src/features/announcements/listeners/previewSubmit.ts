import { postAtFields } from "../../../domain/announcement.js";
import { tellSafely } from "../../../slack/failureReport.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { composeInitialOf, composeModal } from "../views/composeModal.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { ANN, ANNOUNCE } from "../ids.js";
import { composePrograms } from "./compose.js";
import { publish } from "./publish.js";

/**
 * The preview's Post / Schedule / Save: a time that passed while previewing sends the director back
 * to the form; otherwise a "working" modal at once, replaced by the outcome when the work (Slack
 * calls included) is done. A refusal turns the modal into "Nothing changed".
 */
export function previewSubmit(on: Interactions): void {
  const stale = "This preview is out of date. Start again.";
  // A stale preview offers a new announcement; any other refusal only says that nothing changed.
  const nothingChanged = (text: string) => ({ update: doneModal("Nothing changed", text, text === stale ? [{ text: "New announcement", actionId: ANNOUNCE.actions.compose, value: "" }] : []) });
  on.submit({ view: ANN.previewSubmit, who: "director", errors: nothingChanged, stale, label: "announcement publish" }, async (i) => {
    const meta = i.metadata;
    const { draft } = meta;
    if (draft.postAt && draft.postAt.getTime() <= i.ctx.now.getTime()) {
      const programs = await composePrograms(i.ctx.db, i.by.workspaceId);
      const tz = programs.find((p) => p.id === draft.programId)?.timezone ?? "UTC";
      return { update: composeModal(programs, composeInitialOf(draft, postAtFields(draft.postAt, tz)), { id: meta.id, posted: meta.posted }, "That time has passed while you were previewing. Pick a later time, or post now.") };
    }
    const viewId = i.args.view.id;
    const who = { team: i.teamId, user: i.userId };
    i.afterwards(
      async () => {
        const done = await publish(i, i.by, meta);
        // The director may have closed the modal meanwhile; the announcement is saved all the same.
        await tellSafely(i.deps.logger, who, () => i.client.views.update({ view_id: viewId, view: doneModal(done.title, done.text, done.next) }));
      },
      (text) => i.client.views.update({ view_id: viewId, view: doneModal("Nothing changed", text) }),
    );
    return { update: doneModal("Announcement", meta.id ? "Saving…" : draft.postAt ? "Scheduling…" : "Posting…") };
  });
}
