import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { requireDirector, type DirectorActor } from "../directors.js";
import { reportFailure } from "../../../slack/failureReport.js";
import { doneModal, type NextStep } from "../../../slack/kit/doneModal.js";
import { noteMessage } from "../../../slack/kit/message.js";
import type { ListenerDeps } from "../../../slack/deps.js";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Any block action's args, as far as telling its presser something needs them. */
type PresserArgs = Pick<SlackActionMiddlewareArgs<BlockAction>, "body" | "respond"> & Pick<AllMiddlewareArgs, "client">;

/**
 * Acks a button, checks the presser is a director, then does the work. A refusal or failure is
 * told to the presser as an ephemeral reply; nothing is changed.
 */
export function directorButton(deps: ListenerDeps, work: (by: DirectorActor, args: ButtonArgs) => Promise<void>) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const { body, client } = args;
    const teamId = body.team?.id ?? body.user.team_id!;
    try {
      const by = await requireDirector(deps.db, deps.directory(client), teamId, body.user.id, deps.now());
      await work(by, args);
    } catch (error) {
      await reportFailure(deps.logger, error, { team: teamId, user: body.user.id, action: args.action.action_id }, "admin action", (text) => tell(args, text));
    }
  };
}

/**
 * Shows a form for a button press: a new modal, or — for a next-step button inside a modal (e.g.
 * "New cohort" on "Program created") — that modal turned into the form (views.update).
 */
export async function showModal({ body, client }: ButtonArgs, view: Parameters<ButtonArgs["client"]["views"]["open"]>[0]["view"]): Promise<void> {
  if (body.view?.type === "modal" && body.view.id) await client.views.update({ view_id: body.view.id, view });
  else await client.views.open({ trigger_id: body.trigger_id, view });
}

/**
 * Tells the presser something where they pressed: an ephemeral reply under a message, the modal
 * itself for a button in a modal, or a DM from Rounds for a button on the App Home. `next` are the
 * next steps, as buttons.
 */
export async function tell({ body, client, respond }: PresserArgs, text: string, next: readonly NextStep[] = []): Promise<void> {
  if (body.response_url) {
    await respond({ response_type: "ephemeral", replace_original: false, ...noteMessage(text, next) });
  } else if (body.view?.type === "modal" && body.view.id) {
    await client.views.update({ view_id: body.view.id, view: doneModal("Nothing changed", text, next) });
  } else {
    await client.chat.postMessage({ channel: body.user.id, ...noteMessage(text, next) });
  }
}
