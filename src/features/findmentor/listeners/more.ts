import { findMentors } from "../findMentor.js";
import { findMentorReply } from "../views/cards.js";
import { FINDMENTOR } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";

/** "More" under the cards: the next page, in place of the message it was pressed in. */
export function findMentorMore(on: Interactions): void {
  on.button({ action: FINDMENTOR.more, who: "anyone", when: "queued", errors: whereClicked, label: "findmentor_more" }, async (i) => {
    const { page, q } = i.value;
    const result = await findMentors(i.ctx, i.userId, { keywords: q, page }, i.deps.searchMentors);
    if (result.kind === "no_profile") throw new Error("profile disappeared between pages");
    await i.args.respond({ response_type: "ephemeral", replace_original: true, ...findMentorReply(result) });
  });
}
