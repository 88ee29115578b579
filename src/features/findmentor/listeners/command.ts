import { findMentors } from "../findMentor.js";
import { findMentorReply, profileFirstMessage } from "../views/cards.js";
import { openProfile } from "../../profiles/listeners/open.js";
import { commandAnswer } from "../../profiles/listeners/answer.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** `/findmentor [keywords]`: the first page of ranked mentor cards, or the profile modal when there is no profile yet. */
export function findmentorCommand(on: Interactions): void {
  on.command({ command: "/findmentor", who: "anyone" }, async (i) => {
    const result = await findMentors(i.ctx, i.userId, { keywords: i.args.command.text ?? "", page: 0 }, i.deps.searchMentors);
    const answer = commandAnswer(i);
    if (result.kind !== "no_profile") return answer.message(findMentorReply(result));
    await openProfile(i, answer);
    await answer.message(profileFirstMessage());
  });
}
