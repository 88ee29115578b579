import type { WebClient } from "@slack/web-api";
import { DomainError } from "../../../../domain/errors.js";
import { errorText } from "../../../errorText.js";
import type { SlackMessage } from "../../../views/help.js";
import { message } from "../../../views/profile/message.js";
import type { ListenerDeps } from "../../deps.js";

/** Who asked, from where, and how to answer them: a slash command replies ephemerally, a Home button in a modal. */
export interface Asker {
  deps: ListenerDeps;
  client: WebClient;
  teamId: string;
  userId: string;
  triggerId: string;
  reply(m: SlackMessage): Promise<void>;
}

/** Runs `work`; a domain error becomes its words in a reply, anything else a generic apology (and a log line). */
export async function answering(asker: Asker, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DomainError)) asker.deps.logger.error({ err: error, team: asker.teamId, user: asker.userId }, "profile action failed");
    const text = errorText(error);
    await asker.reply(message(text, text));
  }
}

