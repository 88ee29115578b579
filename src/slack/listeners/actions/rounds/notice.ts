import { answerPause, answerSkip } from "../../../../services/roundNotices.js";
import { answeredNotice } from "../../../views/rounds/notices.js";
import { refreshHomeQuietly } from "../../../refreshHome.js";
import type { ListenerDeps } from "../../deps.js";
import { answering, buttonValue, teamOf, type ActionArgs } from "../requests/context.js";

/** The notice's Skip this one / Count me in after all / Pause me: ack, record, update the DM in place. */
export function noticeAnswer(deps: ListenerDeps, answer: "skip" | "unskip" | "pause") {
  return async (args: ActionArgs) => {
    await args.ack();
    const { body, client, respond } = args;
    await answering(deps, args, async () => {
      const teamId = teamOf(body);
      const outcome =
        answer === "pause"
          ? await answerPause(deps.db, deps.directory(client), teamId, body.user.id, buttonValue(body), deps.now())
          : await answerSkip(deps.db, deps.directory(client), teamId, body.user.id, buttonValue(body), answer === "skip", deps.now());
      if (body.response_url) await respond({ replace_original: true, ...answeredNotice(outcome) });
      if (answer === "pause") await refreshHomeQuietly(deps, client, teamId, body.user.id);
    });
  };
}
