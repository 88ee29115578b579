import { requireDirector, type DirectorActor } from "../../programs/directors.js";
import { postAtFields } from "../../../domain/announcement.js";
import { errorText, logFailure } from "../../../slack/errorText.js";
import { tellSafely } from "../../../slack/failureReport.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { composeInitialOf, composeModal } from "../views/composeModal.js";
import { readPreviewMetadata, type PreviewMetadata } from "../views/form.js";
import { ANNOUNCE } from "../ids.js";
import { composePrograms } from "./compose.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import type { SubmitArgs } from "../../programs/listeners/submit.js";
import { publish } from "./publish.js";

/**
 * The preview's Post / Schedule / Save: a time that passed while previewing sends the director back
 * to the form; otherwise a "working" modal at once, replaced by the outcome when the work (Slack
 * calls included) is done.
 */
export function previewSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, client, view }: SubmitArgs) => {
    const teamId = body.team?.id ?? body.user.team_id!;
    const who = { team: teamId, user: body.user.id };
    let by: DirectorActor;
    let meta: PreviewMetadata | null;
    try {
      by = await requireDirector(deps.db, deps.directory(client), teamId, body.user.id, deps.now());
      meta = readPreviewMetadata(view.private_metadata);
    } catch (error) {
      logFailure(deps.logger, error, who, "announcement publish");
      return void (await ack({ response_action: "update", view: doneModal("Nothing changed", errorText(error)) }));
    }
    if (!meta) return void (await ack({ response_action: "update", view: doneModal("Nothing changed", "This preview is out of date. Start again.", [{ text: "New announcement", actionId: ANNOUNCE.actions.compose, value: "" }]) }));
    const { draft } = meta;
    if (draft.postAt && draft.postAt.getTime() <= deps.now().getTime()) {
      const programs = await composePrograms(deps, by.workspaceId);
      const tz = programs.find((p) => p.id === draft.programId)?.timezone ?? "UTC";
      const form = composeModal(programs, composeInitialOf(draft, postAtFields(draft.postAt, tz)), { id: meta.id, posted: meta.posted }, "That time has passed while you were previewing. Pick a later time, or post now.");
      return void (await ack({ response_action: "update", view: form }));
    }
    await ack({ response_action: "update", view: doneModal("Announcement", meta.id ? "Saving…" : draft.postAt ? "Scheduling…" : "Posting…") });
    const m = meta;
    deps.work.run(
      "announcement-publish",
      async () => {
        const done = await publish(deps, client, by, m);
        // The director may have closed the modal meanwhile; the announcement is saved all the same.
        await tellSafely(deps.logger, who, () => client.views.update({ view_id: view.id, view: doneModal(done.title, done.text, done.next) }));
      },
      { fields: who, tell: (text) => client.views.update({ view_id: view.id, view: doneModal("Nothing changed", text) }) },
    );
  };
}
