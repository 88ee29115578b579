import type { AllMiddlewareArgs, BlockAction, RespondFn, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { doneModal, type NextStep } from "../kit/doneModal.js";
import { infoModal, message, noteMessage } from "../kit/message.js";

/** The parts of a block action's args that telling the presser something needs. */
export type PresserArgs = Pick<SlackActionMiddlewareArgs<BlockAction>, "body" | "respond"> & Pick<AllMiddlewareArgs, "client">;

/**
 * Where a person reads that what they did did not work (a refusal's words, or an apology), and the
 * notes a handler sends them. Each surface is one way Slack lets an app answer a click.
 */
export type ButtonSurface = (args: PresserArgs) => (text: string, next?: readonly NextStep[]) => Promise<void>;

/**
 * Where they pressed: an ephemeral reply under the message, the modal itself ("Nothing changed")
 * for a button inside a modal, or a DM from Rounds for a button on the App Home.
 */
export const whereClicked: ButtonSurface =
  ({ body, client, respond }) =>
  async (text, next = []) => {
    if (body.response_url) await respond({ response_type: "ephemeral", replace_original: false, ...noteMessage(text, next) });
    else if (body.view?.type === "modal" && body.view.id) await client.views.update({ view_id: body.view.id, view: doneModal("Nothing changed", text, next) });
    else await client.chat.postMessage({ channel: body.user.id, ...noteMessage(text, next) });
  };

/** An ephemeral note under the message; from the App Home (no message), a small modal titled `title`. */
export const noteOrModal =
  (title: string): ButtonSurface =>
  ({ body, client, respond }) =>
  async (text) => {
    if (body.response_url) await respond({ response_type: "ephemeral", replace_original: false, ...noteMessage(text) });
    else await client.views.open({ trigger_id: body.trigger_id, view: infoModal(title, message(text, text)) });
  };

/** A small modal titled `title`, stacked on the modal pressed in (or opened, from elsewhere). */
export const stackedModal =
  (title: string): ButtonSurface =>
  ({ body, client }) =>
  async (text) => {
    const view = infoModal(title, message(text, text));
    if (body.view?.type === "modal") await client.views.push({ trigger_id: body.trigger_id, view });
    else await client.views.open({ trigger_id: body.trigger_id, view });
  };

/**
 * Nowhere else than the modal the button opened first (spec.opensModal), which the pipeline fills
 * with the words: for buttons whose only answer is that modal (the meeting log, goals, agenda).
 */
export const openedModalOnly: ButtonSurface = () => async () => undefined;

/** A slash command's answer: an ephemeral message in the conversation it was typed in. */
export const ephemeralTo =
  (respond: RespondFn) =>
  async (text: string): Promise<void> =>
    void (await respond({ response_type: "ephemeral", text }));

export type { WebClient };
