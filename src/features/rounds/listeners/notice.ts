import { answerAvailability, answerSkip } from "../roundNotices.js";
import { answeredNotice } from "../views/notices.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import { ROUND } from "../ids.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { noteOrModal } from "../../../slack/interaction/surfaces.js";

/** The notice's Skip this round / Count me in after all / Pause everything / Resume: record, update the DM in place. */
export function noticeButtons(on: Interactions): void {
  const answers = [
    [ROUND.skip, "skip"],
    [ROUND.unskip, "unskip"],
    [ROUND.pause, "pause"],
    [ROUND.resume, "resume"],
  ] as const;
  for (const [action, answer] of answers) {
    on.button({ action, who: "anyone", when: "queued", errors: noteOrModal("Rounds"), label: "round notice" }, async (i) => {
      const availability = answer === "pause" || answer === "resume";
      const outcome = availability ? await answerAvailability(i.ctx, i.userId, i.value, answer === "pause") : await answerSkip(i.ctx, i.userId, i.value, answer === "skip");
      if (i.args.body.response_url) await i.args.respond({ replace_original: true, ...answeredNotice(outcome) });
      if (availability) await refreshHomeQuietly(i.deps, i.client, i.teamId, i.userId);
    });
  }
}
