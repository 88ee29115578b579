import { Blocks, Modal } from "slack-block-builder";

/** What a modal turns into once its submission is done (response_action: update). Text is mrkdwn, already escaped. */
export function doneModal(title: string, text: string) {
  return Modal({ title, close: "Close" }).blocks(Blocks.Section({ text })).buildToObject();
}
