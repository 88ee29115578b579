import { meetingForm } from "../../meetings.js";
import { readPickedMatch } from "../../views/meetings/form.js";
import { MEETING, MEETING_BLOCKS } from "../../ids.js";
import { meetingModal } from "../../views/meetings/meetingModal.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";

/** Step 1 "which mentorship?": the same modal becomes the meeting form for the chosen match. */
export function pickSubmit(on: Interactions): void {
  on.submit({ view: MEETING.pickSubmit, who: "anyone", errors: MEETING_BLOCKS.match, label: "meeting match choice" }, async (i) => {
    const picked = readPickedMatch(i.values);
    if (!picked.ok) return { errors: picked.errors };
    const result = await meetingForm(i.ctx, i.userId, picked.value, i.metadata.checkinId);
    if (result.kind !== "form") throw new Error("a chosen match always gives a form");
    return { update: meetingModal(result.form) };
  });
}
