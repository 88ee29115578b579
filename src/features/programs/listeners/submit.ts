import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { requireDirector } from "../directors.js";
import type { Actor } from "../audit.js";
import { errorText, logFailure } from "../../../slack/errorText.js";
import { tellSafely } from "../../../slack/failureReport.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import { doneModal, type NextStep } from "../../../slack/kit/doneModal.js";
import type { ListenerDeps } from "../../../slack/deps.js";

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
 * The shape every admin modal submission shares: the director check, then the work, then ONE ack —
 * `response_action: "errors"` (nothing saved) or `"update"` with what happened — and, after a
 * change, the App Home of the director (and of anyone in `alsoRefresh`) is refreshed.
 */
export async function submitAsDirector(deps: ListenerDeps, args: SubmitArgs, work: (by: Actor) => Promise<Outcome>): Promise<void> {
  const { ack, body, client } = args;
  const teamId = body.team?.id ?? body.user.team_id!;
  const who = { team: teamId, user: body.user.id };
  let outcome: Outcome;
  try {
    const by = await requireDirector(deps.db, deps.directory(client), teamId, body.user.id, deps.now());
    outcome = await work(by);
  } catch (error) {
    logFailure(deps.logger, error, { ...who, view: body.view.callback_id }, "admin submission");
    await ack({ response_action: "update", view: doneModal("Nothing changed", errorText(error)) });
    return;
  }
  if ("errors" in outcome) {
    await ack({ response_action: "errors", errors: outcome.errors });
    return;
  }
  if ("working" in outcome) {
    const { finish } = outcome;
    await ack({ response_action: "update", view: doneModal(outcome.working.title, outcome.working.text) });
    deps.work.run(
      body.view.callback_id,
      async () => {
        const done = await finish();
        // The director may have closed the modal meanwhile; the work is done all the same.
        await tellSafely(deps.logger, who, () => client.views.update({ view_id: body.view.id, view: doneModal(done.done.title, done.done.text, done.done.next) }));
        await refreshHomes(deps, args, teamId, done);
      },
      { fields: who, tell: (text) => client.views.update({ view_id: body.view.id, view: doneModal("Nothing changed", text) }) },
    );
    return;
  }
  await ack({ response_action: "update", view: doneModal(outcome.done.title, outcome.done.text, outcome.done.next) });
  await refreshHomes(deps, args, teamId, outcome);
}

async function refreshHomes(deps: ListenerDeps, { body, client }: SubmitArgs, teamId: string, outcome: Done): Promise<void> {
  for (const user of new Set([body.user.id, ...(outcome.alsoRefresh ?? [])])) {
    await refreshHomeQuietly(deps, client, teamId, user);
  }
}
