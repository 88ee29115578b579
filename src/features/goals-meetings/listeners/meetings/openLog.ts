import { meetingForm } from "../../meetings.js";
import { matchPickerModal, meetingModal } from "../../views/meetings/meetingModal.js";
import { noMatchToLogMessage } from "../../views/meetings/messages.js";
import type { Interaction } from "../../../../slack/interaction/pipeline.js";
import type { Answer } from "../../../profiles/listeners/answer.js";

/** `/mentoring log`: the meeting modal for your one active match, a choice of match first if you have several, or a clear word if none. */
export async function openLog(i: Pick<Interaction, "ctx" | "userId">, answer: Answer): Promise<void> {
  const result = await meetingForm(i.ctx, i.userId, null, null);
  if (result.kind === "no-match") return answer.message(noMatchToLogMessage());
  await answer.modal(result.kind === "pick" ? matchPickerModal(result.choices) : meetingModal(result.form));
}
