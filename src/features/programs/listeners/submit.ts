import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { ViewId } from "../../../slack/interaction/ids.js";
import type { Interactions, SubmitInteraction } from "../../../slack/interaction/pipeline.js";
import { tellSafely } from "../../../slack/failureReport.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import { doneModal, type NextStep } from "../../../slack/kit/doneModal.js";

/** A modal submission's Bolt args (still used by features not yet on the pipeline). */
export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

type Done = { done: { title: string; text: string; next?: NextStep[] }; alsoRefresh?: string[] };

/**
 * What a submission's work decides: inline errors (nothing saved), the modal to show instead, or —
 * for work that talks to Slack and may take longer than Slack waits — a "working" modal shown at
 * once and replaced by `finish`'s result when it is done.
 */
export type Outcome =
  | { errors: Record<string, string> }
  | Done
  | { working: { title: string; text: string }; finish: () => Promise<Done> };

/**
 * The shape every admin modal submission shares: a director's (anyone else, or a failure, turns the
 * modal into "Nothing changed" with the words why), then the work, then ONE answer — inline errors
 * (nothing saved) or the modal updated with what happened — and, after a change, the App Home of the
 * director (and of anyone in `alsoRefresh`) is refreshed.
 */
export function adminForm<M>(on: Interactions, form: ViewId<M>, work: (i: SubmitInteraction<M, "director">) => Promise<Outcome>): void {
  on.submit({ view: form, who: "director", errors: (text) => ({ update: doneModal("Nothing changed", text) }), label: "admin submission" }, async (i) => {
    const outcome = await work(i);
    if ("errors" in outcome) return { errors: outcome.errors };
    if ("working" in outcome) {
      const { finish } = outcome;
      const viewId = i.args.body.view.id;
      i.afterwards(
        async () => {
          const done = await finish();
          // The director may have closed the modal meanwhile; the work is done all the same.
          await tellSafely(i.logger, { team: i.teamId, user: i.userId }, () => i.client.views.update({ view_id: viewId, view: doneModal(done.done.title, done.done.text, done.done.next) }));
          await refreshHomes(i, done);
        },
        (text) => i.client.views.update({ view_id: viewId, view: doneModal("Nothing changed", text) }),
      );
      return { update: doneModal(outcome.working.title, outcome.working.text) };
    }
    i.afterwards(() => refreshHomes(i, outcome));
    return { update: doneModal(outcome.done.title, outcome.done.text, outcome.done.next) };
  });
}

async function refreshHomes<M>(i: SubmitInteraction<M, "director">, outcome: Done): Promise<void> {
  for (const user of new Set([i.userId, ...(outcome.alsoRefresh ?? [])])) {
    await refreshHomeQuietly(i.deps, i.client, i.teamId, user);
  }
}
