import { meetingForm } from "../../meetings.js";
import { matchPickerModal, meetingModal } from "../../views/meetings/meetingModal.js";
import { noMatchToLogMessage } from "../../views/meetings/messages.js";
import { answering, type Asker } from "../../../profiles/listeners/context.js";

/** `/mentoring log`: the meeting modal for your one active match, a choice of match first if you have several, or a clear word if none. */
export const openLog = (a: Asker) =>
  answering(a, async () => {
    const result = await meetingForm(a.deps.db, a.deps.directory(a.client), a.teamId, a.userId, null, null, a.deps.now());
    if (result.kind === "no-match") return a.reply(noMatchToLogMessage());
    const view = result.kind === "pick" ? matchPickerModal(result.choices) : meetingModal(result.form);
    await a.client.views.open({ trigger_id: a.triggerId, view });
  });
