import { addProgressNote } from "../../goals.js";
import { readProgressNote } from "../../views/goals/form.js";
import { GOAL, GOAL_BLOCKS } from "../../ids.js";
import { refreshHomeQuietly } from "../../../home/refreshHome.js";
import type { Interactions } from "../../../../slack/interaction/pipeline.js";
import { afterGoalChange } from "./refresh.js";

/** "Add note": a progress note on the goal, by its trainee or one of their mentors. */
export function noteSubmit(on: Interactions): void {
  on.submit({ view: GOAL.noteSubmit, who: "anyone", errors: GOAL_BLOCKS.note, label: "adding a progress note" }, async (i) => {
    const note = readProgressNote(i.values);
    if (!note.ok) return { errors: note.errors };
    const { traineeSlackUserId } = await addProgressNote(i.ctx, i.userId, i.metadata, note.value);
    const listId = i.args.body.view.previous_view_id;
    i.afterwards(async () => {
      await afterGoalChange(i, listId);
      if (traineeSlackUserId && traineeSlackUserId !== i.userId) await refreshHomeQuietly(i.deps, i.client, i.teamId, traineeSlackUserId);
    });
  });
}
