import { checkBlockKit } from "../../src/slack/standin/blockKit.js";

/**
 * What Slack does with the body the app acks a view_submission or a slash command with: it shows the
 * view or message only if Block Kit allows it, and shows inline errors only under input blocks of the
 * submitted view. These checks let the driver refuse, as Slack would, what the app answers in an ack.
 */

export interface AckRefusal {
  error: string;
  messages: string[];
}

type Blocks = readonly { type?: unknown; block_id?: unknown }[];

/**
 * A view_submission ack: `response_action` "update"/"push" with a view Slack can show, "errors" keyed by
 * the block_ids of input blocks of the submitted view (its blocks, when known), or "clear".
 */
export function viewSubmissionAckRefusal(answer: unknown, submittedBlocks: Blocks | null): AckRefusal | null {
  if (answer === null || typeof answer !== "object") return null; // an empty body: the modal closes
  const a = answer as { response_action?: unknown; view?: unknown; errors?: unknown };
  switch (a.response_action) {
    case "update":
    case "push":
      return checkBlockKit("modal", a.view);
    case "clear":
      return null;
    case "errors": {
      if (a.errors === null || typeof a.errors !== "object" || Object.keys(a.errors).length === 0) {
        return { error: "invalid_arguments", messages: ["must provide an object with at least one block_id [json-pointer:/errors]"] };
      }
      const messages: string[] = [];
      for (const [blockId, message] of Object.entries(a.errors)) {
        if (typeof message !== "string" || message === "") messages.push(`must provide a string [json-pointer:/errors/${blockId}]`);
        const inputs = submittedBlocks?.filter((b) => b.type === "input").map((b) => b.block_id);
        if (inputs && !inputs.includes(blockId)) messages.push(`no input block with block_id ${blockId} in the submitted view [json-pointer:/errors/${blockId}]`);
      }
      return messages.length ? { error: "invalid_arguments", messages } : null;
    }
    default:
      return { error: "invalid_arguments", messages: [`unsupported response_action: ${String(a.response_action)} [json-pointer:/response_action]`] };
  }
}

/** A slash command ack with a body: a message shown only to the person who ran the command. */
export function commandAckRefusal(body: unknown): AckRefusal | null {
  if (body === null || typeof body !== "object") return null;
  return checkBlockKit("ephemeral", body);
}
