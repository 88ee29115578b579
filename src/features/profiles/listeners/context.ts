import type { WebClient } from "@slack/web-api";
import { reportFailure } from "../../../slack/failureReport.js";
import type { SlackMessage } from "../../home/views/help.js";
import { message } from "../../../slack/kit/message.js";
import type { ListenerDeps } from "../../../slack/deps.js";

/** Who asked, from where, and how to answer them: a slash command replies ephemerally, a Home button in a modal. */
export interface Asker {
  deps: ListenerDeps;
  client: WebClient;
  teamId: string;
  userId: string;
  triggerId: string;
  reply(m: SlackMessage): Promise<void>;
}

/** Runs `work`; a domain error becomes its words in a reply, anything else a generic apology (logged as an error). */
export async function answering(asker: Asker, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await reportFailure(asker.deps.logger, error, { team: asker.teamId, user: asker.userId }, "profile action", (text) => asker.reply(message(text, text)));
  }
}

