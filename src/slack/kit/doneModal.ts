import { Blocks, Elements, Modal, type BlockBuilder } from "slack-block-builder";

/** A next step offered as a button: pressing it turns the modal into that step's form. */
export interface NextStep {
  text: string;
  actionId: string;
  value?: string;
}

/**
 * What a modal turns into once its submission is done (response_action: update). Text is mrkdwn,
 * already escaped. Each next step is a button, never only words.
 */
export function doneModal(title: string, text: string, next: readonly NextStep[] = []) {
  const blocks: BlockBuilder[] = [Blocks.Section({ text })];
  if (next.length) blocks.push(Blocks.Actions().elements(next.map((n) => Elements.Button({ text: n.text, actionId: n.actionId, ...(n.value ? { value: n.value } : {}) }))));
  return Modal({ title, close: "Close" }).blocks(blocks).buildToObject();
}
