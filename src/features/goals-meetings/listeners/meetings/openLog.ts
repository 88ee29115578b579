import { meetingForm } from "../../meetings.js";
import { matchPickerModal, meetingModal } from "../../views/meetings/meetingModal.js";
import { noMatchToLogMessage } from "../../views/meetings/messages.js";
import type { SlackMessage } from "../../../../slack/kit/message.js";
import type { Interaction } from "../../../../slack/interaction/pipeline.js";

/**
 * `/mentoring log`: the meeting modal for your one active match, a choice of match first if you have
 * several (opened on the command's trigger), or a clear word if none (given to `reply`).
 */
export async function openLog(i: Pick<Interaction, "ctx" | "client" | "userId">, triggerId: string, reply: (m: SlackMessage) => Promise<void>): Promise<void> {
  const result = await meetingForm(i.ctx, i.userId, null, null);
  if (result.kind === "no-match") return reply(noMatchToLogMessage());
  const view = result.kind === "pick" ? matchPickerModal(result.choices) : meetingModal(result.form);
  await i.client.views.open({ trigger_id: triggerId, view });
}
