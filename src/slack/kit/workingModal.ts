import type { types } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";

/** The callback id of the "working…" state a modal opens in (it has only Close, so nothing listens for it). */
export const WORKING_MODAL = "working";

/** A modal saying Rounds is getting it ready: what a button shows at once, before any query. */
export function workingModal(title: string): types.ModalView {
  return {
    type: "modal",
    callback_id: WORKING_MODAL,
    title: { type: "plain_text", text: title.slice(0, 24) },
    close: { type: "plain_text", text: "Close" },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: ":hourglass_flowing_sand: One moment…" } }],
  };
}

/**
 * Opens the working modal on `triggerId` (Slack takes a trigger for 3 s, once): the id of the view
 * to update when the work is done, or null when Slack refused it (say, the trigger expired).
 */
export async function openWorking(client: WebClient, triggerId: string, title: string, logger: Logger): Promise<{ id: string } | null> {
  try {
    const opened = await client.views.open({ trigger_id: triggerId, view: workingModal(title) });
    return opened.view?.id ? { id: opened.view.id } : null;
  } catch (error) {
    logger.info({ slackError: (error as { data?: { error?: string } }).data?.error ?? (error as Error).message }, "the modal could not be opened (expired trigger?); the work goes on without it");
    return null;
  }
}
