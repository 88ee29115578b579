import { answerAvailability, answerSkip } from "../roundNotices.js";
import { answeredNotice } from "../views/notices.js";
import { refreshHomeQuietly } from "../../home/refreshHome.js";
import type { ListenerDeps } from "../../../slack/deps.js";
import { answering, buttonValue, teamOf, type ActionArgs } from "../../requests/listeners/context.js";

/** The notice's Skip this round / Count me in after all / Pause everything / Resume: ack, record, update the DM in place. */
export function noticeAnswer(deps: ListenerDeps, answer: "skip" | "unskip" | "pause" | "resume") {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client, respond } = args;
    await answering(deps, args, async () => {
      const teamId = teamOf(body);
      const who = [deps.db, deps.directory(client), teamId, body.user.id, buttonValue(body)] as const;
      const outcome =
        answer === "pause" || answer === "resume"
          ? await answerAvailability(...who, answer === "pause", deps.now())
          : await answerSkip(...who, answer === "skip", deps.now());
      if (body.response_url) await respond({ replace_original: true, ...answeredNotice(outcome) });
      if (answer === "pause" || answer === "resume") await refreshHomeQuietly(deps, client, teamId, body.user.id);
    });
  };
}
