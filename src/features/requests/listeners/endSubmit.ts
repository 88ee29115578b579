import { endMentorship } from "../matches.js";
import { MatchNotFound } from "../../../domain/errors.js";
import { errorText } from "../../../slack/errorText.js";
import { readNote } from "../views/form.js";
import { REQUEST_BLOCKS, REQUEST_VIEWS } from "../ids.js";
import { requestMessages } from "../views/messages.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** The end-mentorship modal's submit: match ENDED, feedback to the directors, the other side told kindly. */
export function endSubmit(on: Interactions): void {
  const stale = errorText(new MatchNotFound(""));
  on.submit({ view: REQUEST_VIEWS.end, who: "anyone", errors: REQUEST_BLOCKS.note, stale, label: "ending a mentorship" }, async (i) => {
    const note = readNote(i.values, REQUEST_BLOCKS.note);
    if (!note.ok) return { errors: note.errors };
    const match = await endMentorship({ ...i.ctx, messages: requestMessages }, i.userId, i.metadata, note.note);
    i.afterwards(async () => {
      i.deps.kickOutbox();
      await refreshHomeQuietly(i.deps, i.client, i.teamId, match.trainee.slackUserId);
      await refreshHomeQuietly(i.deps, i.client, i.teamId, match.mentor.slackUserId);
    });
  });
}
