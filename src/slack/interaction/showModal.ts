import type { types } from "@slack/bolt";
import type { ButtonInteraction, Who } from "./pipeline.js";

/**
 * Shows a button's form: in the modal the pipeline opened for it ("working…", spec.opensModal) or
 * the modal it was pressed in (a next-step button on "Program created" turns that modal into the
 * form); without either (Slack refused the working modal), a new modal on the click's trigger.
 */
export async function showModal<V, W extends Who>(i: ButtonInteraction<V, W>, view: types.ModalView): Promise<void> {
  if (i.modal) await i.client.views.update({ view_id: i.modal.id, view });
  else await i.client.views.open({ trigger_id: i.args.body.trigger_id, view });
}
