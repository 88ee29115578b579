import type { types } from "@slack/bolt";
import { infoModal, type SlackMessage } from "../../../slack/kit/message.js";
import type { ButtonInteraction, CommandInteraction } from "../../../slack/interaction/pipeline.js";

/**
 * How an entry point (open.ts) answers the person who asked: with its modal, or with a short message.
 * A slash command opens the modal on its trigger and replies ephemerally; a button has opened a
 * modal already (opensModal) and both go into it.
 */
export interface Answer {
  modal(view: types.ModalView): Promise<void>;
  message(m: SlackMessage): Promise<void>;
}

export function commandAnswer(i: CommandInteraction<"anyone">): Answer {
  return {
    modal: async (view) => void (await i.client.views.open({ trigger_id: i.args.command.trigger_id, view })),
    message: async (m) => void (await i.args.respond({ response_type: "ephemeral", ...m })),
  };
}

/** Into the modal the button opened ("Rounds", for a message); nothing when Slack refused to open it. */
export function buttonAnswer(i: ButtonInteraction<unknown, "anyone">): Answer {
  const into = async (view: types.ModalView) => void (i.modal && (await i.client.views.update({ view_id: i.modal.id, view })));
  return { modal: into, message: (m) => into(infoModal("Rounds", m)) };
}
