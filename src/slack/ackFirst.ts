import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "./deps.js";
import { isFirstDelivery } from "./dedupeDeliveries.js";
import { busyAnswers } from "../metrics/slack.js";

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** The answer, in the ack itself, when Rounds is too busy to take a command now. */
export const BUSY_TEXT = "Rounds is very busy right now and couldn't take that. Please try again in a minute.";

/**
 * Every slash command: ack() at once (Slack waits 3 s at most), then do the work in the work queue
 * — once per delivery, however often Slack retries it — and tell the person if it fails (a refusal is
 * logged at info, a fault at error: see WorkQueue.run).
 */
export function ackFirst(deps: ListenerDeps, handle: (args: CommandArgs) => Promise<void>) {
  return async (args: CommandArgs) => {
    if (deps.work.backlogged) {
      busyAnswers.inc({ queue: "after_ack" });
      return void (await args.ack({ response_type: "ephemeral", text: BUSY_TEXT }));
    }
    await args.ack();
    const { command, respond } = args;
    deps.work.run(
      command.command,
      async () => {
        if (!(await isFirstDelivery(deps, `command:${command.trigger_id}`, command.team_id))) {
          deps.logger.info({ command: command.command, retryNum: args.context.retryNum }, "repeated Slack command ignored");
          return;
        }
        await handle(args);
      },
      {
        fields: { team: command.team_id, user: command.user_id, command: command.command },
        tell: (text) => respond({ response_type: "ephemeral", text }),
      },
    );
  };
}
